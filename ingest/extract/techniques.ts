import nlp from 'compromise';
import { FIELD_NAMES, MODIFIER_TAGS, NOT_MODIFIER_TAGS, NOT_TECHNIQUE_MODIFIER, TECHNIQUE_RULES } from '../rules/techniques.ts';
import type { Candidate } from './candidates.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMPILED = TECHNIQUE_RULES.map((rule) => ({
  rule,
  standalone: new Set(rule.standalone ?? []),
  re: new RegExp(String.raw`(?<![\p{L}\p{N}_-])((?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s){0,2})(${rule.heads.map(esc).join('|')})(?![\p{L}\p{N}_-])(\s\(\p{Lu}[\p{Lu}\p{N}]+s?\))?`, 'gu'),
}));

const modifierCache = new Map<string, boolean>();
/** A word that can modify a technique noun: an adjective or noun, never a preposition, verb or determiner. */
function isModifier(word: string): boolean {
  if (NOT_TECHNIQUE_MODIFIER.has(word) || /^\d/.test(word)) return false;
  let ok = modifierCache.get(word);
  if (ok === undefined) {
    const tags: string[] = (nlp(word).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[0]?.tags ?? [];
    ok = word.includes('-') || (tags.some((t) => MODIFIER_TAGS.includes(t)) && !tags.some((t) => NOT_MODIFIER_TAGS.includes(t)));
    modifierCache.set(word, ok);
  }
  return ok;
}

/** Lower-case technique names (ingest/rules/techniques.ts): recurring in the document, or defined by an acronym right after. */
export function techniqueCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { rule, standalone, re } of COMPILED) {
    const found: Array<{ start: number; end: number; key: string; defined: boolean }> = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const mods = m[1]!.split(/\s/).filter(Boolean);
      // Modifiers after the last stop word belong to the name: "the continual learning" → "continual learning".
      let keep = mods.length;
      while (keep > 0 && isModifier(mods[keep - 1]!)) keep--;
      const named = mods.slice(keep);
      const head = m[2]!;
      if (named.length === 0 && !standalone.has(head)) continue;
      const name = [...named, head].join(' ');
      if (FIELD_NAMES.has(name)) continue;
      const end = m.index + m[1]!.length + head.length;
      const start = end - name.length;
      found.push({ start, end, key: name, defined: Boolean(m[3]) });
    }
    const count = new Map<string, number>();
    const defined = new Set<string>();
    for (const f of found) {
      count.set(f.key, (count.get(f.key) ?? 0) + 1);
      if (f.defined) defined.add(f.key);
    }
    for (const f of found) {
      if ((count.get(f.key) ?? 0) < rule.minOccurrences && !defined.has(f.key)) continue;
      out.push({ start: f.start, end: f.end, surface: f.key, type: 'Method', reason: rule.reason, strength: 1 });
    }
  }
  return out;
}
