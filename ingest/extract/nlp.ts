/**
 * compromise, made cheaper where it costs most and changes nothing it computes (test/extract/nlp-speed.test.ts
 * holds both against compromise's own code):
 *
 * - its post-tagger looks up, for every clause, which of its ~1,600 match rules may apply by testing EVERY hook
 *   word of the rule net against the clause's word/tag set (compromise 14 `sweep/01-getHooks.js`): per clause that
 *   is a loop over all hooks, whatever the clause's length — a seventh of our extraction time on AINews. `bulkMatch`
 *   below walks the clause's set instead (a few dozen entries) and keeps compromise's order and de-duplication;
 * - `tagOnly` parses without the chunker, the last hook of `nlp()`: it only sets `term.chunk` (Noun/Verb/… phrases),
 *   which a tag match such as `#Person+` never reads.
 */
import nlp from 'compromise';

/** One rule of a compromise match net, as far as the sweep reads it. */
interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
  [key: string]: unknown;
}
interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}
type Term = Record<string, unknown>;
interface Methods {
  one: {
    cacheDoc: (document: Term[][]) => Set<string>[];
    match: (docs: Term[][], m: NetMatch) => { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}
type BulkMatch = (document: Term[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => unknown[];

interface World {
  methods: Methods;
  hooks: string[];
}
const world = (nlp as unknown as { world: () => World }).world();

/** compromise's own bulkMatch, kept for the equivalence test. */
export const compromiseBulkMatch: BulkMatch = world.methods.one.bulkMatch;

/** Object.keys order of a net's hooks (the order compromise concatenates rules in), computed once per net. */
const hookOrder = new WeakMap<Record<string, NetMatch[]>, { keys: string[]; rank: Map<string, number> }>();

function candidatesOf(cache: Set<string>, hooks: Record<string, NetMatch[]>): NetMatch[] {
  let order = hookOrder.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    order = { keys, rank: new Map(keys.map((k, i) => [k, i])) };
    hookOrder.set(hooks, order);
  }
  const ranks: number[] = [];
  for (const item of cache) {
    const r = order.rank.get(item);
    if (r !== undefined) ranks.push(r);
  }
  ranks.sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: NetMatch[] = [];
  for (const r of ranks) {
    for (const m of hooks[order.keys[r]!]!) {
      if (seen.has(m.match)) continue;
      seen.add(m.match);
      out.push(m);
    }
  }
  return out;
}

/** compromise 14's sweep (`1-one/sweep/methods/sweep/`), with the hook lookup above; every other step as there. */
export const bulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    const haves = docCache[n]!;
    const termCount = document[n]!.length;
    let list = candidatesOf(haves, net.hooks).filter(
      (m) =>
        m.needs.every((need) => haves.has(need)) &&
        !(m.ifNo !== undefined && m.ifNo.some((no) => haves.has(no))) &&
        (m.wants.length === 0 || m.wants.filter((w) => haves.has(w)).length >= m.minWant),
    );
    if (net.always.length > 0) list = list.concat(net.always);
    for (const m of list) {
      if (termCount < m.minWords) continue;
      const res = methods.one.match([document[n]!], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Record<string, unknown> = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

world.methods.one.bulkMatch = bulkMatch;

/** nlp()'s hooks without the chunker (see above). */
const TAG_HOOKS = world.hooks.filter((h) => h !== 'chunks');

/** `nlp(text)` with every tag it would set, minus the phrase chunks. */
export function tagOnly(text: string): ReturnType<typeof nlp> {
  const hooks = world.hooks;
  world.hooks = TAG_HOOKS;
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
  }
}

export default nlp;
