import type { EntityType } from '../model.ts';
import { singularKey } from '../resolve/normalize.ts';
import {
  ACRONYM_RULES,
  BENCHMARK_SUBJECT_VERBS,
  TOOL_OBJECT,
  ENTITY_RULES,
  EXPANSION_HEAD_TYPES,
  HEAD_NOUN_TYPES,
  PAREN_TITLE,
  PLACES,
  SHAPE_TYPES,
  STOP_WORDS,
} from '../rules/entities.ts';
import type { SpanRule } from '../rules/types.ts';
import { NOT_NAME_WORDS } from './people.ts';
import type { Sentence, Span } from './segment.ts';

/** A proposed entity span before resolution. Strength orders conflicting proposals. */
export interface Candidate {
  start: number;
  end: number;
  surface: string;
  type: EntityType;
  reason: string;
  /** 3: paper title line; 2: lexicon or explicit definition; 1: typed by head noun or shape; 0: type guessed. */
  strength: number;
  /** The type is a default, not read from the text: other evidence for the same name overrides it. */
  typeGuessed?: boolean;
  /** Canonical spelling when the surface is a known misspelling ("Lama 4" → "Llama 4"). */
  canonical?: string;
  expansion?: Span;
  /** Paper whose title this candidate is (for paren titles) or heads ("GDPO: ..."). */
  names?: Span;
  /** The lab a link's URL names (huggingface.co/{org}/…): FROM_LAB when the text names that lab too. */
  org?: string;
  /** Another name the thing goes by, read off structure (the @handle a profile link points at). */
  aliasHint?: string;
  /** A person run proposed by context alone: kept only if it reads as a name (see person-names.ts). */
  nameCheck?: boolean;
  /** A one-word person name that stands on its own (an @handle): not dropped as a lone first name. */
  standsAlone?: boolean;
}

export function isCoined(name: string): boolean {
  // A capitalised compound of plain words ("Post-training", "Long-context") is a sentence opener, not a coined name.
  const plainCompound = /^\p{Lu}?\p{Ll}+(?:-\p{Ll}+)+$/u.test(name);
  return /^\p{Lu}{2,}[\p{Lu}\p{N}]*s?$/u.test(name) || /^\p{Lu}{2,}\p{Ll}/u.test(name) || /\p{Ll}\p{Lu}/u.test(name) || /\p{N}/u.test(name) || (/[-^]/.test(name) && !plainCompound);
}

export function shapeType(name: string): EntityType | undefined {
  for (const [re, type] of SHAPE_TYPES) if (re.test(name)) return type;
  return undefined;
}

function headType(head: string): EntityType | null | undefined {
  for (const [re, type] of HEAD_NOUN_TYPES) if (re.test(head)) return type;
  return undefined;
}

interface CompiledRule extends SpanRule {
  re: RegExp;
  family: string;
}

