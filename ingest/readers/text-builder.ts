import type { StructureKind, StructureSpan } from '../model.ts';

/**
 * Builds a document's plain text and its structure table together, so every span's offsets point into the text
 * exactly as stored. The markdown and HTML readers drive it from their parsers' events: `text()` for content,
 * `open()`/`close()` around structure, `block()` at block boundaries.
 */
export class TextBuilder {
  private out = '';
  private readonly spans: StructureSpan[] = [];
  /** A pending block separation: written lazily, so empty blocks leave no blank lines behind. */
  private pendingBreak: '' | '\n' | '\n\n' = '';

  get length(): number {
    return this.out.length;
  }

  /** The text written so far ends a line (or nothing is written yet). */
  atLineStart(): boolean {
    return this.out === '' || this.out.endsWith('\n') || this.pendingBreak !== '';
  }

  slice(start: number, end = this.out.length): string {
    return this.out.slice(start, end);
  }

  /** Ends the current block: `'\n'` for a line (list item, table cell), `'\n\n'` for a paragraph. */
  block(separator: '\n' | '\n\n' = '\n\n'): void {
    if (this.out === '') return;
    if (separator.length > this.pendingBreak.length) this.pendingBreak = separator;
  }

  text(s: string): void {
    if (!s) return;
    if (this.pendingBreak) {
      // Whitespace alone never opens the next block.
      s = s.replace(/^[ \t]+/, '');
      if (!s) return;
      const trimmed = this.out.replace(/\s+$/, '');
      const cut = this.out.length - trimmed.length;
      // Spans opened after the pending break moved with it: they start `cut` earlier once the spaces go.
      for (const span of this.spans) {
        if (span.start > trimmed.length) span.start = span.start >= this.out.length ? span.start - cut : trimmed.length;
        if (span.end > trimmed.length) span.end = trimmed.length;
      }
      this.out = trimmed + this.pendingBreak;
      this.pendingBreak = '';
    }
    // Runs of spaces inside a line are kept: newsletters use a double space as a title/description boundary.
    this.out += s.replace(/\u00a0/g, ' ');
  }

  /** A hard line break inside a block. */
  lineBreak(): void {
    if (this.out !== '' && !this.pendingBreak) this.out = this.out.replace(/[ \t]+$/, '') + '\n';
  }

  /** Starts a span at the current end of the text (after any pending break); returns it for `close`. */
  open(kind: StructureKind, extra: Omit<StructureSpan, 'kind' | 'start' | 'end'> = {}): StructureSpan {
    const span: StructureSpan = { kind, start: this.out.length + this.pendingBreak.length, end: -1, ...extra };
    this.spans.push(span);
    return span;
  }

  close(span: StructureSpan): void {
    // Trailing spaces of the span's content are not part of it.
    let end = this.out.length;
    while (end > span.start && /\s/.test(this.out[end - 1]!)) end--;
    span.end = Math.max(span.start, end);
  }

  /** Adds a span over text already written (speaker labels found after the fact). */
  mark(span: StructureSpan): void {
    this.spans.push(span);
  }

  /**
   * The finished text (trimmed at both ends) and its spans, empty ones dropped, sorted by start. Offsets are
   * UTF-16 code units, like every offset the project stores.
   */
  finish(): { text: string; structure: StructureSpan[] } {
    const lead = this.out.length - this.out.trimStart().length;
    const text = this.out.trim();
    const structure = this.spans
      .map((s) => ({ ...s, start: Math.max(0, s.start - lead), end: Math.min(text.length, (s.end < 0 ? this.out.length : s.end) - lead) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    return { text, structure };
  }
}
