/**
 * Curation: decisions a person makes about the graph — merge two entities, rename, retype, split an alias off,
 * delete a junk entity, reject a typed relation — and the ONE pure function that applies them to what the
 * extractor produced (`project`). Both the ingest writer (every later ingest) and the curation API (apply / undo
 * at once) run it, so a re-ingest and an undo can never disagree about what the graph should be.
 *
 * Why undo is exact (README, "Curation"): the graph never loses the extractor's view, it only re-attaches it.
 *  - every Mention keeps `entityId`, the extractor's entity; a decision moves its REFERS_TO, or leaves it dormant
 *    (no REFERS_TO, no CONTAINS) when its entity is deleted;
 *  - the extractor's record (name, type, aliases, trust) of every entity a decision names is kept in an
 *    (:ExtractedEntity) node, which the extractor reads back as "known" instead of the curated node;
 *  - a relation (typed, co-mention, front-matter link) the decisions hide — rejected, touching a deleted entity,
 *    turned into a self-loop by a merge, or folded into an equal one — is kept as a (:SuppressedRelation) node,
 *    and a live one whose ends moved remembers its extractor ends (`src`, `dst`).
 * So undoing a decision recomputes the part of the graph it touched from the extractor's view under the remaining
 * decisions; a decision never has to remember what it changed.
 *
 * Decisions name entities by their id at the time they are made, and apply in order: a source (an extractor
 * entity, seen through one surface form) is followed through the list — merge moves `from` to `into`, retype moves
 * an id to `NewType:slug`, split-alias moves the mentions written as the alias to `Type:slug(alias)`, delete ends
 * it. A rejection hides the typed relations whose ends are, at that point of the list, exactly its source and target.
 */
import { slug } from './slug.ts';
import { CO_MENTION, ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from './vocabulary.ts';

export const CURATION_ACTIONS = ['merge', 'rename', 'retype', 'split-alias', 'delete', 'reject-relation'] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

export type DecisionInput =
  | { action: 'merge'; from: string; into: string }
  | { action: 'rename'; id: string; name: string }
  | { action: 'retype'; id: string; type: EntityType }
  | { action: 'split-alias'; id: string; alias: string }
  | { action: 'delete'; id: string }
  | { action: 'reject-relation'; source: string; type: RelationType; target: string };

/**
 * A stored decision: what (`input`, as posted), when (`at`, ISO 8601), its place in the order (`seq`), and the names
 * the entities it names had then (`labels`: shown in the list, and a name of last resort for an entity the extractor
 * has not produced yet in a re-ingest).
 */
export interface Decision {
  id: string;
  seq: number;
  at: string;
  labels: Record<string, string>;
  input: DecisionInput;
}

const isEntityType = (t: unknown): t is EntityType => typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t);
const isRelationType = (t: unknown): t is RelationType => typeof t === 'string' && (RELATION_TYPES as readonly string[]).includes(t);

/** The type an entity id names (`Method:grpo` → Method); throws on an id outside the vocabulary. */
export function typeOfId(id: string): EntityType {
  const type = id.slice(0, id.indexOf(':'));
  if (!isEntityType(type)) throw new Error(`not an entity id: ${JSON.stringify(id)}`);
  return type;
}

