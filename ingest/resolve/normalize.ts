/** Name folding shared by resolution, ids and evaluation. */

/** Case/punctuation-insensitive key: "NVIDIA's" → "nvidia", "Open-AI" → "openai". */
export function foldKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}^*]+/gu, '');
}

/** Plural-insensitive key; short acronyms keep their letters ("RLMs" → "rlm", "GRPO" stays). */
export function singularKey(name: string): string {
  const key = foldKey(name);
  if (/[A-Z]{2,}s$/.test(name.trim())) return key.slice(0, -1);
  if (key.length > 4 && /[^s]s$/.test(key) && !/(ss|us|is|ics)$/.test(key)) return key.slice(0, -1);
  return key;
}

// The id slug is shared with curation (core/): one definition.
export { slug } from '../../core/slug.ts';

/** Trims quotes, trailing punctuation and possessives off a surface form before it names an entity. */
export function cleanSurface(surface: string): string {
  return surface
    .replace(/\s+/g, ' ')
    .replace(/^["“'‘[]+|["”'’\].,;:!]+$/g, '')
    .replace(/\)+$/, (m, offset: number, s: string) => (s.slice(0, offset).split('(').length > s.slice(0, offset).split(')').length ? m : ''))
    .replace(/^\(+(?![^()]*\))/, '')
    .replace(/['’]s$/, '')
    .trim();
}

export function isAcronym(name: string): boolean {
  return /^[A-Z0-9][A-Z0-9-]{1,6}$/.test(name) && /[A-Z]/.test(name);
}
