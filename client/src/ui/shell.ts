/** The explorer's page: top bar, legend, canvas with its overlays, side panel and console drawer. DOM only. */
import { LAYOUT_NAMES } from '../model/url-state.ts';
import { h } from './dom.ts';

export interface ShellActions {
  setLayout(name: string): void;
  relayout(): void;
  fit(): void;
  zoomBy(factor: number): void;
  edgeLabels(on: boolean): void;
  expandSelected(): void;
  collapseSelected(): void;
  removeSelected(): void;
  pinSelected(): void;
  undo(): void;
  redo(): void;
  clearCanvas(): void;
  toggleConsole(open?: boolean): void;
  appendResults(on: boolean): void;
  openTab(tab: 'details' | 'connect' | 'issues' | 'new' | 'curation'): void;
  quickStart(query: string): void;
  exportPng(): void;
  exportJson(): void;
  share(): void;
}

/** The parts the panels bring (search box, legend, console, overlays, document view). */
export interface ShellParts {
  search: HTMLElement;
  legend: HTMLElement;
  console: HTMLElement;
  overlays: HTMLElement[];
  documentView: HTMLElement;
  /** The time filter strip above the canvas. */
  timeFilter: HTMLElement;
}

export interface Shell {
  root: HTMLElement;
  canvas: HTMLElement;
  empty: HTMLElement;
  status: HTMLElement;
  progress: HTMLElement;
  toasts: HTMLElement;
  layoutSelect: HTMLSelectElement;
  consoleButton: HTMLElement;
  drawer: HTMLElement;
  tabs: HTMLElement;
  panelBody: HTMLElement;
}

const LAYOUT_LABELS = { fcose: 'Force (fcose)', concentric: 'Concentric', dagre: 'Hierarchy (dagre)' } as const;
const QUICK_STARTS = ['GRPO', 'NVIDIA', 'Nathan Lambert', 'Claude Code', 'AIME'];

