/** Connect two issues (searchable pickers) or any two canvas nodes: shortest paths, each step's evidence, shared entities. */
import type { PathsResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { edgeLook, nodeLook } from '../model/palette.ts';
import { formatRange, rangeQuery, type DateRange } from '../model/time-range.ts';
import { edgeGlyph } from './badges.ts';
import type { DocAnchor } from './details.ts';
import { clear, errorBox, formatDoc, h, spinner } from './dom.ts';
import { issueChoice, IssuePicker } from './issue-picker.ts';

export interface ConnectActions {
  selectedNode(): { id: string; label: string } | null;
  /** Draws the paths on the canvas. */
  showPaths(res: PathsResponse): void;
  focus(id: string): void;
  openDocument(id: string, at?: DocAnchor): void;
  labelOf(id: string): string;
  stateChanged(pair: [string, string] | null): void;
  /** The time filter: paths only through issues and statements in it. */
  range(): DateRange | null;
}

export class ConnectPanel {
  readonly el: HTMLElement;
  private readonly from: IssuePicker;
  private readonly to: IssuePicker;
  private readonly out = h('div', { class: 'connect-out', testid: 'connect-results' });
  private readonly note = h('p', { class: 'muted small', testid: 'connect-range' });
  private loaded: Promise<void> | null = null;

  constructor(private readonly actions: ConnectActions) {
    this.from = new IssuePicker('connect-from', 'From', () => actions.range());
    this.to = new IssuePicker('connect-to', 'To', () => actions.range());
    const pickRow = (label: string, picker: IssuePicker, which: string) =>
      h(
        'div',
        { class: 'pick' },
        h('label', null, label),
        picker.el,
        h('button', { class: 'icon', title: 'Use the node selected on the canvas', testid: `connect-use-${which}`, onclick: () => this.useSelection(picker) }, '⊙'),
      );
    this.el = h(
      'div',
      { class: 'connect', testid: 'connect' },
      h('p', { class: 'muted' }, 'Pick two issues — type to search them — or select a node on the canvas and press ⊙, to see how they connect and what they share.'),
      pickRow('From', this.from, 'from'),
      pickRow('To', this.to, 'to'),
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', testid: 'connect-run', onclick: () => void this.run() }, 'Connect'),
        h('button', { onclick: () => this.swap() }, '⇅ Swap'),
      ),
      this.note,
      this.out,
    );
  }

  /** Preselects the two latest issues (in the time filter) when nothing is chosen yet. */
  load(): Promise<void> {
    this.showRange();
    this.loaded ??= (async () => {
      if (this.from.value || this.to.value) return;
      try {
        const res = await api.documents({ limit: 2, sort: 'date', order: 'desc', ...rangeQuery(this.actions.range()) });
        // Never over what the user has started typing or choosing meanwhile.
        const untouched = [this.from, this.to].every((p) => !p.value && !p.input.value && document.activeElement !== p.input);
        if (res.documents.length >= 2 && untouched) {
          this.from.set(issueChoice(res.documents[1]!));
          this.to.set(issueChoice(res.documents[0]!));
        }
      } catch (err) {
        this.loaded = null;
        clear(this.out, errorBox(err instanceof ApiError ? err.message : String(err)));
      }
    })();
    return this.loaded;
  }

  private showRange() {
    const r = this.actions.range();
    this.note.textContent = r ? `Only through issues of ${formatRange(r)} (the time filter).` : '';
  }

  private useSelection(picker: IssuePicker) {
    const n = this.actions.selectedNode();
    if (!n) {
      clear(this.out, errorBox('Select a node on the canvas first.'));
      return;
    }
    picker.extra.set(n.id, n.label);
    picker.set({ id: n.id, label: n.label, detail: 'on the canvas' });
  }

  /** Starts from one issue (the issue browser's "Connect…"): it becomes the first end, the second is asked for. */
  startFrom(id: string, label: string): void {
    this.from.set({ id, label });
    if (this.to.value === id) this.to.set(null);
    this.loaded = Promise.resolve();
    clear(this.out);
    this.showRange();
    this.to.focus();
  }

  private swap() {
    const a = this.from.choice, b = this.to.choice;
    this.from.set(b);
    this.to.set(a);
  }

  /** Sets the two ends (from the URL) and runs. */
  async connect(a: string, b: string): Promise<void> {
    this.loaded = Promise.resolve();
    this.from.set({ id: a, label: this.actions.labelOf(a) });
    this.to.set({ id: b, label: this.actions.labelOf(b) });
    await this.run();
  }

  async run(): Promise<void> {
    const a = this.from.value, b = this.to.value;
    this.showRange();
    if (!a || !b) return void clear(this.out, errorBox('Choose both ends.'));
    if (a === b) return void clear(this.out, errorBox('Choose two different ends.'));
    clear(this.out, spinner('Finding paths…'));
    try {
      const range = this.actions.range();
      const res = await api.paths(a, b, { maxHops: 4, limit: 5, ...rangeQuery(range) });
      // The answer names both ends: the pickers show their titles even when they came from a link.
      for (const n of res.elements.nodes) {
        this.from.relabel(n.data.id, n.data.label);
        this.to.relabel(n.data.id, n.data.label);
      }
      this.actions.showPaths(res);
      this.actions.stateChanged([a, b]);
      this.render(res, range);
    } catch (err) {
      clear(this.out, errorBox(err instanceof ApiError ? err.message : String(err)));
    }
  }

  private render(res: PathsResponse, range: DateRange | null) {
    const labels = new Map(res.elements.nodes.map((n) => [n.data.id, n.data.label]));
    const name = (id: string) => labels.get(id) ?? this.actions.labelOf(id);
    clear(
      this.out,
      h('h4', null, res.paths.length ? `${res.paths.length} shortest path${res.paths.length > 1 ? 's' : ''} (${res.paths[0]!.length} hop${res.paths[0]!.length > 1 ? 's' : ''})` : `No path within 4 hops${range ? ` in ${formatRange(range)}` : ''}`),
      ...res.paths.map((p, i) =>
        h(
          'ol',
          { class: 'path', testid: 'path' },
          h('span', { class: 'path-n' }, `Path ${i + 1}`),
          ...p.steps.map((s) =>
            h(
              'li',
              null,
              h(
                'div',
                { class: 'step' },
                h('button', { class: 'link', onclick: () => this.actions.focus(s.source) }, shorten(name(s.source))),
                h('span', { class: 'rel', style: `color:${edgeLook(s.type).color}` }, edgeGlyph(s.type), s.type),
                h('button', { class: 'link', onclick: () => this.actions.focus(s.target) }, shorten(name(s.target))),
              ),
              s.evidence
                ? h(
                    'blockquote',
                    { class: 'evidence-item', testid: 'path-evidence' },
                    h('p', null, s.evidence.length > 280 ? `${s.evidence.slice(0, 279)}…` : s.evidence),
                    s.document ? h('footer', null, h('button', { class: 'link', onclick: () => this.actions.openDocument(s.document!.id, { text: s.evidence! }) }, formatDoc(s.document))) : null,
                  )
                : null,
            ),
          ),
        ),
      ),
      res.shared.length
        ? h(
            'div',
            { class: 'shared', testid: 'shared-entities' },
            h('h4', null, `Shared entities (${res.shared.length})`),
            h(
              'div',
              { class: 'chips' },
              ...res.shared.map((s) =>
                h('button', { class: 'chip', style: `--c:${nodeLook(s.type).color}`, title: `${s.type}: ${s.fromCount} × in the first, ${s.toCount} × in the second`, onclick: () => this.actions.focus(s.id) }, s.name, h('small', null, `${s.fromCount}·${s.toCount}`)),
              ),
            ),
          )
        : null,
    );
  }
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
