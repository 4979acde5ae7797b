/**
 * Correcting the graph by hand (POST / DELETE /api/curation): a "Correct the graph" section in an entity's details
 * (rename, retype, merge into another, split an alias off, delete), "Reject this relation" in a typed edge's
 * details, merge items in the canvas menu, and the Curation tab listing every decision with its Undo. The server
 * applies a decision at once and every later ingest keeps it; the host mirrors it onto the canvas.
 */
import './curation.css';
import type { CurationCreated, CurationDecision, CurationListResponse, CurationRequest, EdgeData, EntityDetail, SearchHit } from '../../../contract/api.ts';
import { describeDecision } from '../../../core/curation.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../../core/vocabulary.ts';
import { api, ApiError } from '../api.ts';
import { typeBadge } from './badges.ts';
import { clear, errorBox, h, spinner } from './dom.ts';
import type { MenuItem, Target } from './overlays.ts';

export interface CurationHost {
  /** The server applied `input`: mirror it onto the canvas and show `result.entityId`. */
  applied(input: CurationRequest, result: CurationCreated): Promise<void>;
  /** The server undid `decision` (`gone`: entities it named that no longer exist): bring the canvas back. */
  undone(decision: CurationDecision, gone: readonly string[]): Promise<void>;
  labelOf(id: string): string;
  toast(message: string, kind?: 'info' | 'error'): void;
}

const TOKEN_KEY = 'curation-token';
const TYPED = new Set<string>(RELATION_TYPES);

export class CurationPanel {
  /** The Curation tab: every decision, newest first, each with its Undo. */
  readonly el = h('div', { class: 'curation-log', testid: 'curation-log' });
  private writes: CurationListResponse['writes'] | null = null;
  /** The last decision made here, offered for undo in the details of the entity it left on screen. */
  private last: { decision: CurationDecision; entityId: string | null } | null = null;

  constructor(private readonly host: CurationHost) {}

  private get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /** GET /api/curation, which also says whether (and how) this server takes writes. */
  async refresh(): Promise<CurationDecision[]> {
    clear(this.el, spinner('Loading decisions…'));
    try {
      const res = await api.curation();
      this.writes = res.writes;
      this.renderLog(res.decisions);
      return res.decisions;
    } catch (err) {
      clear(this.el, errorBox(err instanceof ApiError ? err.message : String(err)));
      return [];
    }
  }

