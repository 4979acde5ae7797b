/** Search box with autocomplete: debounced, type badge + mention count, ↑/↓/Enter/Escape, ARIA combobox. */
import type { SearchHit } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { typeBadge } from './badges.ts';
import { clear, h } from './dom.ts';

export function createSearch(onChoose: (hit: SearchHit) => void): HTMLElement {
  const input = h('input', {
    type: 'search',
    placeholder: 'Search entities — GRPO, NVIDIA, Nathan Lambert…  ( / )',
    autocomplete: 'off',
    spellcheck: false,
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-list',
    'aria-autocomplete': 'list',
    'aria-label': 'Search entities',
    testid: 'search-input',
  });
  const list = h('ul', { id: 'search-list', class: 'search-list', role: 'listbox', testid: 'search-results', hidden: true });
  const root = h('div', { class: 'search' }, input, list);
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: number | undefined;
  let ctrl: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = list.children[i] as HTMLElement | undefined;
    li?.scrollIntoView({ block: 'nearest' });
    if (li) input.setAttribute('aria-activedescendant', li.id);
  };
  /** Stops a search still to come (typed just before Enter or Escape), so its list does not pop up afterwards. */
  const cancel = () => {
    window.clearTimeout(timer);
    ctrl?.abort();
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    cancel();
    close();
    input.value = hit.name;
    // Leave the box: the keys that follow (e, c, f…) are canvas shortcuts, not more search text.
    input.blur();
    onChoose(hit);
  };
  const render = (message?: string) => {
    // An answer arriving after the box was left (Enter, Escape, a click elsewhere) does not pop the list up.
    if (document.activeElement !== input) return;
    clear(list);
    if (message) list.append(h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, message));
    hits.forEach((hit, i) => {
      const aliases = hit.aliases.filter((a) => a !== hit.name).slice(0, 2).join(', ');
      list.append(
        h(
          'li',
          {
            id: `search-opt-${i}`,
            role: 'option',
            class: 'search-hit',
            testid: 'search-hit',
            dataset: { id: hit.id },
            'aria-selected': 'false',
            onmousedown: (e: MouseEvent) => {
              e.preventDefault();
              choose(hit);
            },
            onmousemove: () => active !== i && setActive(i),
          },
          typeBadge(hit.type),
          h('span', { class: 'hit-name' }, hit.name, aliases ? h('small', null, ` — ${aliases}`) : null),
          h('span', { class: 'hit-count', title: 'mentions' }, String(hit.mentionCount)),
        ),
      );
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (hits.length) setActive(0);
  };
  const run = async () => {
    const q = input.value.trim();
    ctrl?.abort();
    if (!q) {
      hits = [];
      close();
      return;
    }
    ctrl = new AbortController();
    const mine = ctrl;
    try {
      const res = await api.search(q, { limit: 12 }, mine.signal);
      if (mine !== ctrl) return;
      hits = res.hits;
      render(hits.length ? undefined : `No entity matches “${q}”`);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      hits = [];
      render(err instanceof ApiError ? err.message : String(err));
    }
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 140);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden && hits.length) render();
      else if (hits.length) setActive((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((active - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && hits[active]) choose(hits[active]);
      else void run();
    } else if (e.key === 'Escape') {
      cancel();
      close();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  input.addEventListener('focus', () => hits.length && input.value.trim() && render());
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key === '/' && !/INPUT|TEXTAREA|SELECT/.test(t.tagName) && !t.isContentEditable) {
      e.preventDefault();
      input.focus();
    }
  });
  return root;
}
