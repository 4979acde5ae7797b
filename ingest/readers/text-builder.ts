import type { StructureKind, StructureSpan } from '../model.ts';

/**
 * Builds a document's plain text and its structure table together, so every span's offsets point into the text
 * exactly as stored. The markdown and HTML readers drive it from their parsers' events: `text()` for content,
 * `open()`/`close()` around structure, `block()` at block boundaries.
 */
export class TextBuilder {
  /**
   * The text as appended pieces: one growing string would be a rope that V8 flattens on every look at its last
   * characters, which made reading a long issue quadratic. Looks at the end walk back over the last pieces only.
   */
  private readonly parts: string[] = [];
  private len = 0;
  private readonly spans: StructureSpan[] = [];
  /** A pending block separation: written lazily, so empty blocks leave no blank lines behind. */
  private pendingBreak: '' | '\n' | '\n\n' = '';

  get length(): number {
    return this.len;
  }

  /** The text written so far ends a line (or nothing is written yet). */
  atLineStart(): boolean {
    return this.len === 0 || this.lastChar() === '\n' || this.pendingBreak !== '';
  }

  /** A recent range of the text (walks back from the end: callers look at what they just wrote). */
  slice(start: number, end = this.len): string {
    let at = this.len;
    const picked: string[] = [];
    for (let i = this.parts.length - 1; i >= 0 && at > start; i--) {
      const p = this.parts[i]!;
      const from = at - p.length;
      if (from < end) picked.push(p.slice(Math.max(0, start - from), Math.min(p.length, end - from)));
      at = from;
    }
    return picked.reverse().join('');
  }

  private lastChar(): string {
    const p = this.parts[this.parts.length - 1];
    return p ? p[p.length - 1]! : '';
  }

  /** How many characters at the end match `re` (one character at a time). */
  private trailing(re: RegExp): number {
    let n = 0;
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i]!;
      let j = p.length - 1;
      while (j >= 0 && re.test(p[j]!)) j--;
      n += p.length - 1 - j;
      if (j >= 0) break;
    }
    return n;
  }

  private cutEnd(n: number): void {
    while (n > 0) {
      const p = this.parts.pop()!;
      if (p.length <= n) {
        n -= p.length;
        this.len -= p.length;
      } else {
        this.parts.push(p.slice(0, p.length - n));
        this.len -= n;
        n = 0;
      }
    }
  }

  private append(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.len += s.length;
  }

  /** Ends the current block: `'\n'` for a line (list item, table cell), `'\n\n'` for a paragraph. */
  block(separator: '\n' | '\n\n' = '\n\n'): void {
    if (this.len === 0) return;
    if (separator.length > this.pendingBreak.length) this.pendingBreak = separator;
  }

  text(s: string): void {
    if (!s) return;
    if (this.pendingBreak) {
      // Whitespace alone never opens the next block.
      s = s.replace(/^[ \t]+/, '');
      if (!s) return;
      const cut = this.trailing(/\s/);
      const trimmedLength = this.len - cut;
      // Spans opened after the pending break moved with it: they start `cut` earlier once the spaces go. Only recent
      // spans reach past the trimmed end (closed ones end before their trailing spaces), so the walk stops early.
      for (let i = this.spans.length - 1; i >= 0; i--) {
        const span = this.spans[i]!;
        if (span.start <= trimmedLength && span.end <= trimmedLength) break;
        if (span.start > trimmedLength) span.start = span.start >= this.len ? span.start - cut : trimmedLength;
        if (span.end > trimmedLength) span.end = trimmedLength;
      }
      this.cutEnd(cut);
      this.append(this.pendingBreak);
      this.pendingBreak = '';
    }
    // Runs of spaces inside a line are kept: newsletters use a double space as a title/description boundary.
    this.append(s.replace(/\u00a0/g, ' '));
  }

  /** A hard line break inside a block. */
  lineBreak(): void {
    if (this.len === 0 || this.pendingBreak) return;
    this.cutEnd(this.trailing(/[ \t]/));
    this.append('\n');
  }

  /** Starts a span at the current end of the text (after any pending break); returns it for `close`. */
  open(kind: StructureKind, extra: Omit<StructureSpan, 'kind' | 'start' | 'end'> = {}): StructureSpan {
    const span: StructureSpan = { kind, start: this.len + this.pendingBreak.length, end: -1, ...extra };
    this.spans.push(span);
    return span;
  }

  close(span: StructureSpan): void {
    // Trailing spaces of the span's content are not part of it.
    span.end = Math.max(span.start, this.len - this.trailing(/\s/));
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
    const out = this.parts.join('');
    const lead = out.length - out.trimStart().length;
    const text = out.trim();
    const structure = this.spans
      .map((s) => ({ ...s, start: Math.max(0, s.start - lead), end: Math.min(text.length, (s.end < 0 ? out.length : s.end) - lead) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    return { text, structure };
  }
}
