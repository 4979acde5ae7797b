/**
 * Canvas marks of the time features, appended to both stylesheets (graph/style.ts): what "What is new" found
 * (`trend` on nodes and edges: a halo, green for first seen, amber for rising) and nodes with no mention in the
 * time filter (`outOfRange`: faded, kept so the view does not jump).
 */
import type cytoscape from 'cytoscape';

/**
 * The data fields these marks read, unset: Cytoscape's data() merges, so a node that was marked keeps the mark
 * unless every sync writes the field (graph/index.ts spreads these first).
 */
export const TIME_MARK_DEFAULTS = { trend: null, outOfRange: false } as const;

export const TREND_COLORS = { new: '#4fd1a5', rising: '#ffb454' } as const;

export const timeMarks = (): cytoscape.StylesheetJson => [
  { selector: 'node[trend = "new"]', style: { 'underlay-color': TREND_COLORS.new, 'underlay-padding': 7, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse' } },
  { selector: 'node[trend = "rising"]', style: { 'underlay-color': TREND_COLORS.rising, 'underlay-padding': 7, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse' } },
  { selector: 'edge[trend = "new"]', style: { 'line-style': 'solid', opacity: 1 } },
  { selector: 'node[?outOfRange]', style: { opacity: 0.3 } },
];
