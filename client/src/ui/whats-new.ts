/**
 * What is new (the New tab): for a period against the one of the same length before it — entities first seen,
 * entities rising fastest (by mentions or by issues), typed relations first stated — from GET /api/trends, as lists
 * and, on demand, on the canvas. The period is the time filter when it has both ends, else the last N days of the
 * archive.
 */
import type { TrendsResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { edgeLook, nodeLook } from '../model/palette.ts';
import { formatDay, formatRange, trendsPeriod, type DateRange } from '../model/time-range.ts';
import { risingLabel } from '../model/trends-graph.ts';
import { edgeGlyph, typeBadge } from './badges.ts';
import type { DocAnchor } from './details.ts';
import { clear, errorBox, formatDoc, h, spinner } from './dom.ts';

export interface WhatsNewActions {
  range(): DateRange | null;
  /** The archive's last dated issue (periods count back from it). */
  lastIssue(): Promise<string | null>;
  focus(id: string): void;
  openDocument(id: string, at?: DocAnchor): void;
  showOnCanvas(res: TrendsResponse): void;
}

const PERIODS = [
  ['filter', 'The time filter'],
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
] as const;
const LIMIT = 25;


export class WhatsNew {
  readonly el: HTMLElement;
  private readonly period = h('select', { 'aria-label': 'Period', testid: 'new-period' }, ...PERIODS.map(([v, l]) => h('option', { value: v }, l)));
  private readonly by = h('div', { class: 'seg', role: 'group', 'aria-label': 'Rising by' });
  private readonly out = h('div', { class: 'new-out', testid: 'new-results' });
  private risingBy: 'mentions' | 'documents' = 'mentions';
  private last: TrendsResponse | null = null;
  private ctrl: AbortController | null = null;

  constructor(private readonly actions: WhatsNewActions) {
    this.period.value = '30';
    this.period.addEventListener('change', () => void this.load());
    this.el = h(
      'div',
      { class: 'whats-new', testid: 'whats-new' },
      h('p', { class: 'muted' }, 'What appeared or grew in a period, against the period of the same length just before it.'),
      h(
        'div',
        { class: 'new-controls' },
        this.period,
        h('button', { class: 'primary', testid: 'new-show', title: 'Put what is new on the canvas', onclick: () => this.last && this.actions.showOnCanvas(this.last) }, 'Show on canvas'),
      ),
      this.out,
    );
  }

  /** Follows the time filter: its range becomes the period when it has both ends. */
  syncPeriod(): void {
    const r = this.actions.range();
    if (r?.from && r.to) this.period.value = 'filter';
    else if (this.period.value === 'filter') this.period.value = '30';
    (this.period.querySelector('option[value=filter]') as HTMLOptionElement).disabled = !(r?.from && r.to);
  }

  async load(): Promise<void> {
    this.syncPeriod();
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    const signal = this.ctrl.signal;
    clear(this.out, spinner('Comparing periods…'));
    try {
      const p = trendsPeriod(this.actions.range(), this.period.value, await this.actions.lastIssue());
      if (!p) return void clear(this.out, h('p', { class: 'muted' }, 'No dated issues: nothing to compare.'));
      const res = await api.trends(p.from, p.to, { limit: LIMIT, risingBy: this.risingBy }, signal);
      this.last = res;
      this.render(res);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      clear(this.out, errorBox(err instanceof ApiError ? err.message : String(err)));
    }
  }

  private render(res: TrendsResponse) {
    const a = this.actions;
    clear(
      this.by,
      ...(['mentions', 'documents'] as const).map((b) =>
        h('button', { class: b === this.risingBy ? 'on' : '', testid: `new-by-${b}`, onclick: () => ((this.risingBy = b), void this.load()) }, b === 'mentions' ? 'mentions' : 'issues'),
      ),
    );
    const entity = (e: { id: string; name: string; type: string }, extra: (HTMLElement | string)[], testid: string) =>
      h(
        'li',
        { class: 'new-item', testid },
        h('button', { class: 'link', style: `--c:${nodeLook(e.type).color}`, onclick: () => a.focus(e.id) }, typeBadge(e.type), ' ', e.name),
        h('span', { class: 'new-extra muted' }, ...extra),
      );
    clear(
      this.out,
      h(
        'p',
        { class: 'period', testid: 'new-period-label' },
        h('b', null, formatRange(res.period)),
        ` · ${res.period.documents} issue${res.period.documents === 1 ? '' : 's'}`,
        h('br'),
        h('span', { class: 'muted' }, `against ${formatRange(res.previous)} · ${res.previous.documents} issue${res.previous.documents === 1 ? '' : 's'}`),
      ),
      res.undatedDocuments ? h('p', { class: 'muted small' }, `${res.undatedDocuments} undated issue(s) cannot be placed in time and are not counted.`) : null,
      h('p', { class: 'new-key muted small' }, 'On the canvas: ', h('span', { class: 'key new' }, 'first seen'), ' ', h('span', { class: 'key rising' }, 'rising'), ' — joined by the relations first stated in the period.'),
      h('h4', null, `First seen (${res.newEntities.total})`),
      res.newEntities.items.length
        ? h(
            'ul',
            { class: 'new-list', testid: 'new-entities' },
            ...res.newEntities.items.map((e) =>
              entity(e, [`${e.mentions}× in ${e.documents} issue${e.documents === 1 ? '' : 's'} · first `, h('button', { class: 'link', onclick: () => a.openDocument(e.firstSeen.id) }, e.firstSeen.date ? formatDay(e.firstSeen.date, { year: false }) : formatDoc(e.firstSeen))], 'new-entity'),
            ),
          )
        : h('p', { class: 'muted' }, 'Nothing first seen in this period.'),
      h('div', { class: 'new-head' }, h('h4', null, `Rising fastest (${res.rising.total})`), this.by),
      res.rising.items.length
        ? h(
            'ul',
            { class: 'new-list', testid: 'new-rising' },
            ...res.rising.items.map((e) =>
              entity(
                e,
                [
                  h('b', { class: 'gain' }, risingLabel(e, this.risingBy)),
                  this.risingBy === 'documents' ? ` · ${e.previousDocuments} → ${e.documents} issues` : ` · ${e.previousMentions} → ${e.mentions} mentions`,
                ],
                'new-rising-item',
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'Nothing rose against the previous period.'),
      h('h4', null, `New relations (${res.newRelations.total})`),
      res.newRelations.items.length
        ? h(
            'ul',
            { class: 'new-list rels', testid: 'new-relations' },
            ...res.newRelations.items.map((r) =>
              h(
                'li',
                { class: 'new-rel', testid: 'new-relation' },
                h(
                  'div',
                  { class: 'step' },
                  h('button', { class: 'link', onclick: () => a.focus(r.source.id) }, r.source.name),
                  h('span', { class: 'rel', style: `color:${edgeLook(r.type).color}` }, edgeGlyph(r.type), r.type),
                  h('button', { class: 'link', onclick: () => a.focus(r.target.id) }, r.target.name),
                ),
                r.evidence
                  ? h(
                      'blockquote',
                      { class: 'evidence-item' },
                      h('p', null, r.evidence.length > 220 ? `${r.evidence.slice(0, 219)}…` : r.evidence),
                      h('footer', null, h('button', { class: 'link', onclick: () => a.openDocument(r.document.id, { text: r.evidence }) }, formatDoc(r.document))),
                    )
                  : null,
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No typed relation first stated in this period.'),
    );
  }
}
