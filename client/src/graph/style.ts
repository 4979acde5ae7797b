/** The Cytoscape stylesheet. Sizes and widths are precomputed into data fields (fast on big graphs). */
import type cytoscape from 'cytoscape';
import { timeMarks } from './time-style.ts';

/** Node label text (only where a label shows on big graphs: hover, selection, path). */
const NODE_TEXT = {
  color: '#dfe5ee',
  'font-size': 11,
  'font-family': 'Inter, system-ui, -apple-system, Segoe UI, sans-serif',
  'text-valign': 'bottom',
  'text-halign': 'center',
  'text-margin-y': 4,
  'text-wrap': 'wrap',
  'text-max-width': '160px',
  'text-outline-color': '#0f141b',
  'text-outline-width': 2,
  'min-zoomed-font-size': 5,
} as const;
/** Colour, shape and size come from the palette through data fields set by sync(): one selector, not one per type. */
const NODE_SHAPE = {
  'background-color': 'data(color)',
  shape: 'data(shape)' as cytoscape.Css.NodeShape,
  width: 'data(size)',
  height: 'data(size)',
} as const;
const EDGE_TEXT = {
  'font-size': 9,
  color: '#b9c3d1',
  'text-rotation': 'autorotate',
  'text-outline-color': '#0f141b',
  'text-outline-width': 2,
  'min-zoomed-font-size': 8,
} as const;

/**
 * The stylesheet: full (labels, borders, arrows, bezier edges) for normal graphs; `large` is a lean one for graphs
 * above LARGE_GRAPH nodes: every property Cytoscape applies costs time per element, so big graphs get few selectors
 * and few properties — straight haystack edges without arrows or dashes, borderless nodes, no labels except on
 * hover/selection/path. Same data fields and classes as the full one.
 */
export function stylesheet(opts: { large?: boolean } = {}): cytoscape.StylesheetJson {
  return opts.large ? largeStylesheet() : fullStylesheet();
}

function largeStylesheet(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        ...NODE_SHAPE,
        'border-width': 0,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'edge',
      style: { width: 'data(w)', 'line-color': 'data(color)', 'curve-style': 'haystack', 'haystack-radius': 0, 'overlay-opacity': 0 },
    },
    { selector: 'node.has-more', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#ffd166' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#e8edf5' } },
    { selector: 'edge.labelled[?typed]', style: { label: 'data(type)', ...EDGE_TEXT } },
    { selector: 'node:selected', style: { label: 'data(display)', ...NODE_TEXT, 'border-width': 4, 'border-color': '#ffffff', 'border-style': 'solid', 'z-index': 10 } },
    { selector: 'edge:selected', style: { width: 'data(wSel)', label: 'data(type)', ...EDGE_TEXT, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'edge.path', style: { 'line-color': '#ffd166', width: 4, label: 'data(type)', ...EDGE_TEXT } },
    { selector: 'node.path', style: { label: 'data(display)', ...NODE_TEXT, 'border-color': '#ffd166', 'border-width': 4 } },
    { selector: 'node.hover', style: { label: 'data(display)', ...NODE_TEXT, 'border-color': '#ffffff', 'border-width': 3 } },
    ...timeMarks(),
  ] as cytoscape.StylesheetJson;
}

function fullStylesheet(): cytoscape.StylesheetJson {
  const s: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        ...NODE_SHAPE,
        label: 'data(display)',
        ...NODE_TEXT,
        'border-width': 1.5,
        'border-color': '#0f141b',
        'overlay-opacity': 0,
      },
    },
  ];
  s.push(
    { selector: 'node[kind = "document"]', style: { width: 34, height: 26, 'font-style': 'italic' } },
    { selector: 'node.has-more', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#ffd166' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#e8edf5' } },
    {
      selector: 'edge',
      style: {
        width: 'data(w)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'data(arrow)' as cytoscape.Css.ArrowShape,
        'line-style': 'data(line)' as cytoscape.Css.LineStyle,
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.75,
        label: '',
        ...EDGE_TEXT,
        'overlay-opacity': 0,
      },
    },
  );
  s.push(
    // Only typed relations are labelled: co-mentions (most edges) would flood the canvas with CO_MENTIONED.
    { selector: 'edge.labelled[?typed]', style: { label: 'data(type)' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffffff', 'border-style': 'solid', 'z-index': 10 } },
    { selector: 'edge:selected', style: { width: 'data(wSel)', opacity: 1, label: 'data(type)', 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.1 } },
    { selector: 'edge.path', style: { 'line-color': '#ffd166', 'target-arrow-color': '#ffd166', opacity: 1, width: 4, 'line-style': 'solid', label: 'data(type)' } },
    { selector: 'node.path', style: { 'border-color': '#ffd166', 'border-width': 4 } },
    { selector: 'node.hover', style: { 'border-color': '#ffffff', 'border-width': 3 } },
    // Pinned in place: a double ring in the accent colour.
    { selector: 'node.locked', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#7fdbff' } },
    { selector: 'node.locked:selected', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#ffffff' } },
    ...timeMarks(),
  );
  return s;
}
