/** Splits a text into plain and highlighted segments from mention offsets (for sentences and whole documents). */

export interface Span {
  start: number;
  end: number;
  /** Whatever the caller needs back on the highlighted segment (entity id, type…). */
  ref?: string;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** The span this segment highlights, or null for plain text. */
  span: Span | null;
}

/**
 * Segments covering `text` exactly, in order. Spans are clamped to the text; empty, inverted and
 * non-integer spans are ignored; when spans overlap, the one starting first wins (the longer on a tie), so
 * every character belongs to one segment.
 */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const clean = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of clean) {
    if (s.start < pos) continue;
    if (s.start > pos) out.push({ text: text.slice(pos, s.start), start: pos, end: s.start, span: null });
    out.push({ text: text.slice(s.start, s.end), start: s.start, end: s.end, span: s });
    pos = s.end;
  }
  if (pos < text.length || text.length === 0) out.push({ text: text.slice(pos), start: pos, end: text.length, span: null });
  return out.filter((seg) => seg.text.length > 0 || out.length === 1);
}

/** A window of `radius` characters around [start, end) cut at word boundaries, for long sentences. */
export function excerpt(text: string, start: number, end: number, radius = 160): { text: string; offset: number; cutLeft: boolean; cutRight: boolean } {
  if (text.length <= end - start + radius * 2) return { text, offset: 0, cutLeft: false, cutRight: false };
  let a = Math.max(0, start - radius);
  let b = Math.min(text.length, end + radius);
  if (a > 0) {
    const sp = text.indexOf(' ', a);
    if (sp !== -1 && sp < start) a = sp + 1;
  }
  if (b < text.length) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > end) b = sp;
  }
  return { text: text.slice(a, b), offset: a, cutLeft: a > 0, cutRight: b < text.length };
}
