import { MODEL_FAMILIES } from '../rules/lexicon.ts';
import { LOWERCASE_MODEL, MODEL_SHAPE_RULES, NOT_A_FAMILY, VARIANT_WORDS, type ModelRun } from '../rules/models.ts';
import type { Candidate } from './candidates.ts';
import { isEnglishWord } from './person-names.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VARIANT = [...new Set(VARIANT_WORDS)].sort((a, b) => b.length - a.length).map(esc).join('|');
const SIZE = String.raw`(?:\d+(?:\.\d+)?[BMKT]|A\d+(?:\.\d+)?B|\d+x\d+(?:\.\d+)?B|E\d+B)`;
/** One part after the family: a size (or a slash list of sizes), a variant word, or a plain version number. */
const PART = String.raw`(?:${SIZE}(?:\s?/\s?${SIZE})*|(?:${VARIANT})|\d+(?:\.\d+)*[a-z]?)`;
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@/.-])(?<family>\p{Lu}[\p{L}]*\p{L})(?:(?<glued>\d+(?:\.\d+)*[a-z]?)|[- ](?<version>v?\d+(?:\.\d+)*[a-z]?|[A-Z]\d+(?:\.\d+)?))?(?<tail>(?:[- ]${PART}(?![\p{L}\p{N}]))*)(?![\p{L}\p{N}_]|[-.][\p{L}\p{N}])`,
  'gu',
);
const SIZE_RE = new RegExp(`^${SIZE}$`);
const VARIANT_RE = new RegExp(`^(?:${VARIANT})$`);
const FAMILY_KEYS = new Set(MODEL_FAMILIES.map((f) => f.toLowerCase()));

/** Model names by their grammar (ingest/rules/models.ts); slash-compressed sizes become one candidate each. */
export function modelNameCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const g = m.groups!;
    const family = g.family!;
    if (NOT_A_FAMILY.has(family)) continue;
    const tailParts = [...(g.tail ?? '').matchAll(/[- ]([^\s-][^-\s]*(?:\s?\/\s?[^\s/-]+)*)/g)].map((p) => p[1]!);
    const run: ModelRun = {
      family,
      version: g.glued ?? g.version ?? tailParts.find((p) => /^\d/.test(p) && !SIZE_RE.test(p.split(/\s?\/\s?/)[0]!)) ?? null,
      sizes: tailParts.filter((p) => SIZE_RE.test(p.split(/\s?\/\s?/)[0]!)),
      variants: tailParts.filter((p) => VARIANT_RE.test(p)),
      knownFamily: FAMILY_KEYS.has(family.toLowerCase()),
      familyIsWord: isEnglishWord(family),
    };
    const rule = MODEL_SHAPE_RULES.find((r) => r.accept(run));
    if (!rule) continue;
    let start = m.index;
    let name = m[0];
    // A trailing plain word from the variant list that is also prose ("GPT-4 Pro users") stays only after a size/version.
    while (/\s$/.test(name)) name = name.slice(0, -1);
    const slash = /(\d+(?:\.\d+)?[BMKT])((?:\s?\/\s?\d+(?:\.\d+)?[BMKT])+)/.exec(name);
    if (!slash) {
      out.push({ start, end: start + name.length, surface: name, type: 'Model', reason: rule.reason, strength: rule.strength });
      continue;
    }
    // "Family3-1.7B/4B/8B-Base": one model per size, each mention on its own size.
    const prefix = name.slice(0, slash.index);
    const suffix = name.slice(slash.index + slash[0].length);
    const alts = [{ text: slash[1]!, at: slash.index }];
    for (const a of slash[2]!.matchAll(/\d+(?:\.\d+)?[BMKT]/g)) alts.push({ text: a[0], at: slash.index + slash[1]!.length + a.index! });
    alts.forEach((alt, i) => {
      const s = i === 0 ? start : start + alt.at;
      const e = start + alt.at + alt.text.length;
      out.push({ start: s, end: e, surface: text.slice(s, e), type: 'Model', reason: 'model-size-list', strength: rule.strength, canonical: `${prefix}${alt.text}${suffix}` });
    });
    start = 0;
  }
  LOWERCASE_MODEL.lastIndex = 0;
  for (let m = LOWERCASE_MODEL.exec(text); m; m = LOWERCASE_MODEL.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, surface: m[0], type: 'Model', reason: 'lowercase-model-name', strength: 2 });
  }
  return out;
}
