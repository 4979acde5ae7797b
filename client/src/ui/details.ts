/** The details panel: an entity (counts, relations, timeline, every mention grouped by issue), a document, or an edge with its evidence. */
import type { EdgeData, EntityDetail, MentionItem, NodeData } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { excerpt, highlightSegments } from '../model/highlight.ts';
import { edgeLook, nodeLook } from '../model/palette.ts';
import { formatRange, rangeQuery, type DateRange } from '../model/time-range.ts';
import { edgeGlyph, typeBadge } from './badges.ts';
import { clear, errorBox, formatDoc, h, spinner } from './dom.ts';
import { timelineChart } from './timeline-chart.ts';

/** Where to scroll in a document: a mention's offsets, or a sentence to find. */
export type DocAnchor = { start: number; end: number } | { text: string };

export interface DetailsActions {
  expand(id: string): void;
  collapse(id: string): void;
  remove(id: string): void;
  focus(id: string): void;
  openDocument(docId: string, at?: DocAnchor): void;
  isExpanded(id: string): boolean;
  moreCount(id: string): number;
  labelOf(id: string): string;
  /** Curation controls (ui/curation.ts) for an entity and for an edge; absent: none. */
  curate?: { entity(d: EntityDetail): HTMLElement | null; edge(e: EdgeData): HTMLElement | null };
  /** The time filter: counts, mentions and evidence are those of the issues in it. */
  range(): DateRange | null;
  /** Connect an issue to another one (the Connect tab, this issue as its first end). */
  connectFrom(id: string, label: string): void;
}

const PAGE = 25;

export class DetailsPanel {
  readonly el = h('div', { class: 'details', testid: 'details' });
  private ctrl: AbortController | null = null;

  constructor(private readonly actions: DetailsActions) {
    this.empty();
  }

  empty(): void {
    this.ctrl?.abort();
    clear(
      this.el,
      h(
        'div',
        { class: 'empty-state' },
        h('h3', null, 'Nothing selected'),
        h('p', null, 'Search for an entity, click a node or an edge to see where it comes from: every mention, with its sentence.'),
        h('p', { class: 'muted' }, 'Double-click a node to expand its neighbours; right-click for more.'),
      ),
    );
  }

  private begin(): AbortSignal {
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    return this.ctrl.signal;
  }

  private fail(where: HTMLElement, err: unknown) {
    if ((err as Error).name === 'AbortError') return;
    clear(where, errorBox(err instanceof ApiError ? err.message : String(err)));
  }

