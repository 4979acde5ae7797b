/** Connect two issues (document pickers) or any two canvas nodes: shortest paths, each step's evidence, shared entities. */
import type { DocumentSummary, PathsResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { edgeLook, nodeLook } from '../model/palette.ts';
import { edgeGlyph } from './badges.ts';
import type { DocAnchor } from './details.ts';
import { clear, errorBox, formatDoc, h, spinner } from './dom.ts';

export interface ConnectActions {
  selectedNode(): { id: string; label: string } | null;
  /** Draws the paths on the canvas. */
  showPaths(res: PathsResponse): void;
  focus(id: string): void;
  openDocument(id: string, at?: DocAnchor): void;
  labelOf(id: string): string;
  stateChanged(pair: [string, string] | null): void;
}

export class ConnectPanel {
  readonly el: HTMLElement;
  private docs: DocumentSummary[] = [];
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly out = h('div', { class: 'connect-out', testid: 'connect-results' });
  private loaded: Promise<void> | null = null;
  /** Non-document ends picked from the canvas, shown as extra options. */
  private extra = new Map<string, string>();

  constructor(private readonly actions: ConnectActions) {
    this.from = h('select', { testid: 'connect-from', 'aria-label': 'From' });
    this.to = h('select', { testid: 'connect-to', 'aria-label': 'To' });
    const pickRow = (label: string, sel: HTMLSelectElement, which: string) =>
      h(
        'div',
        { class: 'pick' },
        h('label', null, label),
        sel,
        h('button', { class: 'icon', title: 'Use the node selected on the canvas', testid: `connect-use-${which}`, onclick: () => this.useSelection(sel) }, '⊙'),
      );
    this.el = h(
      'div',
      { class: 'connect', testid: 'connect' },
      h('p', { class: 'muted' }, 'Pick two issues — or select a node on the canvas and press ⊙ — to see how they connect and what they share.'),
      pickRow('From', this.from, 'from'),
      pickRow('To', this.to, 'to'),
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', testid: 'connect-run', onclick: () => void this.run() }, 'Connect'),
        h('button', { onclick: () => this.swap() }, '⇅ Swap'),
      ),
      this.out,
    );
  }

  load(): Promise<void> {
    this.loaded ??= (async () => {
      clear(this.out, spinner('Loading issues…'));
      try {
        const res = await api.documents({ limit: 500, sort: 'date', order: 'desc' });
        this.docs = res.documents;
        this.fill();
        clear(this.out);
        if (this.docs.length >= 2 && !this.from.value) {
          this.from.value = this.docs[1]!.id;
          this.to.value = this.docs[0]!.id;
        }
      } catch (err) {
        this.loaded = null;
        clear(this.out, errorBox(err instanceof ApiError ? err.message : String(err)));
      }
    })();
    return this.loaded;
  }

  private fill() {
    for (const sel of [this.from, this.to]) {
      const v = sel.value;
      clear(
        sel,
        h('option', { value: '' }, '— choose an issue —'),
        this.extra.size ? h('optgroup', { label: 'Canvas nodes' }, ...[...this.extra].map(([id, label]) => h('option', { value: id }, label))) : null,
        h('optgroup', { label: 'Issues' }, ...this.docs.map((d) => h('option', { value: d.id, title: d.title }, `${formatDoc(d)} — ${d.title.slice(0, 60)}`))),
      );
      sel.value = v;
    }
  }

  private useSelection(sel: HTMLSelectElement) {
    const n = this.actions.selectedNode();
    if (!n) {
      clear(this.out, errorBox('Select a node on the canvas first.'));
      return;
    }
    if (!this.docs.some((d) => d.id === n.id)) this.extra.set(n.id, n.label);
    this.fill();
    sel.value = n.id;
  }

  private swap() {
    const a = this.from.value;
    this.from.value = this.to.value;
    this.to.value = a;
  }

  /** Sets the two ends (from the URL) and runs. */
  async connect(a: string, b: string): Promise<void> {
    await this.load();
    for (const id of [a, b]) if (!this.docs.some((d) => d.id === id)) this.extra.set(id, this.actions.labelOf(id));
    this.fill();
    this.from.value = a;
    this.to.value = b;
    await this.run();
  }

  async run(): Promise<void> {
    const a = this.from.value, b = this.to.value;
    if (!a || !b) return void clear(this.out, errorBox('Choose both ends.'));
    if (a === b) return void clear(this.out, errorBox('Choose two different ends.'));
    clear(this.out, spinner('Finding paths…'));
    try {
      const res = await api.paths(a, b, { maxHops: 4, limit: 5 });
      this.actions.showPaths(res);
      this.actions.stateChanged([a, b]);
      this.render(res);
    } catch (err) {
      clear(this.out, errorBox(err instanceof ApiError ? err.message : String(err)));
    }
  }

  private render(res: PathsResponse) {
    const name = (id: string) => this.docs.find((d) => d.id === id)?.title ?? this.actions.labelOf(id);
    clear(
      this.out,
      h('h4', null, res.paths.length ? `${res.paths.length} shortest path${res.paths.length > 1 ? 's' : ''} (${res.paths[0]!.length} hop${res.paths[0]!.length > 1 ? 's' : ''})` : 'No path within 4 hops'),
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
