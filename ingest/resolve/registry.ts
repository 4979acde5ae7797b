import type { EntityType } from '../model.ts';
import type { LexiconEntry } from '../rules/types.ts';
import { cleanSurface, isAcronym, singularKey, slug } from './normalize.ts';
import { isMisspelling, type NameForm, nameForm, soundsLikeFamily } from './similarity.ts';

export interface KnownEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** false: stored from weak evidence only, so it is resolved but not spread (absent: trusted, as older stores). */
  trusted?: boolean;
}

interface Entry {
  id: string;
  name: string;
  type: EntityType;
  aliases: Set<string>;
}

/** Types whose names may be misspelt by speech-to-text and still resolve. */
const FUZZY_TYPES = new Set<EntityType>(['Lab', 'Person', 'Model', 'Benchmark', 'Tool']);

export function entityId(type: EntityType, name: string): string {
  return `${type}:${slug(name)}`;
}

/** Memo of a pure string function, emptied when it grows large (resolution asks about the same surfaces often). */
function memo(fn: (s: string) => string, max = 200_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}
const singular = memo(singularKey);
const cleanMemo = memo(cleanSurface);

const keyOf = (type: EntityType, surface: string) => `${type}|${singular(surface)}`;

/**
 * One canonical entity per real thing. Lookups go: exact folded key (case, punctuation,
 * possessive, plural) → curated lexicon → bounded-edit-distance misspelling of a known name of the
 * same type → new entity. Every surface that resolves to an entity becomes one of its aliases.
 */
