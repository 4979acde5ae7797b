/**
 * A searchable issue picker (ARIA combobox): typing asks GET /api/documents (title, publication, number or date,
 * within the time filter), so every issue of a big archive is reachable — not only the first 500 of a dropdown.
 * Extra choices (nodes picked on the canvas) are listed first. ↑/↓/Enter/Escape.
 */
import type { DocumentSummary } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import type { DateRange } from '../model/time-range.ts';
import { rangeQuery } from '../model/time-range.ts';
import { clear, formatDoc, h } from './dom.ts';

export interface PickerChoice {
  id: string;
  label: string;
  /** Second line: publication, number and date of an issue; "on the canvas" for other nodes. */
  detail?: string;
}

const PAGE = 20;
let pickers = 0;

export const issueChoice = (d: Pick<DocumentSummary, 'id' | 'title' | 'publication' | 'issue' | 'date'>): PickerChoice => ({ id: d.id, label: d.title, detail: formatDoc({ ...d, title: '' }) });

export class IssuePicker {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private choices: PickerChoice[] = [];
  private active = -1;
  private timer: number | undefined;
  private ctrl: AbortController | null = null;
  private chosen: PickerChoice | null = null;
  /** Non-issue choices (canvas nodes), shown above the issues. */
  readonly extra = new Map<string, string>();

  constructor(
    testid: string,
    label: string,
    private readonly range: () => DateRange | null,
    private readonly onPick: (choice: PickerChoice | null) => void = () => {},
  ) {
    const listId = `issue-picker-${++pickers}`;
    this.input = h('input', {
      type: 'search',
      placeholder: 'Type a title, publication, # or date…',
      autocomplete: 'off',
      spellcheck: false,
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-label': label,
      testid,
    });
    this.list = h('ul', { id: listId, class: 'search-list picker-list', role: 'listbox', hidden: true, testid: `${testid}-options` });
    this.el = h('div', { class: 'picker' }, this.input, this.list);
    this.input.addEventListener('input', () => {
      this.chosen = null;
      this.input.dataset.value = '';
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.search(), 150);
    });
    this.input.addEventListener('focus', () => void this.search());
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.input.addEventListener('keydown', (e) => this.key(e));
  }

  /** The chosen id ('' when none). */
  get value(): string {
    return this.chosen?.id ?? '';
  }

  get choice(): PickerChoice | null {
    return this.chosen;
  }

  set(choice: PickerChoice | null): void {
    this.chosen = choice;
    // Many newsletters reuse titles ("not much happened today"): the date tells the issues apart.
    this.input.value = choice ? [choice.label, choice.detail && choice.detail !== 'on the canvas' ? choice.detail : null].filter(Boolean).join(' · ') : '';
    this.input.dataset.value = choice?.id ?? '';
    this.input.title = choice ? [choice.label, choice.detail].filter(Boolean).join(' — ') : '';
  }

  /** Updates the label of the chosen id (once its title is known). */
  relabel(id: string, label: string): void {
    if (this.chosen?.id === id && this.chosen.label !== label) this.set({ ...this.chosen, label });
  }

  focus(): void {
    this.input.focus();
  }

  private close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.active = -1;
  }

  private async search() {
    const q = this.chosen ? '' : this.input.value.trim();
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    const mine = this.ctrl;
    try {
      const res = await api.documents({ q: q || undefined, limit: PAGE, sort: 'date', order: 'desc', ...rangeQuery(this.range()) }, mine.signal);
      if (mine !== this.ctrl) return;
      const needle = q.toLowerCase();
      const extra = [...this.extra].filter(([, l]) => !needle || l.toLowerCase().includes(needle)).map(([id, l]) => ({ id, label: l, detail: 'on the canvas' }));
      this.choices = [...extra, ...res.documents.map(issueChoice)];
      this.render(res.total > res.documents.length ? `${res.total - res.documents.length} more — type to narrow` : null, q);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.choices = [];
      this.render(err instanceof ApiError ? err.message : String(err), q);
    }
  }

  private render(note: string | null, q: string) {
    clear(this.list);
    if (!this.choices.length) this.list.append(h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, q ? `No issue matches “${q}”` : 'No issues'));
    this.choices.forEach((c, i) =>
      this.list.append(
        h(
          'li',
          {
            id: `${this.list.id}-${i}`,
            role: 'option',
            class: 'search-hit picker-option',
            testid: 'picker-option',
            dataset: { id: c.id },
            'aria-selected': 'false',
            onmousedown: (e: MouseEvent) => (e.preventDefault(), this.choose(c)),
            onmousemove: () => this.active !== i && this.setActive(i),
          },
          h('span', { class: 'hit-name' }, c.label, c.detail ? h('small', null, ` — ${c.detail}`) : null),
        ),
      ),
    );
    if (note) this.list.append(h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, note));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.choices.length) this.setActive(0);
  }

  private setActive(i: number) {
    this.active = i;
    [...this.list.querySelectorAll('.picker-option')].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = this.list.querySelectorAll('.picker-option')[i] as HTMLElement | undefined;
    li?.scrollIntoView({ block: 'nearest' });
    if (li) this.input.setAttribute('aria-activedescendant', li.id);
  }

  private choose(c: PickerChoice) {
    this.set(c);
    this.close();
    this.onPick(c);
  }

  private key(e: KeyboardEvent) {
    const n = this.choices.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.list.hidden) void this.search();
      else if (n) this.setActive((this.active + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) this.setActive((this.active - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const c = this.choices[this.active];
      if (!this.list.hidden && c) this.choose(c);
    } else if (e.key === 'Escape') {
      if (!this.list.hidden) e.stopPropagation();
      this.close();
    }
  }
}
