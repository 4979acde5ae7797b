/**
 * Search box with autocomplete: debounced, type badge + mention count, the typed words highlighted in each name
 * (cut the way the index cuts them: core/search-text.ts), issues by title below the entities, ↑/↓/Enter/Escape,
 * ARIA combobox. Within the time filter when one is set.
 */
import type { DocumentHit, SearchHit } from '../../../contract/api.ts';
import { matchRanges } from '../../../core/search-text.ts';
import { api, ApiError } from '../api.ts';
import { highlightSegments } from '../model/highlight.ts';
import { formatRange, rangeQuery, type DateRange } from '../model/time-range.ts';
import { typeBadge } from './badges.ts';
import { clear, formatDoc, h } from './dom.ts';

export interface SearchOptions {
  /** The time filter the search is limited to. */
  range?: () => DateRange | null;
  /** An issue chosen from the list. */
  onDocument?: (doc: DocumentHit) => void;
}

/** `name` with the parts the query matched in <mark>. */
function marked(name: string, q: string): (string | HTMLElement)[] {
  return highlightSegments(name, matchRanges(name, q)).map((s) => (s.span ? h('mark', null, s.text) : s.text));
}

type Item = { kind: 'entity'; hit: SearchHit } | { kind: 'document'; doc: DocumentHit };

export function createSearch(onChoose: (hit: SearchHit) => void, opts: SearchOptions = {}): HTMLElement {
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
  let items: Item[] = [];
  let active = -1;
  let timer: number | undefined;
  let ctrl: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const options = () => [...list.querySelectorAll<HTMLElement>('.search-hit')];
  const setActive = (i: number) => {
    active = i;
    options().forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = options()[i];
    li?.scrollIntoView({ block: 'nearest' });
    if (li) input.setAttribute('aria-activedescendant', li.id);
  };
  /** Stops a search still to come (typed just before Enter or Escape), so its list does not pop up afterwards. */
  const cancel = () => {
    window.clearTimeout(timer);
    ctrl?.abort();
  };
  const choose = (item: Item | undefined) => {
    if (!item) return;
    cancel();
    close();
    input.value = item.kind === 'entity' ? item.hit.name : item.doc.title;
    // Leave the box: the keys that follow (e, c, f…) are canvas shortcuts, not more search text.
    input.blur();
    if (item.kind === 'entity') onChoose(item.hit);
    else opts.onDocument?.(item.doc);
  };
  const option = (item: Item, i: number, q: string) =>
    h(
      'li',
      {
        id: `search-opt-${i}`,
        role: 'option',
        class: `search-hit${item.kind === 'document' ? ' doc-hit' : ''}`,
        testid: item.kind === 'entity' ? 'search-hit' : 'search-doc-hit',
        dataset: { id: item.kind === 'entity' ? item.hit.id : item.doc.id },
        'aria-selected': 'false',
        onmousedown: (e: MouseEvent) => {
          e.preventDefault();
          choose(item);
        },
        onmousemove: () => active !== i && setActive(i),
      },
      ...(item.kind === 'entity'
        ? (() => {
            const hit = item.hit;
            const aliases = hit.aliases.filter((a) => a !== hit.name).slice(0, 2).join(', ');
            return [
              typeBadge(hit.type),
              h('span', { class: 'hit-name' }, ...marked(hit.name, q), aliases ? h('small', null, ` — ${aliases}`) : null),
              h('span', { class: 'hit-count', title: 'mentions' }, String(hit.mentionCount)),
            ];
          })()
        : [typeBadge('Document'), h('span', { class: 'hit-name' }, ...marked(item.doc.title, q), h('small', null, ` — ${formatDoc({ ...item.doc, title: '' })}`))]),
    );
  const render = (message?: string) => {
    // An answer arriving after the box was left (Enter, Escape, a click elsewhere) does not pop the list up.
    if (document.activeElement !== input) return;
    clear(list);
    const q = input.value;
    if (message) list.append(h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, message));
    items.forEach((item, i) => {
      if (item.kind === 'document' && (i === 0 || items[i - 1]!.kind !== 'document')) list.append(h('li', { class: 'search-group', role: 'presentation' }, 'Issues'));
      list.append(option(item, i, q));
    });
    const range = opts.range?.();
    if (range) list.append(h('li', { class: 'search-empty small', role: 'presentation', testid: 'search-range' }, `Within ${formatRange(range)} (time filter)`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (items.length) setActive(0);
  };
  const run = async () => {
    const q = input.value.trim();
    ctrl?.abort();
    if (!q) {
      items = [];
      close();
      return;
    }
    ctrl = new AbortController();
    const mine = ctrl;
    try {
      const res = await api.search(q, { limit: 12, docLimit: opts.onDocument ? 4 : 0, ...rangeQuery(opts.range?.()) }, mine.signal);
      if (mine !== ctrl) return;
      items = [...res.hits.map((hit): Item => ({ kind: 'entity', hit })), ...(res.documents ?? []).map((doc): Item => ({ kind: 'document', doc }))];
      render(items.length ? undefined : `No entity or issue matches “${q}”`);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      items = [];
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
      if (list.hidden && items.length) render();
      else if (items.length) setActive((active + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setActive((active - 1 + items.length) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && items[active]) choose(items[active]);
      else void run();
    } else if (e.key === 'Escape') {
      cancel();
      close();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  input.addEventListener('focus', () => items.length && input.value.trim() && render());
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key === '/' && !/INPUT|TEXTAREA|SELECT/.test(t.tagName) && !t.isContentEditable) {
      e.preventDefault();
      input.focus();
    }
  });
  return root;
}
