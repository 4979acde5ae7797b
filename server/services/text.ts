/**
 * Sentences around mentions. Each Mention stores its sentence (`m.sentence`, cut at ingest by ingest/write.ts with
 * the same widening rule as below), so the API quotes it without fetching the document text; mentions ingested
 * before that are still cut here from the text. Offsets are UTF-16 indices (JavaScript's) — Cypher's substring()
 * counts code points, which is why nothing is cut in Cypher.
 */

export interface SentenceSpan {
  start: number;
  end: number;
  sentenceStart: number | null;
  sentenceEnd: number | null;
}

/** The sentence around a mention and the mention's offsets inside it (bad or missing bounds widen to fit). */
export function cutSentence(text: string, m: SentenceSpan): { sentence: string; highlightStart: number; highlightEnd: number } {
  const from = sentenceFrom(m);
  const to = Math.min(text.length, Math.max(m.sentenceEnd ?? m.end, m.end));
  return { sentence: text.slice(from, to), highlightStart: m.start - from, highlightEnd: m.end - from };
}

/** Where the quoted sentence starts in the document: the stored start, widened to include the mention. */
const sentenceFrom = (m: SentenceSpan) => Math.max(0, Math.min(m.sentenceStart ?? m.start, m.start));

/** The mention's highlight inside the sentence stored on the Mention at ingest. */
export function storedSentence(sentence: string, m: SentenceSpan): { sentence: string; highlightStart: number; highlightEnd: number } {
  const from = sentenceFrom(m);
  return { sentence, highlightStart: m.start - from, highlightEnd: m.end - from };
}