export function buildShell(a: ShellActions, parts: ShellParts): Shell {
  const layoutSelect = h(
    'select',
    { testid: 'layout-select', 'aria-label': 'Layout', onchange: (e: Event) => a.setLayout((e.target as HTMLSelectElement).value) },
    ...LAYOUT_NAMES.map((n) => h('option', { value: n }, LAYOUT_LABELS[n])),
  ) as HTMLSelectElement;
  const btn = (label: string, testid: string, title: string, run: () => void) => h('button', { class: '', testid, title, 'aria-label': title, onclick: run }, label);
  const consoleButton = btn('⌘ Cypher', 'console-toggle', 'Cypher console (`)', () => a.toggleConsole());
  const topbar = h(
    'header',
    { class: 'topbar' },
    h('button', { class: 'icon only-narrow', title: 'Legend & filters', 'aria-label': 'Legend and filters', testid: 'legend-toggle', onclick: () => document.body.classList.toggle('legend-open') }, '☰'),
    h('div', { class: 'brand' }, h('span', { class: 'logo' }, '◈'), h('span', { class: 'brand-name' }, 'Signal', h('b', null, 'Graph'))),
    parts.search,
    h(
      'div',
      { class: 'toolbar' },
      layoutSelect,
      btn('⟳', 'relayout', 'Re-run layout (l)', a.relayout),
      btn('⤢', 'fit', 'Fit to screen (f)', a.fit),
      btn('⊕', 'expand-selected', 'Expand the selected node (e)', a.expandSelected),
      btn('⊖', 'collapse-selected', 'Collapse the selected node (c)', a.collapseSelected),
      btn('✕', 'remove-selected', 'Remove the selected node (Delete)', a.removeSelected),
      btn('⚲', 'pin-selected', 'Pin the selected nodes in place, or unpin them (p)', a.pinSelected),
      btn('⌫', 'clear-canvas', 'Clear the canvas', a.clearCanvas),
      btn('↶', 'undo', 'Undo the last canvas action (Ctrl-Z)', a.undo),
      btn('↷', 'redo', 'Redo (Ctrl-Shift-Z)', a.redo),
      h('span', { class: 'sep' }),
      consoleButton,
      btn('⇄ Connect', 'connect-toggle', 'Connect two issues or nodes', () => a.openTab('connect')),
      h('span', { class: 'sep' }),
      btn('PNG', 'export-png', 'Export the canvas as PNG', a.exportPng),
      btn('JSON', 'export-json', 'Export the elements as JSON', a.exportJson),
      btn('Share', 'share', 'Copy a link to this view', a.share),
    ),
    h('button', { class: 'icon only-narrow', title: 'Panel', 'aria-label': 'Toggle the side panel', testid: 'panel-toggle', onclick: () => document.body.classList.toggle('panel-open') }, '▤'),
  );
  const canvas = h('div', { class: 'cy', testid: 'canvas', 'aria-label': 'Graph canvas' });
  const empty = h(
    'div',
    { class: 'canvas-empty', testid: 'canvas-empty' },
    h('h2', null, 'Explore what the newsletters say'),
    h('p', null, 'Search for a method, lab, person or benchmark — or start from one of these:'),
    h('div', { class: 'chips' }, ...QUICK_STARTS.map((q) => h('button', { class: 'chip', onclick: () => a.quickStart(q) }, q))),
    h(
      'div',
      { class: 'actions center' },
      h('button', { onclick: () => a.toggleConsole(true) }, 'Run an example Cypher query'),
      h('button', { onclick: () => a.openTab('connect') }, 'Connect two issues'),
      h('button', { testid: 'empty-issues', onclick: () => a.openTab('issues') }, 'Browse issues'),
      h('button', { testid: 'empty-new', onclick: () => a.openTab('new') }, 'What is new'),
    ),
  );
  const status = h('div', { class: 'status', testid: 'status' });
  const progress = h('div', { class: 'progress', hidden: true, testid: 'busy' });
  const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  const zoom = h(
    'div',
    { class: 'zoom' },
    h('button', { title: 'Zoom in', 'aria-label': 'Zoom in', onclick: () => a.zoomBy(1.25) }, '+'),
    h('button', { title: 'Zoom out', 'aria-label': 'Zoom out', onclick: () => a.zoomBy(0.8) }, '−'),
    h('label', { class: 'edge-labels', title: 'Show the type of typed relations (co-mentions are never labelled)' }, h('input', { type: 'checkbox', checked: true, testid: 'edge-labels', onchange: (e: Event) => a.edgeLabels((e.target as HTMLInputElement).checked) }), 'labels'),
  );
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    h('button', { role: 'tab', testid: 'tab-details', onclick: () => a.openTab('details') }, 'Details'),
    h('button', { role: 'tab', testid: 'tab-connect', onclick: () => a.openTab('connect') }, 'Connect'),
    h('button', { role: 'tab', testid: 'tab-issues', onclick: () => a.openTab('issues') }, 'Issues'),
    h('button', { role: 'tab', testid: 'tab-new', onclick: () => a.openTab('new') }, 'New'),
    h('button', { role: 'tab', testid: 'tab-curation', onclick: () => a.openTab('curation') }, 'Curation'),
    h('button', { class: 'icon only-narrow close-panel', title: 'Close panel', 'aria-label': 'Close panel', onclick: () => document.body.classList.remove('panel-open') }, '✕'),
  );
  const panelBody = h('div', { class: 'panel-body' });
  const drawer = h(
    'section',
    { class: 'drawer', hidden: true, testid: 'console-drawer', 'aria-label': 'Cypher console' },
    h(
      'div',
      { class: 'drawer-head' },
      h('b', null, 'Cypher console'),
      h('label', { class: 'muted' }, h('input', { type: 'checkbox', testid: 'console-append', onchange: (e: Event) => a.appendResults((e.target as HTMLInputElement).checked) }), ' add results to the canvas (instead of replacing it)'),
      h('button', { class: 'icon', title: 'Close console', 'aria-label': 'Close console', onclick: () => a.toggleConsole(false) }, '✕'),
    ),
    parts.console,
  );
  const root = h(
    'div',
    { class: 'app' },
    topbar,
    progress,
    h(
      'main',
      { class: 'main' },
      h('aside', { class: 'left', 'aria-label': 'Legend and filters' }, parts.legend),
      h('section', { class: 'stage' }, parts.timeFilter, h('div', { class: 'canvas-wrap' }, canvas, empty, status, zoom, ...parts.overlays, toasts), drawer),
      h('aside', { class: 'panel', 'aria-label': 'Details' }, tabs, panelBody),
    ),
    parts.documentView,
  );
  return { root, canvas, empty, status, progress, toasts, layoutSelect, consoleButton, drawer, tabs, panelBody };
}

/** Canvas shortcuts, outside inputs and while no document is open: the key → its action. */
export function shortcut(e: KeyboardEvent, documentOpen: boolean, keys: Record<string, () => void>): void {
  const t = e.target as HTMLElement;
  if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(t.tagName) || t.isContentEditable || documentOpen) return;
  const run = keys[e.key];
  if (run) {
    e.preventDefault();
    run();
  }
}
