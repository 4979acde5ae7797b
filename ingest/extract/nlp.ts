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
  /** Rules to look at when the clause has this word/tag, as indexes into `rules`. */
  discovery: Map<string, number[]>;
  rules: NetMatch[];
  /** Per rule: ranks (Object.keys order) of the hook keys that list it. */
  keyRanks: number[][];
  keys: string[];
  /** Per rule: a position consistent with every hook list's order (lists are subsequences of the net's rule order). */
  order: Int32Array;
  /** Per rule: the clause it was last looked at for (a clause counter), so each is checked once per clause. */
  seen: Int32Array;
  /** The rules by `order`. */
  byOrder: NetMatch[];
}
/** Above any net's rule count: sort keys are `first hook rank × ORDER_SPAN + order`. */
const ORDER_SPAN = 2 ** 20;
let clause = 0;
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
  if (order.size >= ORDER_SPAN) throw new Error(`compromise net: ${order.size} rules, more than the sort key holds`);
  const rules = [...keyRanks.keys()];
  const discovery = new Map<string, number[]>();
  const hookUnder = (key: string, i: number) => {
    const list = discovery.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    discovery.set(key, list);
  };
  rules.forEach((m, i) => {
    if (m.needs.length > 0) hookUnder(m.needs.reduce((a, b) => (hooks[b]!.length < hooks[a]!.length ? b : a)), i);
    else for (const w of m.wants) hookUnder(w, i);
  });
  return {
    discovery,
    rules,
    keyRanks: rules.map((m) => keyRanks.get(m)!),
    keys,
    order: Int32Array.from(rules, (m) => order.get(m)!),
    seen: new Int32Array(rules.length).fill(-1),
    byOrder: [...order.entries()].sort((a, b) => a[1] - b[1]).map(([m]) => m),
  };
}

function passes(m: NetMatch, haves: Set<string>): boolean {
  for (const need of m.needs) if (!haves.has(need)) return false;
  if (m.ifNo !== undefined) for (const no of m.ifNo) if (haves.has(no)) return false;
  if (m.wants.length > 0) {
    let found = 0;
    for (const w of m.wants) if (haves.has(w)) found++;
    if (found < m.minWant) return false;
  }
  return true;
}

/** The rules compromise's getHooks + trimDown would keep for a clause, in the order it would run them. */
function candidatesOf(haves: Set<string>, hooks: Record<string, NetMatch[]>): NetMatch[] {
  let index = netIndexes.get(hooks);
  if (!index) {
    index = indexNet(hooks);
    netIndexes.set(hooks, index);
  }
  clause = clause >= 2 ** 31 - 1 ? 0 : clause + 1;
  const stamp = clause;
  const { discovery, rules, keyRanks, keys, order, seen, byOrder } = index;
  // One number per rule kept: its first hook rank, then its net order (unique, below ORDER_SPAN).
  const kept: number[] = [];
  for (const item of haves) {
    const list = discovery.get(item);
    if (!list) continue;
    for (const i of list) {
      if (seen[i] === stamp) continue;
      seen[i] = stamp;
      if (!passes(rules[i]!, haves)) continue;
      let first = Infinity;
      for (const r of keyRanks[i]!) if (r < first && haves.has(keys[r]!)) first = r;
      kept.push(first * ORDER_SPAN + order[i]!);
    }
  }
  return Float64Array.from(kept)
    .sort()
    .reduce<NetMatch[]>((out, k) => (out.push(byOrder[k % ORDER_SPAN]!), out), []);
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
