/**
 * How the console's result table shows a value: nodes as `(GRPO:Method)`, relationships as
 * `(FooPO)-[:IMPROVES_ON {weight: 1}]->(GRPO)` with the names of their ends, paths as one chain — never as
 * elementId JSON. Pure: the row values (server/services/serialize.ts shapes) and the response's graph in, text out.
 */
import type { CypherResponse } from '../../../contract/api.ts';

interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
interface PlainRel {
  elementId: string;
  type: string;
  startElementId?: string;
  endElementId?: string;
  properties: Record<string, unknown>;
}
interface PlainPath {
  start: PlainNode;
  end: PlainNode;
  segments: { start: PlainNode; relationship: PlainRel; end: PlainNode }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNode = (v: unknown): v is PlainNode => isObj(v) && typeof v.elementId === 'string' && Array.isArray(v.labels) && isObj(v.properties);
const isRel = (v: unknown): v is PlainRel => isObj(v) && typeof v.elementId === 'string' && typeof v.type === 'string' && isObj(v.properties) && !('labels' in v);
const isPath = (v: unknown): v is PlainPath => isObj(v) && isNode(v.start) && isNode(v.end) && Array.isArray(v.segments);

/** Names for the ends of relationships: from the nodes anywhere in the rows, else from the drawn graph. */
export interface ValueContext {
  /** A node's display name by its elementId. */
  nodeName(elementId: string): string | undefined;
  /** A relationship's ends' names by its elementId (from the graph the response drew). */
  relEnds(elementId: string): { source: string; target: string } | undefined;
}

const nodeDisplayName = (n: PlainNode): string => {
  const p = n.properties;
  const name = p.name ?? p.title ?? p.text ?? p.id;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : (n.labels[0] ?? 'node');
};

/** The context for one response: every node in its rows by elementId, and its graph's edges' ends. */
export function valueContext(res: Pick<CypherResponse, 'rows' | 'graph'>): ValueContext {
  const names = new Map<string, string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObj(v)) return;
    if (isNode(v)) {
      names.set(v.elementId, nodeDisplayName(v));
      return;
    }
    for (const x of Object.values(v)) visit(x);
  };
  res.rows.forEach(visit);
  const labels = new Map(res.graph.nodes.map((n) => [n.data.id, n.data.label]));
  const ends = new Map(res.graph.edges.map((e) => [e.data.id, { source: labels.get(e.data.source) ?? e.data.source, target: labels.get(e.data.target) ?? e.data.target }]));
  return { nodeName: (id) => names.get(id), relEnds: (id) => ends.get(id) };
}

const EMPTY_CONTEXT: ValueContext = { nodeName: () => undefined, relEnds: () => undefined };

/** A property value as Cypher would write it, long strings cut. */
function literal(v: unknown, max = 48): string {
  if (typeof v === 'string') {
    const s = v.length > max ? `${v.slice(0, max - 1)}…` : v;
    return JSON.stringify(s);
  }
  if (Array.isArray(v)) return `[${v.slice(0, 5).map((x) => literal(x, 24)).join(', ')}${v.length > 5 ? ', …' : ''}]`;
  if (v === null || v === undefined) return 'null';
  if (isObj(v)) return '{…}';
  return String(v);
}

const key = (k: string) => (/^[A-Za-z_]\w*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``);

/** `{weight: 1, documentId: "doc:1"}`, or '' for no properties. */
export function propertyMap(props: Record<string, unknown>, maxKeys = 6): string {
  const entries = Object.entries(props);
  if (!entries.length) return '';
  const shown = entries.slice(0, maxKeys).map(([k, v]) => `${key(k)}: ${literal(v)}`);
  return `{${shown.join(', ')}${entries.length > maxKeys ? ', …' : ''}}`;
}

export function formatNode(n: PlainNode): string {
  const labels = n.labels.filter((l) => l !== 'Entity');
  return `(${nodeDisplayName(n)}${(labels.length ? labels : n.labels).map((l) => `:${l}`).join('')})`;
}

/**
 * `(a)-[:TYPE {props}]->(b)`; `from` / `to` (path segments) give the ends in walking order, and the arrow
 * follows the relationship's own direction.
 */
export function formatRelationship(r: PlainRel, ctx: ValueContext = EMPTY_CONTEXT, walk?: { from: PlainNode; to: PlainNode }, withProps = true): string {
  const props = withProps ? propertyMap(r.properties) : '';
  const mid = `[:${r.type}${props ? ` ${props}` : ''}]`;
  if (walk) {
    const forward = !r.startElementId || r.startElementId === walk.from.elementId;
    return forward ? `-${mid}->` : `<-${mid}-`;
  }
  const ends = ctx.relEnds(r.elementId);
  const a = (r.startElementId && ctx.nodeName(r.startElementId)) ?? ends?.source ?? '?';
  const b = (r.endElementId && ctx.nodeName(r.endElementId)) ?? ends?.target ?? '?';
  return `(${a})-${mid}->(${b})`;
}

export function formatPath(p: PlainPath): string {
  let out = `(${nodeDisplayName(p.start)})`;
  for (const s of p.segments) out += `${formatRelationship(s.relationship, EMPTY_CONTEXT, { from: s.start, to: s.end })}(${nodeDisplayName(s.end)})`;
  return out;
}

/**
 * A relationship cell in two parts, so a narrow column shows both ends: `(a)-[:TYPE]->(b)` and its properties
 * (`{weight: 1, …}`, '' when none). Null for any other value.
 */
export function relationshipParts(v: unknown, ctx: ValueContext = EMPTY_CONTEXT): { pattern: string; props: string } | null {
  if (!isRel(v) || isNode(v)) return null;
  return { pattern: formatRelationship(v, ctx, undefined, false), props: propertyMap(v.properties) };
}

/** A table cell's text for any row value. */
export function formatValue(v: unknown, ctx: ValueContext = EMPTY_CONTEXT): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, ctx)).join(', ')}]`;
  if (isPath(v)) return formatPath(v);
  if (isNode(v)) return formatNode(v);
  if (isRel(v)) return formatRelationship(v, ctx);
  if (isObj(v)) {
    const s = `{${Object.entries(v).map(([k, x]) => `${key(k)}: ${typeof x === 'string' ? JSON.stringify(x) : formatValue(x, ctx)}`).join(', ')}}`;
    return s.length > 200 ? `${s.slice(0, 199)}…` : s;
  }
  return String(v);
}