  async showNode(node: NodeData): Promise<void> {
    if (node.kind === 'document') return this.showDocument(node);
    if (node.kind !== 'entity') return this.showOther(node);
    const signal = this.begin();
    clear(this.el, spinner());
    try {
      const range = this.actions.range();
      // The timeline is the whole history, with the range shaded; everything else is counted in the range.
      const [d, tl] = await Promise.all([api.entity(node.id, signal, rangeQuery(range)), api.timeline(node.id, signal)]);
      const look = nodeLook(d.type);
      const more = this.actions.moreCount(d.id);
      const mentionsBox = h('div', { class: 'mentions', testid: 'mentions' });
      const rels = d.relationCounts.filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
      clear(
        this.el,
        h('div', { class: 'details-head', style: `--c:${look.color}` }, typeBadge(d.type), h('h2', { testid: 'details-title' }, d.name)),
        d.aliases.length ? h('p', { class: 'aliases' }, h('span', { class: 'muted' }, 'also '), d.aliases.join(' · ')) : null,
        range ? rangeNote(range, d.mentionCount === 0 ? 'No mention in' : 'Counted over') : null,
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'primary', testid: 'details-expand', onclick: () => this.actions.expand(d.id) }, this.actions.isExpanded(d.id) ? (more ? `Show ${Math.min(more, 50)} more` : 'Expanded ✓') : 'Expand neighbours'),
          h('button', { testid: 'details-collapse', onclick: () => this.actions.collapse(d.id), disabled: !this.actions.isExpanded(d.id) }, 'Collapse'),
          h('button', { testid: 'details-remove', onclick: () => this.actions.remove(d.id) }, 'Remove'),
        ),
        h(
          'dl',
          { class: 'stats' },
          stat('Mentions', d.mentionCount),
          stat('Issues', d.documentCount),
          stat('First seen', d.firstSeen ? docLink(d.firstSeen, this.actions) : '—'),
          stat('Last seen', d.lastSeen ? docLink(d.lastSeen, this.actions) : '—'),
        ),
        rels.length
          ? h(
              'div',
              { class: 'rels' },
              h('h4', null, 'Relations'),
              h('ul', null, ...rels.map((r) => h('li', null, edgeGlyph(r.type), h('span', null, r.direction === 'out' ? `${r.type} →` : `← ${r.type}`), h('b', null, String(r.count))))),
            )
          : null,
        tl.points.length ? timelineChart(tl, look.color, (id) => this.actions.openDocument(id), range) : null,
        this.actions.curate?.entity(d) ?? null,
        h('h4', null, 'Mentions ', h('span', { class: 'muted', testid: 'mention-total' }, `(${d.mentionCount})`)),
        mentionsBox,
      );
      await this.loadMentions(d.id, mentionsBox, 0, signal, range);
    } catch (err) {
      this.fail(this.el, err);
    }
  }

  private async loadMentions(id: string, box: HTMLElement, offset: number, signal: AbortSignal, range: DateRange | null): Promise<void> {
    clear(box, spinner('Loading mentions…'));
    try {
      const res = await api.mentions(id, { limit: PAGE, offset, ...rangeQuery(range) }, signal);
      const groups = new Map<string, MentionItem[]>();
      for (const m of res.mentions) {
        const list = groups.get(m.document.id) ?? [];
        list.push(m);
        groups.set(m.document.id, list);
      }
      const pager = () => {
        if (res.total <= PAGE) return null;
        const last = Math.min(res.total, offset + res.mentions.length);
        return h(
          'div',
          { class: 'pager', testid: 'mentions-pager' },
          h('button', { disabled: offset === 0, onclick: () => void this.loadMentions(id, box, Math.max(0, offset - PAGE), signal, range) }, '‹ Prev'),
          h('span', null, `${offset + 1}–${last} of ${res.total}`),
          h('button', { testid: 'mentions-next', disabled: last >= res.total, onclick: () => void this.loadMentions(id, box, offset + PAGE, signal, range) }, 'Next ›'),
        );
      };
      clear(
        box,
        res.mentions.length === 0 ? h('p', { class: 'muted' }, 'No mentions.') : null,
        ...[...groups.values()].map((ms) =>
          h(
            'section',
            { class: 'mention-group' },
            h(
              'header',
              null,
              h('button', { class: 'link', title: ms[0]!.document.title, onclick: () => this.actions.openDocument(ms[0]!.document.id) }, formatDoc(ms[0]!.document)),
              h('span', { class: 'muted' }, ` ${ms.length}`),
            ),
            h('div', { class: 'doc-title muted' }, ms[0]!.document.title),
            ...ms.map((m) => mentionRow(m, () => this.actions.openDocument(m.document.id, { start: m.start, end: m.end }))),
          ),
        ),
        pager(),
      );
      if (offset > 0) box.scrollIntoView({ block: 'start' });
    } catch (err) {
      this.fail(box, err);
    }
  }

  async showDocument(node: NodeData): Promise<void> {
    const signal = this.begin();
    clear(this.el, spinner());
    try {
      const { document: d, entities } = await api.document(node.id, signal);
      const top = [...entities].sort((a, b) => b.count - a.count).slice(0, 30);
      clear(
        this.el,
        h('div', { class: 'details-head', style: `--c:${nodeLook('Document').color}` }, typeBadge('Document'), h('h2', { testid: 'details-title' }, d.title)),
        h('p', { class: 'muted' }, formatDoc(d)),
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'primary', testid: 'details-read', onclick: () => this.actions.openDocument(d.id) }, 'Read the issue'),
          h('button', { testid: 'details-connect', title: 'How does this issue connect to another one?', onclick: () => this.actions.connectFrom(d.id, d.title) }, '⇄ Connect to…'),
          d.url ? h('a', { href: d.url, target: '_blank', rel: 'noopener', class: 'button' }, 'Source ↗') : null,
        ),
        h('dl', { class: 'stats' }, stat('Words', d.wordCount), stat('Mentions', d.mentionCount), stat('Entities', d.entityCount)),
        h('h4', null, 'Most mentioned'),
        h('div', { class: 'chips' }, ...top.map((e) => h('button', { class: 'chip', style: `--c:${nodeLook(e.type).color}`, onclick: () => this.actions.focus(e.id) }, e.name, h('small', null, String(e.count))))),
      );
    } catch (err) {
      this.fail(this.el, err);
    }
  }

  showOther(node: NodeData): void {
    this.begin();
    const props = Object.entries(node.properties ?? {});
    clear(
      this.el,
      h('div', { class: 'details-head' }, typeBadge(node.type), h('h2', { testid: 'details-title' }, node.label)),
      h('table', { class: 'props' }, ...props.map(([k, v]) => h('tr', null, h('th', null, k), h('td', null, typeof v === 'string' ? v : JSON.stringify(v))))),
      props.length ? null : h('p', { class: 'muted' }, 'No properties.'),
    );
  }

  async showEdge(edge: EdgeData): Promise<void> {
    const signal = this.begin();
    const look = edgeLook(edge.type);
    const src = this.actions.labelOf(edge.source);
    const tgt = this.actions.labelOf(edge.target);
    const list = h('div', { class: 'evidence', testid: 'edge-evidence' }, spinner('Loading evidence…'));
    clear(
      this.el,
      h('div', { class: 'details-head', style: `--c:${look.color}` }, h('span', { class: 'badge', style: `--c:${look.color}` }, edgeGlyph(edge.type), edge.type), h('h2', { testid: 'details-title' }, `${src} → ${tgt}`)),
      h(
        'div',
        { class: 'actions' },
        h('button', { onclick: () => this.actions.focus(edge.source) }, `◂ ${shortName(src)}`),
        h('button', { onclick: () => this.actions.focus(edge.target) }, `${shortName(tgt)} ▸`),
      ),
      h('dl', { class: 'stats' }, stat('Weight', edge.weight), stat('Evidence', edge.evidenceCount), edge.reason ? stat('Rule', edge.reason) : null),
      this.actions.curate?.edge(edge) ?? null,
      h('h4', null, 'Evidence'),
      list,
    );
    if (edge.type === 'MENTIONS' || !/^[A-Z_]+$/.test(edge.type) || edge.source.length > 300) {
      clear(list, h('p', { class: 'muted' }, edge.type === 'MENTIONS' ? 'The issue mentions this entity: open the issue to see where.' : 'No evidence for this relationship.'));
      return;
    }
    try {
      const range = this.actions.range();
      const res = await api.edges(edge.source, edge.target, edge.type === 'MENTIONS' ? undefined : edge.type, signal, rangeQuery(range));
      clear(
        list,
        range ? rangeNote(range, 'Evidence from') : null,
        res.items.length === 0 ? h('p', { class: 'muted' }, range ? 'No evidence for this edge in the time filter.' : 'No evidence recorded for this edge.') : null,
        ...res.items.map((it) =>
          h(
            'blockquote',
            { class: 'evidence-item' },
            h('p', null, ...markNames(it.evidence, [src, tgt])),
            h(
              'footer',
              null,
              h('button', { class: 'link', onclick: () => this.actions.openDocument(it.document.id, { text: it.evidence }) }, formatDoc(it.document)),
              it.reason ? h('span', { class: 'muted' }, ` · ${it.type} · ${it.reason}`) : h('span', { class: 'muted' }, ` · ${it.type}`),
            ),
          ),
        ),
        res.total > res.items.length ? h('p', { class: 'muted' }, `…and ${res.total - res.items.length} more`) : null,
      );
    } catch (err) {
      this.fail(list, err);
    }
  }
}

