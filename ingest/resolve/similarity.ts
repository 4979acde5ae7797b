/** Bounded edit distance: stops early once `max` is exceeded, so comparing many names stays cheap. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Edits tolerated for a word of this length: none for short words and acronyms. */
export function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Speech-to-text misspelling test: same number of words, every word within its own length-scaled
 * budget, at least one word spelled identically for multi-word names, and the letters as a whole
 * close; or the words glued together ("Open AI" → "OpenAI") within budget.
 */
export interface NameForm {
  lower: string;
  glue: string;
  digits: string;
  /** `lower` split on whitespace: the words compared one by one. */
  words: string[];
}

export function nameForm(name: string): NameForm {
  const lower = name.toLowerCase();
  const glue = lower.replace(/[^\p{L}\p{N}]/gu, '');
  return { lower, glue, digits: glue.replace(/\D/g, ''), words: lower.split(/\s+/) };
}

export function isMisspelling(candidate: string | NameForm, known: string | NameForm): boolean {
  const fa = typeof candidate === 'string' ? nameForm(candidate) : candidate;
  const fb = typeof known === 'string' ? nameForm(known) : known;
  const a = fa.lower;
  const b = fb.lower;
  if (a === b) return true;
  const glueA = fa.glue;
  const glueB = fb.glue;
  if (glueA.length < 4 || glueA[0] !== glueB[0]) return false;
  if (glueA === glueB) return true;
  // Versions and sizes are never misheard into each other; a dropped suffix is a different name.
  if (fa.digits !== fb.digits) return false;
  if (glueB.startsWith(glueA) || (glueA.startsWith(glueB) && glueA.length - glueB.length > 1)) return false;
  const wa = fa.words;
  const wb = fb.words;
  if (wa.length !== wb.length) return wa.length > 1 && glueA.length >= 9 && editDistance(glueA, glueB, 2) <= 2;
  if (wa.length === 1) return glueA.length >= 7 && editDistance(glueA, glueB, allowedEdits(glueA.length)) <= allowedEdits(glueA.length);
  let exact = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) {
      exact++;
      continue;
    }
    if (/\d/.test(x) || /\d/.test(y)) return false;
    const budget = allowedEdits(Math.min(x.length, y.length));
    if (budget === 0) return false;
    if (editDistance(x, y, budget) > budget) return false;
  }
  return exact > 0;
}

/**
 * A rough phonetic key for speech-to-text garbles ("Quinn" / "Qwen"): first letter kept, common
 * spelling-for-sound pairs merged, later vowels and glides dropped, doubled letters collapsed.
 */
export function phoneticKey(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/^(?:kn|gn|pn|wr)/, (m) => m[1]!)
    .replace(/qu/g, 'kw')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/dg/g, 'j')
    .replace(/gh/g, 'g')
    .replace(/v/g, 'f');
  if (!w) return '';
  return (w[0]! + w.slice(1).replace(/[aeiouyhw]/g, '')).replace(/(.)\1+/g, '$1');
}

/** "Quinn 2.5" for "Qwen 2.5": one family word that sounds like a known one, then the same version. */
export function soundsLikeFamily(word: string, family: string): boolean {
  if (word.length < 4 || family.length < 4 || /\d/.test(family) || /\s/.test(family)) return false;
  const a = word.toLowerCase();
  const b = family.toLowerCase();
  if (a === b || a[0] !== b[0]) return false;
  const key = phoneticKey(a);
  return key.length >= 2 && key === phoneticKey(b) && editDistance(a, b, 3) <= 3;
}