export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export class EntityRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly keys = new Map<string, string>();
  private readonly catalog = new Map<string, LexiconEntry>();
  /** Fuzzy candidates per type, bucketed by first letter: misspellings keep the first letter. */
  private readonly fuzzyPool = new Map<string, Array<{ surface: string; form: NameForm; ref: EntityRef }>>();
  /**
   * The same candidates indexed by what isMisspelling requires of a match, so fuzzy() visits only those that can
   * pass it (each key below the type and first letter): `=glue` (the same letters glued), `len|digits|words`
   * (glued length, its digits, its word count) and, for several words, `wN|i|word` (word i of N).
   */
  private readonly fuzzyIndex = new Map<string, Array<{ surface: string; form: NameForm; ref: EntityRef }>>();
  /** The word counts present under each type and first letter. */
  private readonly wordCounts = new Map<string, Set<number>>();

  constructor(known: KnownEntity[] = [], lexicon: LexiconEntry[] = []) {
    if (!Array.isArray(known)) throw new TypeError(`known entities must be an array, got ${typeof known}`);
    for (const entry of lexicon) {
      const ref = { id: entityId(entry.type, entry.name), name: entry.name, type: entry.type };
      for (const surface of [entry.name, ...(entry.aliases ?? [])]) {
        const key = keyOf(entry.type, surface);
        if (!this.catalog.has(key)) this.catalog.set(key, entry);
        this.addFuzzy(surface, ref);
      }
    }
    for (const k of known) {
      if (!k || typeof k.id !== 'string' || typeof k.name !== 'string' || typeof k.type !== 'string') {
        throw new TypeError(`invalid known entity: ${JSON.stringify(k)}`);
      }
      const entry = this.ensure(k.id, k.name, k.type);
      for (const alias of k.aliases ?? []) this.addAlias(entry, alias);
    }
  }

  private addFuzzy(surface: string, ref: EntityRef): void {
    if (!FUZZY_TYPES.has(ref.type) || isAcronym(surface)) return;
    const first = surface.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')[0];
    if (!first) return;
    const bucket = `${ref.type}|${first}`;
    const pool = this.fuzzyPool.get(bucket) ?? [];
    const item = { surface, form: nameForm(surface), ref };
    pool.push(item);
    this.fuzzyPool.set(bucket, pool);
    const { glue, digits, words } = item.form;
    const keys = [`${bucket}|=${glue}`, `${bucket}|${glue.length}|${digits}|${words.length}`];
    if (words.length > 1) words.forEach((w, i) => keys.push(`${bucket}|w${words.length}|${i}|${w}`));
    for (const key of keys) {
      const list = this.fuzzyIndex.get(key) ?? [];
      list.push(item);
      this.fuzzyIndex.set(key, list);
    }
    const counts = this.wordCounts.get(bucket) ?? new Set<number>();
    counts.add(words.length);
    this.wordCounts.set(bucket, counts);
  }

  private ensure(id: string, name: string, type: EntityType): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, name, type, aliases: new Set() };
      this.entries.set(id, entry);
      this.keys.set(keyOf(type, name), id);
      this.addFuzzy(name, entry);
    }
    return entry;
  }

  addAlias(ref: { id: string }, surface: string): void {
    const target = this.entries.get(ref.id);
    if (!target) throw new Error(`unknown entity id: ${ref.id}`);
    const clean = cleanMemo(surface);
    if (!clean) return;
    if (clean !== target.name) target.aliases.add(clean);
    const key = keyOf(target.type, clean);
    if (!this.keys.has(key)) this.keys.set(key, target.id);
  }

  /** The entity a surface names, without creating anything: exact folded key, then lexicon. */
  peek(surface: string, type: EntityType): EntityRef | undefined {
    const key = keyOf(type, cleanMemo(surface));
    const id = this.keys.get(key);
    if (id) return this.entries.get(id);
    const lex = this.catalog.get(key);
    if (!lex) return undefined;
    const existing = this.keys.get(keyOf(lex.type, lex.name));
    return existing ? this.entries.get(existing) : { id: entityId(lex.type, lex.name), name: lex.name, type: lex.type };
  }

  /** A known name (registry or lexicon) of this type that the surface misspells. */
  fuzzy(surface: string, type: EntityType): EntityRef | undefined {
    const clean = cleanMemo(surface);
    if (clean.length < 4 || isAcronym(clean)) return undefined;
    const first = clean.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')[0];
    const pool = this.fuzzyPool.get(`${type}|${first}`);
    if (!pool) return undefined;
    let best: { surface: string; ref: EntityRef } | undefined;
    const form = nameForm(clean);
    // Only candidates isMisspelling can accept (similarity.ts): glued equal; else the same digits, a glued length
    // within two, and — one word: 7 letters or more, against one-word names; several words: the same count with
    // one word equal at its place, or another count when this one has 9 letters or more. The winner does not
    // depend on the visiting order (the closest length, then code-unit order; equal surfaces share every list, in
    // insertion order), and a candidate visited twice changes nothing.
    const bucket = `${type}|${first}`;
    const length = form.glue.length;
    const words = form.words.length;
    const lists = [this.fuzzyIndex.get(`${bucket}|=${form.glue}`)];
    if (words === 1 && length >= 7) {
      for (let len = length - 2; len <= length + 2; len++) lists.push(this.fuzzyIndex.get(`${bucket}|${len}|${form.digits}|1`));
    } else if (words > 1) {
      form.words.forEach((w, i) => lists.push(this.fuzzyIndex.get(`${bucket}|w${words}|${i}|${w}`)));
      if (length >= 9) {
        for (const count of this.wordCounts.get(bucket) ?? []) {
          if (count === words) continue;
          for (let len = length - 2; len <= length + 2; len++) lists.push(this.fuzzyIndex.get(`${bucket}|${len}|${form.digits}|${count}`));
        }
      }
    }
    for (const list of lists) {
      for (const candidate of list ?? []) {
        if (Math.abs(candidate.form.glue.length - length) > 2 || !isMisspelling(form, candidate.form)) continue;
        // Deterministic tie-break: the closest length, then code-unit order.
        const d = Math.abs(candidate.surface.length - clean.length);
        const bd = best ? Math.abs(best.surface.length - clean.length) : Infinity;
        if (d < bd || (d === bd && best && candidate.surface < best.surface)) best = candidate;
      }
    }
    if (best) return this.peek(best.ref.name, type) ?? best.ref;
    return type === 'Model' ? this.misheardFamily(clean, pool) : undefined;
  }

  /** "Quinn 2.5": a family word heard wrong before a version names that family's version ("Qwen 2.5"). */
  private misheardFamily(clean: string, pool: Array<{ surface: string; ref: EntityRef }>): EntityRef | undefined {
    const m = /^(\p{L}+)\s(\d+(?:\.\d+)*)$/u.exec(clean);
    if (!m) return undefined;
    const family = pool.find((c) => soundsLikeFamily(m[1]!, c.surface));
    if (!family) return undefined;
    const name = `${family.ref.name} ${m[2]}`;
    return this.peek(name, 'Model') ?? { id: entityId('Model', name), name, type: 'Model' };
  }

  /** Resolves a surface to its canonical entity, creating it when nothing matches. */
  resolve(surface: string, type: EntityType, opts: { fuzzy?: boolean; canonical?: string } = {}): EntityRef {
    const clean = cleanMemo(surface);
    if (!clean) throw new Error(`cannot resolve an empty surface form: ${JSON.stringify(surface)}`);
    let ref = this.peek(clean, type);
    if (!ref && opts.canonical) ref = this.peek(opts.canonical, type);
    if (!ref && opts.fuzzy !== false && FUZZY_TYPES.has(type)) ref = this.fuzzy(clean, type);
    const name = opts.canonical ?? clean;
    const entry = ref ? this.ensure(ref.id, ref.name, ref.type) : this.ensure(entityId(type, name), name, type);
    this.addAlias(entry, clean);
    return entry;
  }

  get(id: string): EntityRef | undefined {
    return this.entries.get(id);
  }

  aliasesOf(id: string): string[] {
    return [...(this.entries.get(id)?.aliases ?? [])].sort();
  }

  all(): KnownEntity[] {
    return [...this.entries.values()]
      .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: [...e.aliases].sort() }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
