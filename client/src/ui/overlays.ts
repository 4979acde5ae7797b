/** Hover tooltip and right-click menu over the canvas. */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { edgeLook, nodeLook } from '../model/palette.ts';
import { h } from './dom.ts';

export type Target = { kind: 'node'; data: NodeData } | { kind: 'edge'; data: EdgeData };

export class Tooltip {
  readonly el = h('div', { class: 'tooltip', hidden: true, role: 'tooltip', testid: 'tooltip' });
  constructor(private readonly labelOf: (id: string) => string, private readonly moreOf: (id: string) => number) {}

  show(t: Target | null, pos: { x: number; y: number }): void {
    if (!t) {
      this.el.hidden = true;
      return;
    }
    if (t.kind === 'node') {
      const d = t.data;
      const more = this.moreOf(d.id);
      this.el.replaceChildren(
        h('div', { class: 'tt-title' }, h('span', { class: 'dot', style: `background:${nodeLook(d.type).color}` }), d.label),
        h('div', { class: 'tt-sub' }, d.type, d.mentionCount !== undefined ? ` · ${d.mentionCount} mention${d.mentionCount === 1 ? '' : 's'}` : '', more ? ` · +${more} more neighbours` : ''),
        h('div', { class: 'tt-hint' }, 'click: details · double-click: expand · right-click: menu'),
      );
    } else {
      const d = t.data;
      this.el.replaceChildren(
        h('div', { class: 'tt-title' }, h('span', { class: 'dot', style: `background:${edgeLook(d.type).color}` }), d.type),
        h('div', { class: 'tt-sub' }, `${this.labelOf(d.source)} → ${this.labelOf(d.target)}`),
        h('div', { class: 'tt-sub' }, `weight ${d.weight} · ${d.evidenceCount} evidence`),
        h('div', { class: 'tt-hint' }, 'click for the evidence sentences'),
      );
    }
    this.el.hidden = false;
    const parent = this.el.parentElement;
    const maxX = (parent?.clientWidth ?? 1000) - this.el.offsetWidth - 8;
    const maxY = (parent?.clientHeight ?? 800) - this.el.offsetHeight - 8;
    this.el.style.left = `${Math.max(4, Math.min(pos.x + 14, maxX))}px`;
    this.el.style.top = `${Math.max(4, Math.min(pos.y + 14, maxY))}px`;
  }
}

export interface MenuItem {
  label: string;
  testid: string;
  run(): void;
  disabled?: boolean;
}

export class ContextMenu {
  readonly el = h('div', { class: 'ctx-menu', hidden: true, role: 'menu', testid: 'context-menu' });
  constructor() {
    document.addEventListener('pointerdown', (e) => {
      if (!this.el.contains(e.target as Node)) this.hide();
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide());
  }
  show(items: MenuItem[], pos: { x: number; y: number }): void {
    this.el.replaceChildren(
      ...items.map((it) =>
        h('button', { role: 'menuitem', testid: it.testid, disabled: it.disabled, onclick: () => (this.hide(), it.run()) }, it.label),
      ),
    );
    this.el.hidden = false;
    const parent = this.el.parentElement;
    this.el.style.left = `${Math.min(pos.x, (parent?.clientWidth ?? 1000) - 200)}px`;
    this.el.style.top = `${Math.min(pos.y, (parent?.clientHeight ?? 800) - items.length * 34 - 10)}px`;
    (this.el.firstElementChild as HTMLElement | null)?.focus();
  }
  hide(): void {
    this.el.hidden = true;
  }
}

/** What right-clicking a node or an edge offers. */
export function targetMenu(
  t: Target,
  expansion: { more: number } | undefined,
  a: { expand(id: string): void; collapse(id: string): void; remove(id: string): void; details(id: string): void; connectFrom(id: string): void; evidence(id: string): void },
): MenuItem[] {
  const id = t.data.id;
  if (t.kind === 'edge') return [{ label: 'Show evidence', testid: 'ctx-evidence', run: () => a.evidence(id) }];
  const exp = expansion;
  return [
    { label: exp ? (exp.more ? `Expand: +${exp.more} more` : 'All neighbours shown') : 'Expand neighbours', testid: 'ctx-expand', run: () => a.expand(id), disabled: t.data.kind !== 'entity' || (exp ? exp.more === 0 : false) },
    { label: 'Collapse', testid: 'ctx-collapse', run: () => a.collapse(id), disabled: !exp },
    { label: 'Remove', testid: 'ctx-remove', run: () => a.remove(id) },
    { label: 'Details & mentions', testid: 'ctx-details', run: () => a.details(id) },
    { label: 'Connect from here', testid: 'ctx-connect', run: () => a.connectFrom(id) },
  ];
}
