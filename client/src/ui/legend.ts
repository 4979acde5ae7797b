/** Legend and filters in one: a colour/shape per node type and a line style per relation type; clicking toggles visibility. */
import { displayName, EDGE_TYPES, NODE_TYPES } from '../../../core/vocabulary.ts';
import { edgeGlyph, shapeGlyph } from './badges.ts';
import { clear, h } from './dom.ts';

export interface LegendState {
  hiddenTypes: ReadonlySet<string>;
  hiddenRelTypes: ReadonlySet<string>;
  counts: { nodes: Map<string, number>; edges: Map<string, number> };
}

export class Legend {
  readonly el = h('div', { class: 'legend', testid: 'legend' });

  constructor(private readonly onToggle: (kind: 'node' | 'edge', type: string, visible: boolean) => void) {}

  render(state: LegendState): void {
    const nodeTypes = [...new Set<string>([...NODE_TYPES, ...state.counts.nodes.keys()])];
    const edgeTypes = [...new Set<string>([...EDGE_TYPES, ...state.counts.edges.keys()])];
    const row = (kind: 'node' | 'edge', type: string, hidden: boolean, count: number) =>
      h(
        'label',
        { class: `legend-row${count ? '' : ' zero'}`, title: `${hidden ? 'Show' : 'Hide'} ${type}` },
        h('input', {
          type: 'checkbox',
          checked: !hidden,
          testid: `filter-${kind}-${type}`,
          onchange: (e: Event) => this.onToggle(kind, type, (e.target as HTMLInputElement).checked),
        }),
        kind === 'node' ? shapeGlyph(type) : edgeGlyph(type),
        h('span', { class: 'legend-name' }, kind === 'edge' ? displayName(type, (t) => t.toLowerCase().replace(/_/g, ' ')) : displayName(type)),
        h('span', { class: 'legend-count' }, count ? String(count) : ''),
      );
    clear(
      this.el,
      h('h4', null, 'Entities'),
      ...nodeTypes.map((t) => row('node', t, state.hiddenTypes.has(t), state.counts.nodes.get(t) ?? 0)),
      h('h4', null, 'Relations'),
      ...edgeTypes.map((t) => row('edge', t, state.hiddenRelTypes.has(t), state.counts.edges.get(t) ?? 0)),
      h('p', { class: 'muted small' }, 'Unticked types are hidden and not fetched when expanding. Edge width = weight; node size = mentions.'),
    );
  }
}
