/**
 * Undo/redo as a pure history of snapshots: `past` (oldest first), the `present`, and the undone `future`
 * (next first). Every step takes the present as it is now (`current`), so a snapshot can carry what changed since
 * it was recorded (the canvas records node positions with the app state).
 */

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** How many steps back the canvas keeps. */
export const HISTORY_LIMIT = 100;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** A new state after `current` (the present as it is now): the future is dropped; at most `limit` steps are kept. */
export function record<T>(h: History<T>, current: T, next: T, limit = HISTORY_LIMIT): History<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`history: limit must be a positive integer, got ${limit}`);
  const past = [...h.past, current];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Replaces the present without a step (a change not worth undoing, e.g. a selection). */
export const replacePresent = <T>(h: History<T>, present: T): History<T> => ({ ...h, present });

export const canUndo = (h: History<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: History<unknown>): boolean => h.future.length > 0;

/** One step back (null when there is none); `current` is the present as it is now and becomes the first redo. */
export function undo<T>(h: History<T>, current: T = h.present): History<T> | null {
  if (!h.past.length) return null;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [current, ...h.future] };
}

/** One step forward again (null when nothing was undone). */
export function redo<T>(h: History<T>, current: T = h.present): History<T> | null {
  if (!h.future.length) return null;
  return { past: [...h.past, current], present: h.future[0]!, future: h.future.slice(1) };
}