  private renderLog(decisions: CurationDecision[]): void {
    clear(
      this.el,
      h('h3', null, 'Curation'),
      h('p', { class: 'muted' }, 'Corrections you made to the graph. Every later ingest keeps them; Undo puts back what the extractor found.'),
      this.writes === 'off' ? h('p', { class: 'curate-note' }, offMessage) : null,
      decisions.length === 0 ? h('p', { class: 'muted', testid: 'curation-empty' }, 'No decisions yet: open an entity’s details and use “Correct the graph”.') : null,
      h(
        'ol',
        { class: 'decisions' },
        ...[...decisions].reverse().map((d) =>
          h(
            'li',
            { class: 'decision', testid: 'curation-decision', dataset: { id: d.id, action: d.input.action } },
            h('div', { class: 'decision-what' }, capitalise(d.summary)),
            h('div', { class: 'muted small' }, new Date(d.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })),
            h('button', { testid: 'curation-undo', disabled: this.writes === 'off', onclick: () => void this.undo(d) }, 'Undo'),
          ),
        ),
      ),
    );
  }

  /** The "Correct the graph" section of an entity's details. */
  entitySection(d: EntityDetail): HTMLElement {
    const box = h('details', { class: 'curate', testid: 'curate' }, h('summary', { testid: 'curate-open' }, '✎ Correct the graph'));
    const banner = this.last && this.last.entityId === d.id ? this.undoBanner(this.last.decision) : null;
    const body = h('div', { class: 'curate-body' });
    box.append(body);
    if (banner) box.open = true;
    const render = () => {
      if (this.writes === 'off') return clear(body, h('p', { class: 'curate-note' }, offMessage));
      const name = h('input', { value: d.name, testid: 'curate-name', 'aria-label': 'New name', maxlength: 200 }) as HTMLInputElement;
      const type = h('select', { testid: 'curate-type', 'aria-label': 'Type' }, ...ENTITY_TYPES.map((t) => h('option', { value: t, selected: t === d.type }, t))) as HTMLSelectElement;
      clear(
        body,
        this.writes === 'token' ? this.tokenRow() : null,
        row('Name', name, h('button', { testid: 'curate-rename', onclick: () => void this.run({ action: 'rename', id: d.id, name: name.value }) }, 'Rename')),
        row('Type', type, h('button', { testid: 'curate-retype', onclick: () => void this.run({ action: 'retype', id: d.id, type: type.value as EntityDetail['type'] }) }, 'Retype')),
        row('Merge into', this.mergePicker(d)),
        d.aliases.length
          ? row(
              'Aliases',
              h(
                'div',
                { class: 'chips' },
                ...d.aliases.map((alias) =>
                  h(
                    'button',
                    { class: 'chip split', testid: 'curate-split', dataset: { alias }, title: `Split “${alias}” off into an entity of its own`, onclick: () => void this.run({ action: 'split-alias', id: d.id, alias }) },
                    alias,
                    h('small', null, '✂ split off'),
                  ),
                ),
              ),
            )
          : null,
        row('', confirmButton('Delete this entity', `Delete “${d.name}” from the graph (it stays gone after re-ingests; undo brings it back)`, 'curate-delete', () => void this.run({ action: 'delete', id: d.id }))),
      );
    };
    clear(body, spinner());
    void (this.writes ? Promise.resolve() : this.refresh()).then(render);
    if (banner) box.prepend(banner);
    return box;
  }

  /** "Reject this relation" for a typed relation between two entities. */
  edgeSection(e: EdgeData): HTMLElement | null {
    if (!TYPED.has(e.type) || this.writes === 'off') return null;
    const input: CurationRequest = { action: 'reject-relation', source: e.source, type: e.type as (typeof RELATION_TYPES)[number], target: e.target };
    return h(
      'div',
      { class: 'curate-edge', testid: 'curate-edge' },
      this.writes === 'token' ? this.tokenRow() : null,
      confirmButton('Reject this relation', `Reject ${this.host.labelOf(e.source)} ${e.type} ${this.host.labelOf(e.target)}: it is hidden now and after every re-ingest`, 'curate-reject', () => void this.run(input)),
    );
  }

  /** Canvas menu items: merge the right-clicked entity with the selected one (either way). */
  menuItems(t: Target, selected: string | null): MenuItem[] {
    if (t.kind !== 'node' || t.data.kind !== 'entity' || !selected || selected === t.data.id || this.writes === 'off') return [];
    const here = t.data.id;
    return [
      { label: `Merge into “${short(this.host.labelOf(selected))}”`, testid: 'ctx-merge-into-selected', run: () => void this.run({ action: 'merge', from: here, into: selected }) },
      { label: `Merge “${short(this.host.labelOf(selected))}” into this`, testid: 'ctx-merge-selected-here', run: () => void this.run({ action: 'merge', from: selected, into: here }) },
    ];
  }

  private mergePicker(d: EntityDetail): HTMLElement {
    const input = h('input', { type: 'search', placeholder: 'Search the entity to merge into…', testid: 'curate-merge-input', 'aria-label': 'Entity to merge into', autocomplete: 'off' }) as HTMLInputElement;
    const list = h('ul', { class: 'curate-hits', testid: 'curate-merge-hits' });
    const confirm = h('div', { class: 'curate-confirm' });
    let timer: number | undefined;
    const pick = (hit: SearchHit) => {
      clear(list);
      input.value = hit.name;
      clear(
        confirm,
        h('button', { class: 'primary', testid: 'curate-merge', onclick: () => void this.run({ action: 'merge', from: d.id, into: hit.id }) }, `Merge “${short(d.name)}” into “${short(hit.name)}”`),
        h('span', { class: 'muted small' }, ` its mentions, aliases and relations move to ${hit.type} “${hit.name}”`),
      );
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      clear(confirm);
      const q = input.value.trim();
      if (!q) return clear(list);
      timer = window.setTimeout(async () => {
        try {
          const hits = (await api.search(q, { limit: 8 })).hits.filter((x) => x.id !== d.id);
          clear(
            list,
            hits.length ? null : h('li', { class: 'muted' }, 'No other entity matches'),
            ...hits.map((hit) => h('li', null, h('button', { class: 'curate-hit', testid: 'curate-merge-hit', dataset: { id: hit.id }, onclick: () => pick(hit) }, typeBadge(hit.type), ' ', hit.name, h('small', { class: 'muted' }, ` ${hit.mentionCount}`)))),
          );
        } catch (err) {
          clear(list, h('li', { class: 'muted' }, err instanceof ApiError ? err.message : String(err)));
        }
      }, 150);
    });
    return h('div', { class: 'curate-merge' }, input, list, confirm);
  }

  private tokenRow(): HTMLElement {
    const input = h('input', { type: 'password', placeholder: 'CURATION_TOKEN', testid: 'curate-token', 'aria-label': 'Curation token', value: this.token ?? '' }) as HTMLInputElement;
    input.addEventListener('change', () => (input.value ? sessionStorage.setItem(TOKEN_KEY, input.value) : sessionStorage.removeItem(TOKEN_KEY)));
    return row('Token', input);
  }

  private undoBanner(d: CurationDecision): HTMLElement {
    return h('div', { class: 'curate-banner', role: 'status', testid: 'curate-banner' }, h('span', null, `${capitalise(d.summary)}.`), h('button', { testid: 'curate-undo-last', onclick: () => void this.undo(d) }, 'Undo'));
  }

  /** Sends a decision; on success the host updates the canvas and the log is refreshed. */
  async run(input: CurationRequest): Promise<void> {
    try {
      const result = await api.curate(input, this.token);
      this.last = { decision: result.decision, entityId: result.entityId };
      this.host.toast(`${capitalise(result.decision.summary)} — undo in the Curation tab`);
      await this.host.applied(input, result);
      void this.refresh();
    } catch (err) {
      this.host.toast(err instanceof ApiError ? err.message : String(err), 'error');
    }
  }

  async undo(d: CurationDecision): Promise<void> {
    try {
      const res = await api.undoCuration(d.id, this.token);
      if (this.last?.decision.id === d.id) this.last = null;
      this.host.toast(`Undone: ${describeDecisionLike(d)}`);
      await this.host.undone(d, res.gone);
      void this.refresh();
    } catch (err) {
      this.host.toast(err instanceof ApiError ? err.message : String(err), 'error');
    }
  }
}

const offMessage = 'Curation is off on this server: it listens on a public address without CURATION_TOKEN (see the README, “Curation”).';

function describeDecisionLike(d: CurationDecision): string {
  return d.summary || describeDecision({ id: d.id, seq: d.seq, at: d.at, labels: d.labels, input: d.input });
}

function row(label: string, ...controls: HTMLElement[]): HTMLElement {
  return h('div', { class: 'curate-row' }, h('label', { class: 'muted' }, label), h('div', { class: 'curate-controls' }, ...controls));
}

/** A button that asks once more, in place, before it runs. */
function confirmButton(label: string, question: string, testid: string, run: () => void): HTMLElement {
  const wrap = h('div', { class: 'curate-confirm' });
  const first = h('button', { class: 'danger', testid, onclick: () => clear(wrap, h('p', { class: 'small' }, question), h('button', { class: 'danger', testid: `${testid}-confirm`, onclick: run }, label), h('button', { onclick: () => clear(wrap, first) }, 'Cancel')) }, label);
  wrap.append(first);
  return wrap;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
