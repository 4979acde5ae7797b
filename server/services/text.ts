/** Sentence cutting in JavaScript: stored offsets are UTF-16 indices, and Cypher's substring() counts code points. */

export interface SentenceSpan {
  start: number;
  end: number;
  sentenceStart: number | null;
  sentenceEnd: number | null;
}

/** The sentence around a mention and the mention's offsets inside it (bad or missing bounds widen to fit). */
export function cutSentence(text: string, m: SentenceSpan): { sentence: string; highlightStart: number; highlightEnd: number } {
  const from = Math.max(0, Math.min(m.sentenceStart ?? m.start, m.start));
  const to = Math.min(text.length, Math.max(m.sentenceEnd ?? m.end, m.end));
  return { sentence: text.slice(from, to), highlightStart: m.start - from, highlightEnd: m.end - from };
}
