/** Colour and shape per node type and per relation type (shared by the canvas style and the legend). Pure data. */
import type { EdgeType, NodeType } from '../../../core/vocabulary.ts';

export interface NodeLook {
  color: string;
  /** A Cytoscape node shape. */
  shape: string;
}
export interface EdgeLook {
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: boolean;
}

const NODE_LOOKS: Record<NodeType, NodeLook> = {
  Paper: { color: '#f2b84b', shape: 'round-rectangle' },
  Lab: { color: '#5b9cf5', shape: 'round-hexagon' },
  Person: { color: '#f178b6', shape: 'ellipse' },
  Method: { color: '#4fd1a5', shape: 'round-diamond' },
  Benchmark: { color: '#b18cf5', shape: 'round-triangle' },
  Model: { color: '#38c6e0', shape: 'round-octagon' },
  Tool: { color: '#f59a57', shape: 'barrel' },
  Dataset: { color: '#a3d35b', shape: 'rhomboid' },
  Document: { color: '#c3cad6', shape: 'round-tag' },
};
const OTHER_NODE: NodeLook = { color: '#8b95a5', shape: 'ellipse' };
export const nodeLook = (type: string): NodeLook => (NODE_LOOKS as Record<string, NodeLook>)[type] ?? OTHER_NODE;

const EDGE_LOOKS: Record<EdgeType, EdgeLook> = {
  PROPOSES: { color: '#f2b84b', line: 'solid', arrow: true },
  INTRODUCES: { color: '#e8cf8a', line: 'solid', arrow: true },
  IMPROVES_ON: { color: '#4fd1a5', line: 'solid', arrow: true },
  VARIANT_OF: { color: '#8be3c6', line: 'solid', arrow: true },
  COMPARED_WITH: { color: '#a8b3c4', line: 'solid', arrow: false },
  EVALUATED_ON: { color: '#b18cf5', line: 'solid', arrow: true },
  AUTHORED_BY: { color: '#f178b6', line: 'solid', arrow: true },
  FROM_LAB: { color: '#5b9cf5', line: 'solid', arrow: true },
  AFFILIATED_WITH: { color: '#8fb8f7', line: 'solid', arrow: true },
  USES: { color: '#f59a57', line: 'solid', arrow: true },
  CO_MENTIONED: { color: '#6b7687', line: 'dashed', arrow: false },
  MENTIONS: { color: '#5d6b80', line: 'solid', arrow: true },
};
const OTHER_EDGE: EdgeLook = { color: '#8b95a5', line: 'solid', arrow: true };
export const edgeLook = (type: string): EdgeLook => (EDGE_LOOKS as Record<string, EdgeLook>)[type] ?? OTHER_EDGE;

/** Node diameter from its mention count (log scale, bounded). */
export const nodeSize = (mentionCount: number | undefined): number => Math.round(Math.min(64, 22 + 7 * Math.log2(1 + Math.max(0, mentionCount ?? 0))));
/** Edge width from its weight (log scale, bounded). */
export const edgeWidth = (weight: number | undefined): number => Math.round(10 * Math.min(9, 1.2 + 1.6 * Math.log2(1 + Math.max(0, weight ?? 1)))) / 10;
/** A node's short label for the canvas. */
export const shortLabel = (label: string, max = 28): string => (label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`);
