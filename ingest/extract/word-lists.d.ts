declare module 'an-array-of-english-words' {
  /** ~275,000 lower-case English words (SCOWL). */
  const words: string[];
  export default words;
}

declare module 'human-names' {
  /** Given names by language: `allEn`, `maleFr`, `femaleDe`, … */
  const names: Record<string, string[]>;
  export default names;
}
