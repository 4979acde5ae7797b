import { acronymDefinitions, type AcronymDefinition, type Candidate, ruleCandidates } from './candidates.ts';
import { personMatches, type PersonSpan } from './people.ts';
import { splitLines, splitSentences } from './segment.ts';

/**
 * The registry-independent, expensive half of extraction (span rules, acronym definitions, the compromise
 * person parse): a pure function of the text, so it may run on worker threads (see ./parallel.ts) while
 * resolution stays sequential in document order. Plain data: survives structured cloning. A module of its own so
 * a worker loads only what this needs (not the dictionary, name lists and resolver that ./index.ts brings).
 */
export interface PreparedText {
  rules: Candidate[];
  acronyms: AcronymDefinition[];
  people: PersonSpan[];
}

export function prepareText(text: string): PreparedText {
  const sentences = splitSentences(text, splitLines(text));
  return { rules: ruleCandidates(sentences), acronyms: acronymDefinitions(sentences), people: personMatches(text, sentences) };
}