/** How a surface form is compared with an alias: case, width and spacing do not matter. */
export function surfaceKey(surface: string): string {
  return surface.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The entity a retype or a split creates (or joins, when it exists already); null for the other actions. */
export function producedId(d: DecisionInput): string | null {
  if (d.action === 'retype') return `${d.type}:${d.id.slice(d.id.indexOf(':') + 1)}`;
  if (d.action === 'split-alias') return `${typeOfId(d.id)}:${slug(d.alias)}`;
  return null;
}

/** The entity ids a decision names. */
export function namedIds(d: DecisionInput): string[] {
  switch (d.action) {
    case 'merge':
      return [d.from, d.into];
    case 'reject-relation':
      return [d.source, d.target];
    default:
      return [d.id];
  }
}

/** A decision's (:Curation) node properties: flat, `entity` for the entity of the one-entity actions, `labels` as JSON. */
export function storedProps(d: Decision): Record<string, string | number> {
  const { labels, id, seq, at, input } = d;
  const common = { id, seq, at, action: input.action, labels: JSON.stringify(labels) };
  switch (input.action) {
    case 'merge':
      return { ...common, from: input.from, into: input.into };
    case 'rename':
      return { ...common, entity: input.id, name: input.name };
    case 'retype':
      return { ...common, entity: input.id, type: input.type };
    case 'split-alias':
      return { ...common, entity: input.id, alias: input.alias };
    case 'delete':
      return { ...common, entity: input.id };
    case 'reject-relation':
      return { ...common, source: input.source, type: input.type, target: input.target };
  }
}

/** A decision read back from its (:Curation) node (see storedProps). */
export function decisionFromProps(p: Record<string, unknown>): Decision {
  const str = (k: string) => {
    const v = p[k];
    if (typeof v !== 'string') throw new Error(`curation decision ${String(p.id)}: ${k} must be a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const id = str('id');
  const base = { id, seq: Number(p.seq), at: str('at'), labels: (p.labels ? JSON.parse(String(p.labels)) : {}) as Record<string, string> };
  const input = ((): DecisionInput => {
    switch (p.action) {
      case 'merge':
        return { action: 'merge', from: str('from'), into: str('into') };
      case 'rename':
        return { action: 'rename', id: str('entity'), name: str('name') };
      case 'retype':
        if (!isEntityType(p.type)) throw new Error(`curation decision ${id}: bad type ${JSON.stringify(p.type)}`);
        return { action: 'retype', id: str('entity'), type: p.type };
      case 'split-alias':
        return { action: 'split-alias', id: str('entity'), alias: str('alias') };
      case 'delete':
        return { action: 'delete', id: str('entity') };
      case 'reject-relation':
        if (!isRelationType(p.type)) throw new Error(`curation decision ${id}: bad relation type ${JSON.stringify(p.type)}`);
        return { action: 'reject-relation', source: str('source'), type: p.type, target: str('target') };
      default:
        throw new Error(`curation decision ${id}: unknown action ${JSON.stringify(p.action)}`);
    }
  })();
  return { ...base, input };
}

/** One line a person reads: 'merged “Open AI” into “OpenAI”'. */
export function describeDecision(d: Decision): string {
  const n = (id: string) => `“${d.labels[id] ?? id}”`;
  const i = d.input;
  switch (i.action) {
    case 'merge':
      return `merged ${n(i.from)} into ${n(i.into)}`;
    case 'rename':
      return `renamed ${n(i.id)} to “${i.name}”`;
    case 'retype':
      return `retyped ${n(i.id)} as ${i.type}`;
    case 'split-alias':
      return `split “${i.alias}” off ${n(i.id)}`;
    case 'delete':
      return `deleted ${n(i.id)}`;
    case 'reject-relation':
      return `rejected ${n(i.source)} ${i.type} ${n(i.target)}`;
  }
}

/** The state of a source before/after one decision: a curated entity id, or null once deleted. */
function step(state: string | null, surface: string | null, d: DecisionInput): string | null {
  if (state === null) return null;
  switch (d.action) {
    case 'merge':
      return state === d.from ? d.into : state;
    case 'retype':
      return state === d.id ? producedId(d) : state;
    case 'split-alias':
      return state === d.id && surface !== null && surface === surfaceKey(d.alias) ? producedId(d) : state;
    case 'delete':
      return state === d.id ? null : state;
    default:
      return state;
  }
}

/** The active decisions, in order, and what follows from them. */
export class Curation {
  readonly decisions: readonly Decision[];
  /** Every id a decision names or produces: the extractor's records of these are kept apart (ExtractedEntity). */
  readonly touched: ReadonlySet<string>;
  readonly hasSplits: boolean;
  private readonly hasRejects: boolean;
  /** Ids a decision moves away from (merge from, retype, split, delete): every other id stays itself. */
  private readonly movers = new Set<string>();
  private readonly finals = new Map<string, string | null>();

  static readonly EMPTY = new Curation([]);

  constructor(decisions: readonly Decision[]) {
    this.decisions = [...decisions].sort((a, b) => a.seq - b.seq);
    const touched = new Set<string>();
    for (const { input: d } of this.decisions) {
      for (const id of namedIds(d)) touched.add(id);
      const made = producedId(d);
      if (made) touched.add(made);
      if (d.action === 'merge') this.movers.add(d.from);
      else if (d.action !== 'rename' && d.action !== 'reject-relation') this.movers.add(d.id);
    }
    this.touched = touched;
    this.hasSplits = this.decisions.some((d) => d.input.action === 'split-alias');
    this.hasRejects = this.decisions.some((d) => d.input.action === 'reject-relation');
  }

  get isEmpty(): boolean {
    return this.decisions.length === 0;
  }

  /** The curated entity an extractor entity's mention (written `surface`, as a surfaceKey) ends up on; null: deleted. */
  target(id: string, surface: string | null = null): string | null {
    if (!this.movers.has(id)) return id;
    const key = `${id}\u0000${surface ?? ''}`;
    const known = this.finals.get(key);
    if (known !== undefined) return known;
    let state: string | null = id;
    for (const d of this.decisions) state = step(state, surface, d.input);
    this.finals.set(key, state);
    return state;
  }

  /** The curated ends of an extractor relation, or null when a decision hides it (a rejection, a deleted end). */
  relationEnds(source: string, sourceSurface: string | null, type: string, target: string, targetSurface: string | null): { source: string; target: string } | null {
    if (!this.hasRejects || !isRelationType(type)) {
      const s = this.target(source, sourceSurface);
      const t = this.target(target, targetSurface);
      return s === null || t === null ? null : { source: s, target: t };
    }
    let s: string | null = source;
    let t: string | null = target;
    for (const { input: d } of this.decisions) {
      if (d.action === 'reject-relation' && d.type === type && s === d.source && t === d.target) return null;
      s = step(s, sourceSurface, d);
      t = step(t, targetSurface, d);
    }
    return s === null || t === null ? null : { source: s, target: t };
  }

  /**
   * The name of a curated entity: its last rename; else the extractor's name for that id; else the name its
   * retype or split gave it; else the name a decision saw it under.
   */
  nameOf(id: string, extractorName: (id: string) => string | undefined, before = this.decisions.length): string {
    for (let i = before - 1; i >= 0; i--) {
      const d = this.decisions[i]!.input;
      if (d.action === 'rename' && d.id === id) return d.name;
    }
    const extracted = extractorName(id);
    if (extracted !== undefined) return extracted;
    for (let i = 0; i < before; i++) {
      const d = this.decisions[i]!.input;
      if (producedId(d) !== id) continue;
      if (d.action === 'split-alias') return d.alias;
      if (d.action === 'retype') return this.nameOf(d.id, extractorName, i);
    }
    for (const d of this.decisions) if (d.labels[id]) return d.labels[id];
    return id.slice(id.indexOf(':') + 1);
  }

  /**
   * The decisions connected to `ids` through the entities they name or produce (union-find over the list): the
   * part of the graph a change to one of them can affect. Returns every id of that part.
   */
  static region(decisions: readonly DecisionInput[], ids: readonly string[]): Set<string> {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      parent.set(x, root);
      return root;
    };
    const union = (a: string, b: string) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    };
    for (const d of decisions) {
      const all = [...namedIds(d), producedId(d)].filter((x): x is string => x !== null);
      for (const x of all) find(x);
      for (const x of all.slice(1)) union(all[0]!, x);
    }
    const roots = new Set(ids.map(find));
    const out = new Set(ids);
    for (const x of parent.keys()) if (roots.has(find(x))) out.add(x);
    return out;
  }
}

// ---------- the projection ----------

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: readonly string[];
  trusted: boolean;
}
export interface MentionRow {
  id: string;
  documentId: string;
  /** The extractor's entity. */
  entityId: string;
  text: string;
  sentenceStart: number | null;
}
export interface RelationRow {
  source: string;
  target: string;
  type: string;
  documentId: string;
  evidenceStart: number;
  reason: string | null;
}
export interface FactRow {
  documentId: string;
  entityId: string;
  field: string;
  value: string;
}

export interface ProjectionInput<M extends MentionRow, R extends RelationRow, F extends FactRow> {
  /** The extractor's records of the entities the rows refer to. */
  entities: readonly EntityRow[];
  mentions: readonly M[];
  relations: readonly R[];
  facts: readonly F[];
  /** The extractor's name of an entity that is not among `entities` (a kept record), for naming a curated one. */
  extractorName?: (id: string) => string | undefined;
  /** More mentions, read only to see how a relation's end is written (the far end of a relation, outside `mentions`). */
  context?: readonly MentionRow[];
}

export interface Projection<M extends MentionRow, R extends RelationRow, F extends FactRow> {
  /** Curated entities something live refers to, with the surfaces of their sources as aliases. */
  entities: EntityRow[];
  /** Every mention, with the curated entity it refers to (null: dormant, its entity was deleted). */
  mentions: Array<M & { targetId: string | null }>;
  /** Live mentions per document and curated entity. */
  counts: Array<{ documentId: string; entityId: string; count: number }>;
  /** Live relations between curated ends; `src`/`dst`: the extractor's ends when they differ. */
  relations: Array<R & { src: string | null; dst: string | null }>;
  /** Relations the decisions hide, as the extractor wrote them. */
  suppressed: R[];
  /** Live front-matter links to curated entities; `src`: the extractor's entity when it differs. */
  facts: Array<F & { src: string | null }>;
  suppressedFacts: F[];
  /** The extractor's records of touched entities (kept as ExtractedEntity). */
  extracted: EntityRow[];
}

/** Applies the decisions to extractor rows. Without decisions every row comes back as it was. */
export function project<M extends MentionRow, R extends RelationRow, F extends FactRow>(curation: Curation, input: ProjectionInput<M, R, F>): Projection<M, R, F> {
  if (curation.isEmpty) {
    const counts = new Map<string, { documentId: string; entityId: string; count: number }>();
    for (const m of input.mentions) {
      const key = `${m.documentId}\u0000${m.entityId}`;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { documentId: m.documentId, entityId: m.entityId, count: 1 });
    }
    return {
      entities: [...input.entities],
      mentions: input.mentions.map((m) => ({ ...m, targetId: m.entityId })),
      counts: [...counts.values()],
      relations: input.relations.map((r) => ({ ...r, src: null, dst: null })),
      suppressed: [],
      facts: input.facts.map((f) => ({ ...f, src: null })),
      suppressedFacts: [],
      extracted: [],
    };
  }

  // Mentions: each follows its entity through the decisions, seen through its own surface.
  const reached = new Set<string>();
  const counts = new Map<string, { documentId: string; entityId: string; count: number }>();
  const byDocEntity = new Map<string, MentionRow[]>();
  const mentions = input.mentions.map((m) => {
    const targetId = curation.target(m.entityId, surfaceKey(m.text));
    if (targetId !== null) {
      reached.add(targetId);
      const key = `${m.documentId}\u0000${targetId}`;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { documentId: m.documentId, entityId: targetId, count: 1 });
    }
    if (curation.hasSplits) {
      const key = `${m.documentId}\u0000${m.entityId}`;
      const list = byDocEntity.get(key) ?? [];
      list.push(m);
      byDocEntity.set(key, list);
    }
    return { ...m, targetId };
  });
  if (curation.hasSplits) {
    for (const m of input.context ?? []) {
      const key = `${m.documentId}\u0000${m.entityId}`;
      const list = byDocEntity.get(key) ?? [];
      if (!list.some((x) => x.id === m.id)) list.push(m);
      byDocEntity.set(key, list);
    }
  }

  // A relation end is seen through the one surface its entity is written with in the evidence sentence (else in
  // the document), so a relation read from a sentence naming the split-off alias goes with the alias.
  const surfaceOf = (documentId: string, entityId: string, evidenceStart: number): string | null => {
    if (!curation.hasSplits) return null;
    const list = byDocEntity.get(`${documentId}\u0000${entityId}`);
    if (!list) return null;
    const inSentence = new Set(list.filter((m) => m.sentenceStart === evidenceStart).map((m) => surfaceKey(m.text)));
    const keys = inSentence.size ? inSentence : new Set(list.map((m) => surfaceKey(m.text)));
    return keys.size === 1 ? [...keys][0]! : null;
  };

  // Relations: hidden ones are kept; live ones that land on the same (source, type, target, document) fold into one.
  const suppressed: R[] = [];
  const groups = new Map<string, Array<{ row: R; index: number; source: string; target: string; moved: boolean }>>();
  input.relations.forEach((row, index) => {
    const ends = curation.relationEnds(row.source, surfaceOf(row.documentId, row.source, row.evidenceStart), row.type, row.target, surfaceOf(row.documentId, row.target, row.evidenceStart));
    if (!ends || ends.source === ends.target) return void suppressed.push(row);
    let { source, target } = ends;
    const moved = source !== row.source || target !== row.target;
    // A co-mention has no direction: a moved one is stored in the extractor's order (smaller id first).
    if (moved && row.type === CO_MENTION && source > target) [source, target] = [target, source];
    const key = `${row.type}\u0000${source}\u0000${target}\u0000${row.documentId}`;
    const group = groups.get(key) ?? [];
    group.push({ row, index, source, target, moved });
    groups.set(key, group);
  });
  const relations: Projection<M, R, F>['relations'] = [];
  for (const group of groups.values()) {
    // The relation the extractor wrote between these very ends wins (the last, like the writer's MERGE); else the first in a fixed order.
    group.sort(
      (a, b) =>
        Number(a.moved) - Number(b.moved) ||
        (a.moved ? cmp(a.row.source, b.row.source) || cmp(a.row.target, b.row.target) || a.row.evidenceStart - b.row.evidenceStart || cmp(a.row.reason ?? '', b.row.reason ?? '') : 0) ||
        b.index - a.index,
    );
    const [live, ...folded] = group;
    relations.push({ ...live!.row, source: live!.source, target: live!.target, src: live!.moved ? live!.row.source : null, dst: live!.moved ? live!.row.target : null });
    for (const f of folded) suppressed.push(f.row);
  }

  // Front-matter links: like mentions (the listed value is the surface), one per (document, field, entity).
  const suppressedFacts: F[] = [];
  const factGroups = new Map<string, Array<{ row: F; index: number; target: string }>>();
  input.facts.forEach((row, index) => {
    const target = curation.target(row.entityId, surfaceKey(row.value));
    if (target === null) return void suppressedFacts.push(row);
    reached.add(target);
    const key = `${row.documentId}\u0000${row.field}\u0000${target}`;
    const group = factGroups.get(key) ?? [];
    group.push({ row, index, target });
    factGroups.set(key, group);
  });
  const facts: Projection<M, R, F>['facts'] = [];
  for (const group of factGroups.values()) {
    group.sort((a, b) => Number(a.row.entityId !== a.target) - Number(b.row.entityId !== b.target) || cmp(a.row.entityId, b.row.entityId) || cmp(a.row.value, b.row.value) || b.index - a.index);
    const [live, ...folded] = group;
    facts.push({ ...live!.row, entityId: live!.target, src: live!.row.entityId === live!.target ? null : live!.row.entityId });
    for (const f of folded) suppressedFacts.push(f.row);
  }

  // Curated entities: named by the decisions, typed by their id, aliased by every surface of their sources.
  const records = new Map(input.entities.map((e) => [e.id, e]));
  const extractorName = (id: string) => records.get(id)?.name ?? input.extractorName?.(id);
  const curated = new Map<string, { row: EntityRow; surfaces: Set<string> }>();
  for (const id of reached) {
    const type = records.get(id)?.type ?? typeOfId(id);
    curated.set(id, { row: { id, name: curation.nameOf(id, extractorName), type, aliases: [], trusted: false }, surfaces: new Set() });
  }
  for (const e of input.entities) {
    for (const surface of [e.name, ...e.aliases]) {
      const t = curation.target(e.id, surfaceKey(surface));
      const c = t === null ? undefined : curated.get(t);
      if (!c) continue;
      c.surfaces.add(surface);
      c.row.trusted ||= e.trusted;
    }
  }
  const entities = [...curated.values()].map(({ row, surfaces }) => ({ ...row, aliases: [...surfaces].filter((s) => s !== row.name) }));

  return {
    entities,
    mentions,
    counts: [...counts.values()],
    relations,
    suppressed,
    facts,
    suppressedFacts,
    extracted: input.entities.filter((e) => curation.touched.has(e.id)),
  };
}

/** The (:SuppressedRelation) node of each relation and front-matter link a projection hides: the extractor's row, whole. */
export function suppressedNodes(p: Pick<Projection<MentionRow, RelationRow & { evidence?: string | null; weight?: number }, FactRow & { reason?: string | null }>, 'suppressed' | 'suppressedFacts'>) {
  return [
    ...p.suppressed.map((r) => ({ type: r.type, source: r.source, target: r.target, documentId: r.documentId, evidence: r.evidence ?? null, evidenceStart: r.evidenceStart, reason: r.reason, weight: r.weight ?? 1 })),
    ...p.suppressedFacts.map((f) => ({ type: 'LISTS', source: null, target: f.entityId, documentId: f.documentId, field: f.field, value: f.value, reason: f.reason ?? null })),
  ];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