const COMPILED: CompiledRule[] = Object.entries(ENTITY_RULES).flatMap(([family, rules]) =>
  rules.map((rule) => ({ ...rule, family, re: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gd]/g, '')}gd`) })),
);

const trimName = (s: string) => s.replace(/['’]s$/, '').replace(/[.,;:]+$/, '');

/** Span rules over each sentence (see ingest/rules/entities.ts). */
export function ruleCandidates(sentences: Sentence[]): Candidate[] {
  const out: Candidate[] = [];
  /** Names a head noun says are none of our types ("PRIDE, a metric"): guesses about them are dropped. */
  const vetoed = new Set<string>();
  for (const sentence of sentences) {
    for (const rule of COMPILED) {
      if (rule.needs && !rule.needs.test(sentence.text)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(sentence.text); m; m = rule.re.exec(sentence.text)) {
        if (m[0].length === 0) rule.re.lastIndex++;
        const groups = m.indices?.groups ?? {};
        const at = groups.name ?? groups.name2 ?? groups.list;
        if (!at) continue;
        const namesAt = groups.names;
        const raw = sentence.text.slice(at[0], at[1]);
        const items = groups.list ? splitList(raw, at[0]) : [{ text: raw, offset: at[0] }];
        for (const item of items) {
          const surface = trimName(item.text);
          const typed = typeFor(rule, surface, m);
          if (!typed) {
            vetoed.add(singularKey(surface));
            continue;
          }
          if (!accept(rule, surface, m)) continue;
          const start = sentence.start + item.offset;
          const c: Candidate = { start, end: start + surface.length, surface, type: typed.type, reason: rule.reason, strength: typed.strength };
          if (rule.nameCheck) c.nameCheck = true;
          if (namesAt) {
            // The name the paper goes by is the thing it proposes: typed by its shape, else a method by default.
            c.names = { start: sentence.start + namesAt[0], end: sentence.start + namesAt[1], text: sentence.text.slice(namesAt[0], namesAt[1]) };
            const shaped = shapeType(c.names.text);
            out.push({ start: c.names.start, end: c.names.end, surface: c.names.text, type: shaped ?? 'Method', reason: rule.reason, strength: 1, typeGuessed: !shaped });
          }
          if (rule.reason === 'speaker-label') c.canonical = titleCase(surface);
          out.push(c);
        }
      }
    }
  }
  // A speaker label counts only when it recurs: a transcript gives each speaker several turns.
  const labels = new Map<string, number>();
  for (const c of out) if (c.reason === 'speaker-label') labels.set(c.surface, (labels.get(c.surface) ?? 0) + 1);
  return out.filter((c) => (c.strength > 0 || !vetoed.has(singularKey(c.surface))) && (c.reason !== 'speaker-label' || labels.get(c.surface)! >= 2));
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

function splitList(raw: string, offset: number): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const re = /[^,]+?(?=,\s|\sand\s|\sor\s|$)/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const lead = m[0].match(/^(?:,?\s*(?:and|or)?\s+|,\s*)/)?.[0].length ?? 0;
    const text = m[0].slice(lead).trim();
    if (text) out.push({ text, offset: offset + m.index + lead });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function typeFor(rule: CompiledRule, surface: string, m: RegExpExecArray): { type: EntityType; strength: number } | undefined {
  if (rule.typeFrom && m.groups?.head && rule.family !== 'methods') {
    const type = headType(m.groups.head);
    return type ? { type, strength: 1 } : undefined;
  }
  if (rule.family !== 'methods') return { type: rule.type, strength: rule.family === 'papers' ? 2 : 1 };
  if (rule.reason === 'policy-optimization-acronym' || rule.reason === 'rl-acronym') return { type: 'Method', strength: 1 };
  const shape = shapeType(surface);
  if (shape) return { type: shape, strength: 1 };
  const head = m.groups?.head ?? m.groups?.head2;
  if (head) {
    const type = headType(head);
    // "X, a larger variant of Qwen2.5": a variant is of whatever kind its original is, so the head decides nothing
    // against a name the model grammar or the lexicon reads.
    const relative = /^(?:variant|extension|generali[sz]ation) of$/.test(head);
    return type ? { type, strength: relative ? 0 : rule.definition ? 2 : 1 } : undefined;
  }
  if (m.groups?.verb && BENCHMARK_SUBJECT_VERBS.test(m.groups.verb)) return { type: 'Benchmark', strength: 1 };
  if (m.groups?.verb && TOOL_OBJECT.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 60))) return { type: 'Tool', strength: 1 };
  return { type: rule.type, strength: 0 };
}

/** Acronyms for the field itself, never a specific method or model. */
const GENERIC_ACRONYMS = new Set(['LLM', 'LM', 'VLM', 'MLLM', 'LRM', 'SLM', 'NLP', 'AI', 'ML', 'RL', 'API', 'GPU', 'CPU', 'TPU', 'QA', 'KV', 'SOTA', 'AGI', 'CV', 'NN', 'DNN', 'CNN', 'RNN', 'MLP', 'DAG', 'URL', 'PhD', 'CEO', 'CTO']);

function accept(rule: CompiledRule, surface: string, m: RegExpExecArray): boolean {
  if (surface.length < 2 || STOP_WORDS.has(surface)) return false;
  if (rule.family !== 'papers' && STOP_WORDS.has(surface.split(/\s/)[0]!)) return false;
  if (GENERIC_ACRONYMS.has(surface.replace(/s$/, ''))) return false;
  if (rule.reason === 'is-a-head-noun' || rule.reason === 'the-x-dataset') return isCoined(surface) && !STOP_WORDS.has(surface);
  if (rule.family === 'methods') {
    const named = /\b(?:called|named|dubbed|coined|termed)\s["“]?$/.test(m[0].slice(0, m[0].length - surface.length));
    if (['quoted-proposal', 'introduced-phrase', 'named-concept-clause', 'introduced-lowercase-appositive', 'two-word-subject'].includes(rule.reason)) return true;
    // A plain word is a name only on its own: "Group Baselines (GB), a method" names GB, not "Baselines".
    if (rule.reason === 'appositive-head-noun') return isCoined(surface) || (m.index > 0 && !/ly$/.test(surface) && !/\p{Lu}[\p{L}-]*\s$/u.test(m.input.slice(0, m.index)));
    return isCoined(surface) || named || Boolean(m.groups?.head ?? m.groups?.head2);
  }
  if (rule.reason === 'evaluated-on-name') return isCoined(surface);
  if (rule.family === 'labs' && (PLACES.has(surface) || PLACES.has(surface.split(/\s/)[0]!))) return false;
  if (rule.family === 'people') return !/\d/.test(surface) && !surface.split(/\s+/).some((w) => STOP_WORDS.has(w) || NOT_NAME_WORDS.test(w));
  return true;
}

/** Does the short form abbreviate the long one? Letters in order, first letters aligned. */
function abbreviates(acr: string, words: string[]): boolean {
  const letters = acr.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const initials = acr.replace(/[^\p{Lu}\p{N}]/gu, '');
  if (letters.length < 2 || initials.length < 2) return false;
  const joined = words.join(' ').toLowerCase();
  if (joined[0] !== letters[0]) return false;
  let pos = 0;
  for (const ch of letters) {
    const found = joined.indexOf(ch, pos);
    if (found === -1) return false;
    pos = found + 1;
  }
  const wordInitials = words.flatMap((w) => w.split('-')).map((w) => w[0]?.toLowerCase() ?? '');
  const hits = [...initials.toLowerCase()].filter((c) => wordInitials.includes(c)).length;
  return hits * 2 >= initials.length && words.length >= 2;
}

/** An acronym definition found in the text, before its type is chosen (no registry needed: parallelisable). */
export interface AcronymDefinition {
  start: number;
  end: number;
  acr: string;
  reason: string;
  expansion: Span;
}

/** Acronym definitions: both spans name one entity; the acronym is canonical. */
export function acronymCandidates(sentences: Sentence[], typeOfKnown: (name: string) => EntityType | undefined): Candidate[] {
  return typeAcronyms(acronymDefinitions(sentences), typeOfKnown);
}

/** Types each definition (known names first, then the expansion's head word); order is kept. */
export function typeAcronyms(defs: AcronymDefinition[], typeOfKnown: (name: string) => EntityType | undefined): Candidate[] {
  return defs.map((d) => {
    const exp = d.expansion.text;
    const headWord = exp.split(/\s+/).pop() ?? '';
    let type = typeOfKnown(d.acr) ?? typeOfKnown(exp);
    type ??= EXPANSION_HEAD_TYPES.find(([re2]) => re2.test(headWord))?.[1];
    // A capitalised definition with no telling head word is most often a method in this domain.
    const guessed = !type;
    type ??= 'Method';
    return { start: d.start, end: d.end, surface: d.acr, type, reason: d.reason, strength: guessed ? 1 : 2, expansion: { ...d.expansion } };
  });
}

/** The text-only half of acronymCandidates: every definition, untyped, in text order. */
export function acronymDefinitions(sentences: Sentence[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const sentence of sentences) {
    for (const rule of ACRONYM_RULES) {
      if (!sentence.text.includes(rule.needs ?? '(')) continue;
      const re = rule.pattern;
      re.lastIndex = 0;
      for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
        const acr = m.groups!.acr!;
        if (GENERIC_ACRONYMS.has(acr.replace(/s$/, ''))) continue;
        const acrOffset = rule.expBefore ? m.index + 2 : m.indices!.groups!.acr![0];
        let exp: string;
        let expStart: number;
        if (rule.expBefore) {
          const window = sentence.text.slice(Math.max(0, m.index - 120), m.index);
          const before = rule.expBefore.exec(window);
          if (!before) continue;
          const words = before[0].split(/\s+/);
          let found = -1;
          for (let n = 2; n <= words.length; n++) {
            if (abbreviates(acr, words.slice(words.length - n))) {
              found = n;
              break;
            }
          }
          if (found === -1) continue;
          exp = words.slice(words.length - found).join(' ');
          expStart = m.index - exp.length;
          if (!/^\p{Lu}/u.test(exp) || exp.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length * 2 < found) continue;
        } else {
          exp = m.groups!.exp!;
          expStart = m.indices!.groups!.exp![0];
          const words = exp.split(/\s+/);
          let ok = false;
          for (let n = 2; n <= words.length && !ok; n++) ok = abbreviates(acr, words.slice(words.length - n));
          if (!ok) continue;
        }
        const start = sentence.start + acrOffset;
        out.push({
          start,
          end: start + acr.length,
          acr,
          reason: rule.reason,
          expansion: { start: sentence.start + expStart, end: sentence.start + expStart + exp.length, text: exp },
        });
      }
    }
  }
  return out;
}

/** "QueryBandits (No One Size Fits All)": the parenthesis titles the paper behind the name. */
const PAREN_TITLE_D = new RegExp(PAREN_TITLE.source, 'gud');

export function parenTitleCandidates(sentences: Sentence[], isExpansion: (start: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of sentences) {
    if (!sentence.text.includes('(')) continue;
    const re = PAREN_TITLE_D;
    re.lastIndex = 0;
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const nameAt = m.indices!.groups!.name!;
      const titleAt = m.indices!.groups!.title!;
      const name = m.groups!.name!;
      if (!isCoined(name) || isExpansion(sentence.start + nameAt[0])) continue;
      const title = m.groups!.title!;
      const words = title.split(/\s+/);
      if (words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length) continue;
      const start = sentence.start + titleAt[0];
      out.push({
        start,
        end: start + title.length,
        surface: title,
        type: 'Paper',
        reason: 'name-with-paper-title',
        strength: 2,
        names: { start: sentence.start + nameAt[0], end: sentence.start + nameAt[1], text: name },
      });
    }
  }
  return out;
}

/**
 * Gives every candidate of a name the best-supported type in this document: a guessed type
 * yields to one read from a head noun, a shape, the lexicon or a definition.
 */
export function harmoniseTypes(candidates: Candidate[]): void {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.type === 'Paper' || c.type === 'Person') continue;
    const key = singularKey(c.surface);
    const prev = best.get(key);
    const rank = (x: Candidate) => x.strength - (x.typeGuessed ? 0.5 : 0);
    if (!prev || rank(c) > rank(prev)) best.set(key, c);
  }
  for (const c of candidates) {
    if (c.type === 'Paper' || (c.strength > 0 && !c.typeGuessed)) continue;
    const b = best.get(singularKey(c.surface));
    if (b && b !== c && b.strength > 0 && !b.typeGuessed && b.type !== 'Person') c.type = b.type;
  }
}

/** Keeps the strongest, then longest, proposal where spans overlap. Papers only compete with papers. */
export function resolveOverlaps(input: Candidate[]): Candidate[] {
  // "Balanced Token Routing (BTR)": the long form is the acronym's alias, not a second entity.
  const expansions = input.filter((c) => c.expansion).map((c) => c.expansion!);
  const candidates = expansions.length === 0 ? input : input.filter(
    (c) => c.expansion || c.type === 'Paper' || c.type === 'Person' || c.strength >= 2 || !expansions.some((e) => c.start >= e.start && c.end <= e.end),
  );
  // A typed proposal that contains another wins ("Gemini 2.5" over the lexicon's "Gemini"); guesses never do.
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(b.strength > 0) - Number(a.strength > 0) ||
      b.end - b.start - (a.end - a.start) ||
      b.strength - a.strength ||
      a.start - b.start ||
      (a.reason < b.reason ? -1 : 1),
  );
  const taken: Candidate[] = [];
  const papers: Candidate[] = [];
  for (const c of sorted) {
    const pool = c.type === 'Paper' ? papers : taken;
    if (pool.some((t) => c.start < t.end && t.start < c.end)) continue;
    pool.push(c);
  }
  return [...papers, ...taken].sort((a, b) => a.start - b.start || a.end - b.end);
}
