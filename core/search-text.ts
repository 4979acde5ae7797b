/**
 * How search text is cut into words, shared by the server (the full-text query it builds, the ranking) and the
 * explorer (which part of a hit's name to highlight), so both read "Qwen2.5", "GPT-4.5" and "Humanity’s" the
 * way the full-text index does.
 *
 * The indexes use Lucene's standard analyzer: Unicode word boundaries (UAX #29) and lower case. Under those rules
 * a dot, comma or apostrophe between two letters or digits does not break a word ("2.5", "qwen2.5", "humanity's",
 * "3,000"), while hyphens, spaces, slashes and "@" do ("gpt-4.5" → gpt, 4.5). Intl.Segmenter implements the same
 * rules (ICU), so words are cut with it; splitting on every non-alphanumeric character instead turned "GPT-4.5"
 * into gpt, 4, 5, which the index never holds, and found "GPT-5.2 45".
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The apostrophes people type or paste: ' ’ ʼ ′ (the index keeps whichever the text had). */
export const APOSTROPHES = /['\u2019\u02bc\u2032]/g;

/** Words of `s` as the index cuts them, lower-cased (NFKC first, so full-width forms and ligatures compare). */
export function searchTokens(s: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter.segment(s.normalize('NFKC').toLowerCase())) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/** A word spelled with the other apostrophe: "humanity's" ↔ "humanity’s" (none when it has no apostrophe). */
export function apostropheVariants(token: string): string[] {
  if (!/['\u2019\u02bc\u2032]/.test(token)) return [token];
  return [...new Set([token, token.replace(APOSTROPHES, "'"), token.replace(APOSTROPHES, '\u2019')])];
}

/**
 * The comparison key of a name: its words joined, apostrophes dropped. "GPT 4.5", "gpt-4.5" and "GPT4.5" are one
 * key ("gpt4.5"); "GPT-45" is another; "Humanity's" and "Humanity’s" and "Humanitys" are one.
 */
export function searchKey(s: string): string {
  return searchTokens(s).join('').replace(APOSTROPHES, '');
}

/** Letters and digits apart: "qwen2.5" → qwen, 2.5; "gpt4o" → gpt, 4o is left whole (a digit then a letter). */
export function splitLetterDigit(token: string): string[] {
  return token.split(/(?<=\p{L})(?=\p{N})/u).filter(Boolean);
}

/**
 * Where the query's words occur in `name` as word prefixes, for highlighting a hit: [start, end) ranges into
 * `name`, in order, not overlapping. Matching ignores case and apostrophe spelling.
 */
export function matchRanges(name: string, query: string): { start: number; end: number }[] {
  const words = [...new Set(searchTokens(query).map((t) => t.replace(APOSTROPHES, '')))].filter(Boolean);
  if (!words.length) return [];
  const out: { start: number; end: number }[] = [];
  for (const seg of segmenter.segment(name)) {
    if (!seg.isWordLike) continue;
    const word = seg.segment.normalize('NFKC').toLowerCase();
    const folded = word.replace(APOSTROPHES, '');
    const best = words.filter((w) => folded.startsWith(w)).sort((a, b) => b.length - a.length)[0];
    if (!best) continue;
    // Map the folded prefix length back onto the original word (apostrophes count in the original).
    let n = 0, i = 0;
    while (i < word.length && n < best.length) {
      if (!/['\u2019\u02bc\u2032]/.test(word[i]!)) n++;
      i++;
    }
    // NFKC may change the length; highlight the whole word then.
    const len = word.length === seg.segment.length ? i : seg.segment.length;
    out.push({ start: seg.index, end: seg.index + len });
  }
  return out;
}
