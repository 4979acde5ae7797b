/**
 * Undo/redo of canvas actions (expand, collapse, remove, place, pin, clear, console and path results): the pure
 * history (model/history.ts) of snapshots of the one app state, each with the node positions it was left with.
 */
import type { AppState } from './model/app-state.ts';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from './model/history.ts';
import type { Positions } from './graph/legible.ts';

export interface Snapshot {
  state: AppState;
  positions: Positions;
}

/** Whether going from `prev` to `next` is a canvas action worth a step: what is on the canvas, or what is pinned. */
export const canvasChanged = (prev: AppState, next: AppState): boolean => prev.model !== next.model || prev.locked !== next.locked;

export class CanvasHistory {
  private h: History<Snapshot>;
  constructor(state: AppState) {
    this.h = startHistory({ state, positions: new Map() });
  }
  /** Starts over from `state` (after a shared URL is restored: nothing before it to undo). */
  reset(state: AppState): void {
    this.h = startHistory({ state, positions: new Map() });
  }
  /** A step from `current` (the state and positions being left) to `next`. */
  record(current: Snapshot, next: AppState): void {
    this.h = record(this.h, current, { state: next, positions: new Map() });
  }
  undo(current: Snapshot): Snapshot | null {
    const h = undo(this.h, current);
    if (!h) return null;
    this.h = h;
    return h.present;
  }
  redo(current: Snapshot): Snapshot | null {
    const h = redo(this.h, current);
    if (!h) return null;
    this.h = h;
    return h.present;
  }
  get canUndo(): boolean {
    return canUndo(this.h);
  }
  get canRedo(): boolean {
    return canRedo(this.h);
  }
}
