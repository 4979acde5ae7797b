import type { EntityType } from '../model.ts';

/** Dictionary matching over word tokens; phrases match across space/hyphen variants. */
export interface Phrase {
  surface: string;
  type: EntityType;
  caseSensitive: boolean;
  reason: string;
}

export interface PhraseHit {
  start: number;
  end: number;
  phrase: Phrase;
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Token {
  start: number;
  end: number;
  lower: string;
  text: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  return tokens;
}

/** Separators allowed between the words of a phrase ("SWE-bench", "SWE bench", "Chain of Thought"). */
const LOOSE_SEPARATOR = /^(?:[ \t]{1,2}|-|–|\.|\s?-\s?|['’])$/;

export class Gazetteer {
  private readonly byFirst = new Map<string, Array<{ words: string[]; phrase: Phrase }>>();

  add(phrase: Phrase): void {
    const words = phrase.surface.match(WORD)?.map((w) => w.toLowerCase());
    if (!words || words.length === 0) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    if (list.some((p) => p.phrase.surface === phrase.surface && p.phrase.type === phrase.type)) return;
    list.push({ words, phrase });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /**
   * All matches, longest first at each position. A lower-case occurrence of a one-word name only
   * counts when the name itself is lower case, so "meta" or "scale" as words stay words.
   */
  scan(text: string): PhraseHit[] {
    const tokens = tokenize(text);
    const hits: PhraseHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!.lower);
      if (!candidates) continue;
      for (const { words, phrase } of candidates) {
        if (i + words.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < words.length && ok; k++) {
          const prev = tokens[i + k - 1]!;
          const cur = tokens[i + k]!;
          ok = cur.lower === words[k] && LOOSE_SEPARATOR.test(text.slice(prev.end, cur.start));
        }
        if (!ok) continue;
        const start = tokens[i]!.start;
        const end = tokens[i + words.length - 1]!.end;
        const span = text.slice(start, end);
        if (!acceptCase(span, phrase, words.length)) continue;
        if (!boundaryOk(text, start, end, phrase)) continue;
        hits.push({ start, end, phrase });
        break;
      }
    }
    return hits;
  }
}

function acceptCase(span: string, phrase: Phrase, wordCount: number): boolean {
  if (phrase.caseSensitive) return span.replace(/[\s-]+/g, ' ') === phrase.surface.replace(/[\s-]+/g, ' ');
  if (span === phrase.surface) return true;
  if (/\p{Lu}/u.test(span[0] ?? '')) return true;
  if (phrase.surface === phrase.surface.toLowerCase()) return true;
  // Lower-case multi-word matches only for curated names ("hugging face"), not for learned ones.
  return wordCount >= 2 && phrase.reason.startsWith('lexicon');
}

/** Rejects matches glued to a longer name: "DeepSeek-R1", "meta-learning", "GPT-4o". */
function boundaryOk(text: string, start: number, end: number, phrase: Phrase): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const after2 = text[end + 1] ?? ' ';
  if (/[\p{L}\p{N}_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) return false;
  if ((before === '-' || before === '.') && /[\p{L}\p{N}]/u.test(text[start - 2] ?? ' ')) return false;
  if ((after === '-' || after === '.' || after === '^') && /[\p{L}\p{N}]/u.test(after2)) {
    // "LoRA-based", "PPO-style", "NVIDIA-built": a lower-case word glued on is a modifier, not a longer name.
    const glued = /^-(\p{Ll}{3,})\b/u.exec(text.slice(end, end + 20));
    if (!glued && !(phrase.type === 'Lab' && after === '-')) return false;
  }
  // Possessives are how labs own things, not how methods or benchmarks appear ("Adam's Law").
  if ((after === "'" || after === '’') && after2 === 's' && phrase.type !== 'Lab' && phrase.type !== 'Person' && phrase.type !== 'Model') return false;
  return true;
}
