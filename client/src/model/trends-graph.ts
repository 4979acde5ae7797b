/**
 * "What is new" on the canvas: the entities first seen in a period and those rising fastest, joined by the typed
 * relations first stated in it. Nodes and edges carry `trend` ('new' | 'rising') for the canvas to mark them.
 * Pure (no DOM).
 */
import type { EdgeData, GraphElements, NodeData, TrendsResponse } from '../../../contract/api.ts';

export type Trend = 'new' | 'rising';

/** Most nodes put on the canvas from one answer (the lists are ranked; the tail adds noise, not news). */
export const TRENDS_MAX_NODES = 60;

export function trendsElements(res: TrendsResponse, maxNodes = TRENDS_MAX_NODES): GraphElements {
  const nodes = new Map<string, NodeData>();
  const add = (e: { id: string; name: string; type: string }, trend: Trend | null, mentions?: number) => {
    if (nodes.has(e.id) || nodes.size >= maxNodes) return nodes.has(e.id);
    nodes.set(e.id, { id: e.id, label: e.name, kind: 'entity', type: e.type, ...(mentions != null ? { mentionCount: mentions } : {}), ...(trend ? { trend } : {}) });
    return true;
  };
  // New relations first: each brings its two ends, so the canvas shows connected news rather than a cloud of dots.
  const newIds = new Set(res.newEntities.items.map((e) => e.id));
  const risingIds = new Set(res.rising.items.map((e) => e.id));
  const trendOf = (id: string): Trend | null => (newIds.has(id) ? 'new' : risingIds.has(id) ? 'rising' : null);
  const mentionsOf = new Map<string, number>([...res.rising.items, ...res.newEntities.items].map((e) => [e.id, e.mentions]));
  const edges: EdgeData[] = [];
  for (const r of res.newRelations.items) {
    if (nodes.size + 2 > maxNodes && !(nodes.has(r.source.id) && nodes.has(r.target.id))) continue;
    add(r.source, trendOf(r.source.id), mentionsOf.get(r.source.id));
    add(r.target, trendOf(r.target.id), mentionsOf.get(r.target.id));
    edges.push({ id: `${r.source.id}|${r.type}|${r.target.id}`, source: r.source.id, target: r.target.id, type: r.type, weight: r.documents, evidenceCount: r.documents, trend: 'new' });
  }
  // Then the lists, alternating, so both kinds of news reach the canvas when it fills up.
  const a = res.newEntities.items, b = res.rising.items;
  for (let i = 0; i < Math.max(a.length, b.length) && nodes.size < maxNodes; i++) {
    if (a[i]) add(a[i]!, 'new', a[i]!.mentions);
    if (b[i]) add(b[i]!, 'rising', b[i]!.mentions);
  }
  return { nodes: [...nodes.values()].map((data) => ({ data })), edges: edges.map((data) => ({ data })) };
}

/** "+12 mentions" / "+3 issues" for a rising item, by what it rose in. */
export function risingLabel(item: { change: number; documentChange: number }, by: 'mentions' | 'documents'): string {
  const n = by === 'documents' ? item.documentChange : item.change;
  const unit = by === 'documents' ? 'issue' : 'mention';
  return `${n >= 0 ? '+' : ''}${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
}
