/**
 * The canvas's extra right-click items (expand by relation type and direction, pin, acting on a multi-selection)
 * and the "Expand by relation" list built from an entity's relation counts. Items only: overlays.ts shows them.
 */
import type { EntityDetail } from '../../../contract/api.ts';
import { CO_MENTION, displayName } from '../../../core/vocabulary.ts';
import type { ExpandFilter } from '../model/graph-model.ts';
import type { MenuItem } from './overlays.ts';

export interface RelationChoice {
  label: string;
  filter: ExpandFilter;
  count: number;
}

/**
 * One choice per typed relation and direction (`→ improves on` leaves the entity, `← uses` reaches it), most
 * neighbours first; co-mentions, which have no direction, as one choice at the end.
 */
export function relationChoices(counts: EntityDetail['relationCounts']): RelationChoice[] {
  const typed = counts
    .filter((c) => c.type !== CO_MENTION && c.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction))
    .map((c) => ({
      label: `${c.direction === 'out' ? '→' : '←'} ${displayName(c.type)} (${c.count})`,
      filter: { relTypes: [c.type], direction: c.direction },
      count: c.count,
    }));
  const co = counts.filter((c) => c.type === CO_MENTION).reduce((s, c) => s + c.count, 0);
  return co > 0 ? [...typed, { label: `co-mentioned (${co})`, filter: { relTypes: [CO_MENTION], direction: 'both' }, count: co }] : typed;
}

export interface SelectionActions {
  expand(ids: string[]): void;
  collapse(ids: string[]): void;
  remove(ids: string[]): void;
  pin(ids: string[], on: boolean): void;
  expandBy(id: string): void;
}

/**
 * Items added to a node's menu: "Expand by relation…", pin/unpin; when the node is part of a multi-selection,
 * actions on the whole selection first.
 */
export function canvasMenuItems(id: string, kind: string, selected: readonly string[], locked: ReadonlySet<string>, a: SelectionActions): { before: MenuItem[]; after: MenuItem[] } {
  const many = selected.length > 1 && selected.includes(id) ? [...selected] : null;
  const pinned = locked.has(id);
  const after: MenuItem[] = [
    { label: 'Expand by relation…', testid: 'ctx-expand-by', run: () => a.expandBy(id), disabled: kind !== 'entity' },
    { label: pinned ? 'Unpin' : 'Pin in place', testid: 'ctx-pin', run: () => a.pin([id], !pinned) },
  ];
  if (!many) return { before: [], after };
  const n = many.length;
  const allPinned = many.every((x) => locked.has(x));
  return {
    before: [
      { label: `Expand ${n} selected`, testid: 'ctx-sel-expand', run: () => a.expand(many) },
      { label: `Collapse ${n} selected`, testid: 'ctx-sel-collapse', run: () => a.collapse(many) },
      { label: `${allPinned ? 'Unpin' : 'Pin'} ${n} selected`, testid: 'ctx-sel-pin', run: () => a.pin(many, !allPinned) },
      { label: `Remove ${n} selected`, testid: 'ctx-sel-remove', run: () => a.remove(many) },
    ],
    after,
  };
}
