/** Cytoscape elements shared by the neighbourhood, path and console views (ids as described in contract/api.ts). */
import type { EdgeData, NodeData } from '../../contract/api.ts';

export const entityNode = (e: { id: string; name: string; type: string; mentionCount?: number | null }): { data: NodeData } => ({
  data: { id: e.id, label: e.name, kind: 'entity', type: e.type, ...(e.mentionCount == null ? {} : { mentionCount: e.mentionCount }) },
});

export const documentNode = (d: { id: string; title: string }): { data: NodeData } => ({
  data: { id: d.id, label: d.title, kind: 'document', type: 'Document' },
});

/** Aggregated edges get a deterministic id so the client can merge the same edge arriving from two views. */
const aggregatedEdgeId = (source: string, type: string, target: string) => `${source}|${type}|${target}`;

export const aggregatedEdge = (e: {
  source: string;
  target: string;
  type: string;
  weight: number;
  evidenceCount: number;
  reason?: string | null;
}): { data: EdgeData } => ({
  data: {
    id: aggregatedEdgeId(e.source, e.type, e.target),
    source: e.source,
    target: e.target,
    type: e.type,
    weight: e.weight,
    evidenceCount: e.evidenceCount,
    ...(e.reason ? { reason: e.reason } : {}),
  },
});
