import nlp, { tagOnly } from './nlp.ts';
import { STOP_WORDS } from '../rules/entities.ts';
import type { Sentence } from './segment.ts';

export interface PersonSpan {
  start: number;
  end: number;
  surface: string;
}

/** Cheap prefilter: only sentences with two adjacent capitalised words reach compromise. */
const TITLE_BIGRAM = /\b\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s\p{Lu}\p{Ll}+/u;
const NAME_TOKEN = /^\p{Lu}[\p{L}'’-]*$/u;
/** Words compromise sometimes folds into a name that never belong to one. */
export const NOT_NAME_WORDS = /^(?:Podcast|Show|Fair|Conference|Summit|Workshop|University|Institute|Lab|Labs|AI|Team|Code|Templates|Review|Course|Foundation|Research|Arena|Bench|Agent|Agents|Model|Models|Paper|Papers|Award|Prize|Day|Week|Edition|Issue|Episode)$/;
/** Sentences longer than this are clipped to the window around the first capitalised pair. */
const MAX_SENTENCE = 400;
/** Parsed once: compromise otherwise re-parses the match string on every call. */
const PERSON_MATCH = nlp.parseMatch('#Person+');

/** compromise's `#Person+` matches in a chunk (offsets into it). Newsletters repeat lines, so each chunk is parsed once. */
const parsed = new Map<string, Array<{ offset: { start: number; length: number } }>>();
const PARSED_MAX = 20_000;
function personOffsets(chunk: string): Array<{ offset: { start: number; length: number } }> {
  let matches = parsed.get(chunk);
  if (!matches) {
    matches = tagOnly(chunk).match(PERSON_MATCH).json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(chunk, matches);
  }
  return matches;
}

/**
 * Person names found by compromise's `#Person` tagger, run on candidate sentences only: a whole
 * document parse is several times slower than the rest of the extractor put together.
 */
export function findPeople(
  text: string,
  sentences: Sentence[],
  isTaken: (start: number, end: number) => boolean,
  matches: PersonSpan[] = personMatches(text, sentences),
): PersonSpan[] {
  return matches.filter((p) => !isTaken(p.start, p.end));
}

/** The compromise half of findPeople (text only, no registry: parallelisable), before spans taken by other rules are dropped. */
export function personMatches(text: string, sentences: Sentence[]): PersonSpan[] {
  const found: PersonSpan[] = [];
  for (const sentence of sentences) {
    const m = TITLE_BIGRAM.exec(sentence.text);
    if (!m) continue;
    let offset = sentence.start;
    let chunk = sentence.text;
    if (chunk.length > MAX_SENTENCE) {
      const from = Math.max(0, m.index - 100);
      offset += from;
      chunk = chunk.slice(from, from + MAX_SENTENCE);
    }
    for (const match of personOffsets(chunk)) {
      let start = offset + match.offset.start;
      let surface = text.slice(start, start + match.offset.length);
      surface = surface.replace(/['’]s$/, '').replace(/[^\p{L}]+$/u, '');
      const lead = surface.length - surface.trimStart().length;
      start += lead;
      surface = surface.trim();
      let words = surface.split(/\s+/);
      // compromise may run a name into a parenthesis: "Maria Lopez (Anthropic".
      const firstBad = words.findIndex((w) => !NAME_TOKEN.test(w));
      if (firstBad !== -1) words = words.slice(0, firstBad);
      // "Lex Fridman Podcast": the show's name trails the person's.
      while (words.length > 2 && NOT_NAME_WORDS.test(words[words.length - 1]!)) words = words.slice(0, -1);
      surface = words.join(' ');
      if (words.length < 2 || words.length > 3) continue;
      if (!words.every((w) => NAME_TOKEN.test(w) && !STOP_WORDS.has(w) && !NOT_NAME_WORDS.test(w))) continue;
      found.push({ start, end: start + surface.length, surface });
    }
  }
  return found;
}
