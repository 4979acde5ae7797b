/**
 * The issue browser (the Issues tab): every issue, searchable by title, number or date, filtered by publication and
 * by the time filter, sorted, paginated. Opening one puts it and its entities on the canvas; from its card the issue
 * can be read (text with every entity highlighted) or connected to another issue.
 */
import type { DocumentSummary, DocumentsResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { formatDay, formatRange, rangeQuery, type DateRange } from '../model/time-range.ts';
import { clear, errorBox, h, spinner } from './dom.ts';

export interface IssueBrowserActions {
  range(): DateRange | null;
  /** Puts the issue's graph on the canvas. */
  open(id: string): void;
  read(id: string): void;
  connectFrom(id: string, label: string): void;
}

export const ISSUE_PAGE = 25;
const SORTS = [
  ['date', 'Date'],
  ['title', 'Title'],
  ['publication', 'Publication'],
  ['mentions', 'Mentions'],
] as const;

/** "1–25 of 130" for a page. */
export const pageLabel = (offset: number, shown: number, total: number) => (total === 0 ? 'no issues' : `${offset + 1}–${offset + shown} of ${total}`);

export class IssueBrowser {
  readonly el: HTMLElement;
  private readonly q = h('input', { type: 'search', placeholder: 'Title, #, date (2025-03)…', 'aria-label': 'Search issues', testid: 'issues-q' });
  private readonly publication = h('select', { 'aria-label': 'Publication', testid: 'issues-publication' }, h('option', { value: '' }, 'All publications'));
  private readonly sort = h('select', { 'aria-label': 'Sort by', testid: 'issues-sort' }, ...SORTS.map(([v, l]) => h('option', { value: v }, l)));
  private readonly order = h('button', { class: 'icon', title: 'Newest / highest first', 'aria-label': 'Sort order', testid: 'issues-order' }, '↓');
  private readonly note = h('p', { class: 'muted small', testid: 'issues-range' });
  private readonly list = h('div', { class: 'issue-list', testid: 'issue-list' });
  private readonly pager = h('div', { class: 'pager', testid: 'issues-pager' });
  private offset = 0;
  private desc = true;
  private ctrl: AbortController | null = null;
  private timer: number | undefined;
  private publicationsLoaded = false;
  /** The issue whose graph is on the canvas (highlighted in the list). */
  private current: string | null = null;

  constructor(private readonly actions: IssueBrowserActions) {
    this.q.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.reload(), 200);
    });
    this.publication.addEventListener('change', () => this.reload());
    this.sort.addEventListener('change', () => {
      // Titles and publications read best A→Z; dates and mentions biggest first.
      this.desc = this.sort.value === 'date' || this.sort.value === 'mentions';
      this.reload();
    });
    this.order.addEventListener('click', () => {
      this.desc = !this.desc;
      this.reload();
    });
    this.el = h(
      'div',
      { class: 'issues', testid: 'issue-browser' },
      h('div', { class: 'issue-filters' }, this.q, h('div', { class: 'issue-row2' }, this.publication, this.sort, this.order)),
      this.note,
      this.list,
      this.pager,
    );
  }

  /** Shows the first page under the current time filter (the tab calls it whenever it opens). */
  load(): Promise<void> {
    return this.fetch();
  }

  reload(): void {
    this.offset = 0;
    void this.fetch();
  }

  /** Marks the issue on the canvas. */
  setCurrent(id: string | null): void {
    this.current = id;
    this.list.querySelectorAll<HTMLElement>('.issue-item').forEach((el) => el.classList.toggle('current', el.dataset.id === id));
  }

  private async loadPublications() {
    if (this.publicationsLoaded) return;
    const stats = await api.stats();
    this.publicationsLoaded = true;
    const pubs = stats.documentsByPublication.filter((p) => p.publication !== 'unknown');
    this.publication.append(...pubs.map((p) => h('option', { value: p.publication }, `${p.publication} (${p.count})`)));
    this.publication.hidden = pubs.length < 2;
  }

  private async fetch(): Promise<void> {
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    const signal = this.ctrl.signal;
    const range = this.actions.range();
    this.note.textContent = range ? `Issues of ${formatRange(range)} (time filter)` : '';
    this.order.textContent = this.desc ? '↓' : '↑';
    clear(this.list, spinner('Loading issues…'));
    try {
      const [res] = await Promise.all([
        api.documents(
          {
            q: this.q.value.trim() || undefined,
            publication: this.publication.value || undefined,
            sort: this.sort.value,
            order: this.desc ? 'desc' : 'asc',
            limit: ISSUE_PAGE,
            offset: this.offset,
            ...rangeQuery(range),
          },
          signal,
        ),
        this.loadPublications().catch(() => {}),
      ]);
      this.render(res);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      clear(this.list, errorBox(err instanceof ApiError ? err.message : String(err)));
    }
  }

  private render(res: DocumentsResponse) {
    clear(this.list, res.documents.length ? null : h('p', { class: 'muted' }, 'No issue matches.'), ...res.documents.map((d) => this.item(d)));
    const last = this.offset + res.documents.length;
    clear(
      this.pager,
      h('button', { disabled: this.offset === 0, testid: 'issues-prev', onclick: () => ((this.offset = Math.max(0, this.offset - ISSUE_PAGE)), void this.fetch()) }, '‹ Prev'),
      h('span', { testid: 'issues-count' }, pageLabel(this.offset, res.documents.length, res.total)),
      h('button', { disabled: last >= res.total, testid: 'issues-next', onclick: () => ((this.offset += ISSUE_PAGE), void this.fetch()) }, 'Next ›'),
    );
  }

  private item(d: DocumentSummary): HTMLElement {
    const pub = [d.publication, d.issue ? `#${d.issue}` : null].filter(Boolean).join(' ');
    return h(
      'article',
      { class: `issue-item${d.id === this.current ? ' current' : ''}`, testid: 'issue-item', dataset: { id: d.id } },
      h(
        'button',
        { class: 'issue-open', title: 'Show this issue and its entities on the canvas', testid: 'issue-open', onclick: () => (this.setCurrent(d.id), this.actions.open(d.id)) },
        h('span', { class: 'issue-date' }, d.date ? formatDay(d.date) : 'undated'),
        h('span', { class: 'issue-title' }, d.title),
        h('span', { class: 'issue-meta muted' }, [pub, `${d.entityCount} entities`, `${d.mentionCount} mentions`].filter(Boolean).join(' · ')),
      ),
      h(
        'div',
        { class: 'issue-actions' },
        h('button', { class: 'icon', title: 'Read the issue, entities highlighted', 'aria-label': `Read ${d.title}`, testid: 'issue-read', onclick: () => this.actions.read(d.id) }, 'Read'),
        h('button', { class: 'icon', title: 'Connect this issue to another one', 'aria-label': `Connect ${d.title}`, testid: 'issue-connect', onclick: () => this.actions.connectFrom(d.id, d.title) }, '⇄'),
      ),
    );
  }
}
