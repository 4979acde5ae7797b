/**
 * Keys that work on the canvas with a modifier (undo/redo), and Escape leaving any text box: the plain canvas
 * shortcuts are shell.ts's `shortcut`. Inputs and the Cypher editor keep their own undo.
 */

const typing = (t: EventTarget | null): boolean => {
  const el = t as HTMLElement | null;
  return !!el && (/INPUT|TEXTAREA|SELECT/.test(el.tagName) || el.isContentEditable);
};

/** Ctrl/⌘-Z undo, Ctrl/⌘-Shift-Z or Ctrl-Y redo, outside text boxes. Returns whether the key was handled. */
export function undoKeys(e: KeyboardEvent, a: { undo(): void; redo(): void }): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return false;
  const k = e.key.toLowerCase();
  if (k === 'z') {
    e.preventDefault();
    if (e.shiftKey) a.redo();
    else a.undo();
    return true;
  }
  if (k === 'y' && !e.shiftKey) {
    e.preventDefault();
    a.redo();
    return true;
  }
  return false;
}

/**
 * Escape in a text box outside the Cypher editor (the search box, a form field) leaves it, so the canvas shortcuts
 * work again at once; the editor keeps Escape for its completion popup.
 */
export function escapeLeavesInput(e: KeyboardEvent): void {
  const el = e.target as HTMLElement | null;
  if (e.key !== 'Escape' || !el || !/INPUT|TEXTAREA|SELECT/.test(el.tagName)) return;
  el.blur();
}
