import nlp from 'compromise';
import englishWords from 'an-array-of-english-words';
import humanNames from 'human-names';

/**
 * Does a capitalised run read as a person's name? Context rules such as "X's Y Z" or "Y Z from X" propose many
 * runs that are headlines ("Invasive Hiring", "Kill Count"); a name needs a first name compromise knows, or no
 * word an English dictionary has ("Demis Hassabis", "Satya Nadella": names the first-name list lacks).
 */
/** Sorted (code-unit order), so looked up by binary search: a Set of 275k strings would double the memory. */
const ENGLISH = englishWords as string[];
const FIRST_NAME = nlp.parseMatch('^#FirstName');
const firstNames = new Map<string, boolean>();
/** Given names of six languages (human-names), beside compromise's own list. */
const GIVEN = new Set<string>(['En', 'It', 'Fr', 'De', 'Es', 'Nl'].flatMap((l) => (humanNames as Record<string, string[]>)[`all${l}`] ?? []));

export function isFirstName(word: string): boolean {
  let known = firstNames.get(word);
  if (known === undefined) {
    known = GIVEN.has(word) || nlp(word).has(FIRST_NAME);
    firstNames.set(word, known);
  }
  return known;
}

export function readsAsPersonName(surface: string): boolean {
  const words = surface.split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  if (isFirstName(words[0]!.replace(/['’]s$/, ''))) return true;
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
  // A surname no dictionary has, after a word that is not an adjective or verb: "Addy Osmani", "Satya Nadella".
  const surname = words[words.length - 1]!.replace(/['’]s$/, '');
  if (surname.split('-').some(isEnglishWord)) return false;
  return words.slice(0, -1).every((w) => !w.split('-').some((part) => isEnglishWord(part) && describes(part)));
}

const describing = new Map<string, boolean>();
/** compromise reads the word as an adjective, verb or adverb ("Invasive", "Kill"): a headline word, not a given name. */
function describes(word: string): boolean {
  let d = describing.get(word);
  if (d === undefined) {
    d = nlp(word).has('(#Adjective|#Verb|#Adverb|#Determiner|#Preposition)');
    describing.set(word, d);
  }
  return d;
}

/** A lower-cased dictionary word ("Internal", "Plague"): never a misspelling of a name, never a new model family. */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  let lo = 0;
  let hi = ENGLISH.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ENGLISH[mid]!;
    if (v === w) return true;
    if (v < w) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