function rangeNote(range: DateRange, lead: string) {
  return h('p', { class: 'range-note', testid: 'details-range' }, `${lead} ${formatRange(range)} (time filter)`);
}

function shortName(s: string) {
  return s.length > 22 ? `${s.slice(0, 21)}…` : s;
}

function stat(label: string, value: string | number | Node) {
  return h('div', null, h('dt', null, label), h('dd', null, typeof value === 'number' ? value.toLocaleString('en') : value));
}

function docLink(d: { id: string; title: string; publication: string | null; issue: string | null; date: string | null }, actions: DetailsActions) {
  return h('button', { class: 'link', title: d.title, onclick: () => actions.openDocument(d.id) }, formatDoc(d));
}

function mentionRow(m: MentionItem, open: () => void): HTMLElement {
  const ex = excerpt(m.sentence, m.highlightStart, m.highlightEnd);
  const segs = highlightSegments(ex.text, [{ start: m.highlightStart - ex.offset, end: m.highlightEnd - ex.offset }]);
  return h(
    'button',
    { class: 'mention', testid: 'mention', title: 'Open the issue at this sentence', onclick: open },
    ex.cutLeft ? '…' : '',
    ...segs.map((s) => (s.span ? h('mark', null, s.text) : s.text)),
    ex.cutRight ? '…' : '',
  );
}

/** Highlights whole-word occurrences of the given names in an evidence sentence. */
function markNames(text: string, names: string[]): (string | HTMLElement)[] {
  const spans: { start: number; end: number }[] = [];
  for (const name of names) {
    if (!name) continue;
    const lower = text.toLowerCase();
    const n = name.toLowerCase();
    for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) spans.push({ start: i, end: i + n.length });
  }
  return highlightSegments(text, spans).map((s) => (s.span ? h('mark', null, s.text) : s.text));
}
