/** Lines and sentences with offsets into the document text; no NLP parse needed. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  line: number;
}

export function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|et al|vs|etc|cf|approx|fig|figs|eq|eqs|sec|no|vol|dr|mr|mrs|ms|prof|inc|ltd|jr|sr|st|u\.s|a\.k\.a)|\b[A-Z])\.$/i;
/** A candidate boundary: terminal punctuation, optional closing quote/bracket, whitespace. */
const BOUNDARY = /[.!?…]+["”’)\]]*\s+(?=["“([]?[\p{Lu}\p{N}•●])/gu;

/** Splits each line into sentences; a line break always ends a sentence. */
export function splitSentences(text: string, lines = splitLines(text)): Sentence[] {
  const out: Sentence[] = [];
  lines.forEach((line, index) => {
    let from = 0;
    const push = (a: number, b: number) => {
      const raw = line.text.slice(a, b);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) out.push({ start: line.start + a + lead, end: line.start + a + lead + trimmed.length, text: trimmed, line: index });
    };
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(line.text); m; m = BOUNDARY.exec(line.text)) {
      const punctEnd = m.index + m[0].trimEnd().length;
      if (ABBREVIATION.test(line.text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
      push(from, punctEnd);
      from = m.index + m[0].length;
    }
    push(from, line.text.length);
  });
  return out;
}
