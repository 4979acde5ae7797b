/**
 * compromise, made cheaper where it costs most, computing exactly what it computed before (test/extract/
 * nlp-speed.test.ts holds both against stock compromise, tag by tag and in order):
 *
 * - its post-tagger finds, for every clause, the match rules that may apply by walking EVERY hook word of its
 *   ~1,600-rule net (compromise 14 `sweep/01-getHooks.js`) and then dropping most candidates for a missing need
 *   (`02-trim-down.js`) — a third of our extraction time on AINews. `bulkMatch` below indexes the net once and
 *   finds the same rules in the same order from the clause's own words and tags;
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

/**
 * What the sweep needs of a net, computed once per net. compromise hooks every rule under each of its needs and
 * wants, so a clause with a common tag (#Noun) pulls in hundreds of rules only to drop most of them for a missing
 * need. Here a rule with needs is found under its rarest need only (it runs only if every need is there), a rule
 * with wants alone under each want; the order compromise would run them in is rebuilt exactly: by the first hook
 * key (Object.keys order) present in the clause that lists the rule, then by the rule's place in that key's list.
 */
interface NetIndex {
  /** Rules to look at when the clause has this word/tag. */
  discovery: Map<string, NetMatch[]>;
  /** Ranks (Object.keys order) of the hook keys that list the rule. */
  keyRanks: Map<NetMatch, number[]>;
  keys: string[];
  /** A position consistent with every hook list's order (lists are subsequences of the net's rule order). */
  order: Map<NetMatch, number>;
}
const netIndexes = new WeakMap<Record<string, NetMatch[]>, NetIndex>();

function indexNet(hooks: Record<string, NetMatch[]>): NetIndex {
  const keys = Object.keys(hooks);
  const rank = new Map(keys.map((k, i) => [k, i]));
  const keyRanks = new Map<NetMatch, number[]>();
  // Topological order of "comes before in some list" (Kahn), i.e. the net's own rule order where it matters.
  const next = new Map<NetMatch, Set<NetMatch>>();
  const indegree = new Map<NetMatch, number>();
  for (const k of keys) {
    const list = hooks[k]!;
    list.forEach((m, i) => {
      if (!keyRanks.has(m)) keyRanks.set(m, []);
      keyRanks.get(m)!.push(rank.get(k)!);
      if (!indegree.has(m)) indegree.set(m, 0);
      const after = list[i + 1];
      if (!after) return;
      const out = next.get(m) ?? new Set<NetMatch>();
      if (!out.has(after)) {
        out.add(after);
        indegree.set(after, (indegree.get(after) ?? 0) + 1);
      }
      next.set(m, out);
    });
  }
  const order = new Map<NetMatch, number>();
  const ready = [...indegree].filter(([, d]) => d === 0).map(([m]) => m);
  while (ready.length) {
    const m = ready.pop()!;
    order.set(m, order.size);
    for (const after of next.get(m) ?? []) {
      const d = indegree.get(after)! - 1;
      indegree.set(after, d);
      if (d === 0) ready.push(after);
    }
  }
  if (order.size !== indegree.size) throw new Error('compromise net: hook lists disagree on rule order');
  const discovery = new Map<string, NetMatch[]>();
  const hookUnder = (key: string, m: NetMatch) => {
    const list = discovery.get(key) ?? [];
    if (!list.includes(m)) list.push(m);
    discovery.set(key, list);
  };
  for (const m of keyRanks.keys()) {
    if (m.needs.length > 0) hookUnder(m.needs.reduce((a, b) => (hooks[b]!.length < hooks[a]!.length ? b : a)), m);
    else for (const w of m.wants) hookUnder(w, m);
  }
  return { discovery, keyRanks, keys, order };
}

/** The rules compromise's getHooks + trimDown would keep for a clause, in the order it would run them. */
function candidatesOf(haves: Set<string>, hooks: Record<string, NetMatch[]>): NetMatch[] {
  let index = netIndexes.get(hooks);
  if (!index) {
    index = indexNet(hooks);
    netIndexes.set(hooks, index);
  }
  const seen = new Set<NetMatch>();
  const kept: Array<{ m: NetMatch; first: number; at: number }> = [];
  for (const item of haves) {
    for (const m of index.discovery.get(item) ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      if (!m.needs.every((need) => haves.has(need))) continue;
      if (m.ifNo !== undefined && m.ifNo.some((no) => haves.has(no))) continue;
      if (m.wants.length > 0 && m.wants.filter((w) => haves.has(w)).length < m.minWant) continue;
      let first = Infinity;
      for (const r of index.keyRanks.get(m)!) if (r < first && haves.has(index.keys[r]!)) first = r;
      kept.push({ m, first, at: index.order.get(m)! });
    }
  }
  kept.sort((a, b) => a.first - b.first || a.at - b.at);
  return kept.map((k) => k.m);
}

/** compromise 14's sweep (`1-one/sweep/methods/sweep/`), with the rule lookup above; every other step as there. */
export const bulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    const termCount = document[n]!.length;
    let list = candidatesOf(docCache[n]!, net.hooks);
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
