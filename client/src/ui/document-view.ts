/** The whole issue, every entity mention highlighted in its type's colour and clickable (focuses that entity). */
import type { DocumentDetail } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { highlightSegments } from '../model/highlight.ts';
import { nodeLook } from '../model/palette.ts';
import { shapeGlyph } from './badges.ts';
import type { DocAnchor } from './details.ts';
import { clear, errorBox, formatDoc, h, spinner } from './dom.ts';

export class DocumentView {
  readonly el: HTMLElement;
  private readonly body = h('div', { class: 'doc-body' });
  private ctrl: AbortController | null = null;
  private lastFocus: Element | null = null;
  currentId: string | null = null;

  constructor(
    private readonly onEntity: (id: string) => void,
    /** "Connect to another issue" from the open issue (the Connect tab, this issue as its first end). */
    private readonly onConnect?: (id: string, title: string) => void,
  ) {
    this.el = h(
      'div',
      { class: 'doc-overlay', hidden: true, testid: 'document-view', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Issue', onclick: (e: MouseEvent) => e.target === this.el && this.close() },
      h('div', { class: 'doc-panel' }, this.body),
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.el.hidden) this.close();
    });
  }

  close(): void {
    this.ctrl?.abort();
    this.el.hidden = true;
    this.currentId = null;
    if (this.lastFocus instanceof HTMLElement) this.lastFocus.focus();
  }

  async open(id: string, at?: DocAnchor): Promise<void> {
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    const signal = this.ctrl.signal;
    this.lastFocus = document.activeElement;
    this.el.hidden = false;
    this.currentId = id;
    clear(this.body, this.header(null), spinner('Loading issue…'));
    try {
      const doc = await api.document(id, signal);
      this.render(doc, at);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      clear(this.body, this.header(null), errorBox(err instanceof ApiError ? err.message : String(err)));
    }
  }

  private header(doc: DocumentDetail | null): HTMLElement {
    return h(
      'header',
      { class: 'doc-head' },
      h('div', null, h('h2', null, doc?.document.title ?? 'Issue'), doc ? h('p', { class: 'muted' }, formatDoc(doc.document), ` · ${doc.document.wordCount.toLocaleString('en')} words · ${doc.mentions.length} mentions`) : null),
      h(
        'div',
        { class: 'doc-head-actions' },
        doc && this.onConnect
          ? h('button', { testid: 'document-connect', title: 'How does this issue connect to another one?', onclick: () => (this.close(), this.onConnect!(doc.document.id, doc.document.title)) }, '⇄ Connect to another issue')
          : null,
        h('button', { class: 'icon', title: 'Close (Esc)', 'aria-label': 'Close', testid: 'document-close', onclick: () => this.close() }, '✕'),
      ),
    );
  }

  private render(doc: DocumentDetail, at?: DocAnchor) {
    const typeOf = new Map(doc.entities.map((e) => [e.id, e]));
    const text = doc.document.text;
    let mentionAnchor: { start: number; end: number } | null = null;
    let sentenceAnchor: { start: number; end: number } | null = null;
    if (at && 'start' in at) mentionAnchor = at;
    else if (at && 'text' in at && at.text) {
      const i = text.indexOf(at.text);
      if (i !== -1) sentenceAnchor = { start: i, end: i + at.text.length };
    }
    const segs = highlightSegments(
      text,
      doc.mentions.map((m) => ({ start: m.start, end: m.end, ref: m.entityId })),
    );
    const textBox = h('div', { class: 'doc-text', testid: 'document-text' });
    let target: HTMLElement | null = null;
    const frag = document.createDocumentFragment();
    for (const s of segs) {
      if (!s.span) {
        // Evidence sentences (no mention offsets) are outlined as plain text ranges.
        const sa = sentenceAnchor;
        if (sa && s.start < sa.end && sa.start < s.end) {
          const a = Math.max(s.start, sa.start) - s.start, b = Math.min(s.end, sa.end) - s.start;
          frag.append(s.text.slice(0, a));
          const span = h('span', { class: 'doc-anchor' }, s.text.slice(a, b));
          target ??= span;
          frag.append(span, s.text.slice(b));
        } else frag.append(s.text);
        continue;
      }
      const ent = typeOf.get(s.span.ref ?? '');
      const color = nodeLook(ent?.type ?? '').color;
      const isAnchor = !!mentionAnchor && s.start <= mentionAnchor.start && mentionAnchor.end <= s.end;
      const inSentence = !!sentenceAnchor && s.start < sentenceAnchor.end && sentenceAnchor.start < s.end;
      const mark = h(
        'button',
        {
          class: `ent${isAnchor ? ' anchor' : ''}${inSentence ? ' in-anchor' : ''}`,
          style: `--c:${color}`,
          title: ent ? `${ent.name} · ${ent.type} — click to focus` : s.span.ref,
          testid: 'doc-entity',
          dataset: { entity: s.span.ref ?? '' },
          onclick: () => {
            if (!s.span?.ref) return;
            this.close();
            this.onEntity(s.span.ref);
          },
        },
        s.text,
      );
      if (isAnchor) target = mark;
      frag.append(mark);
    }
    textBox.append(frag);
    const byType = new Map<string, typeof doc.entities>();
    for (const e of [...doc.entities].sort((a, b) => b.count - a.count)) {
      const list = byType.get(e.type) ?? [];
      list.push(e);
      byType.set(e.type, list);
    }
    clear(
      this.body,
      this.header(doc),
      h(
        'div',
        { class: 'doc-main' },
        textBox,
        h(
          'aside',
          { class: 'doc-entities' },
          h('h4', null, `Entities (${doc.entities.length})`),
          ...[...byType].map(([type, list]) =>
            h(
              'div',
              { class: 'doc-etype' },
              h('div', { class: 'doc-etype-head' }, shapeGlyph(type, 11), ` ${type}`),
              ...list.map((e) =>
                h('button', { class: 'chip', style: `--c:${nodeLook(type).color}`, onclick: () => (this.close(), this.onEntity(e.id)) }, e.name, h('small', null, String(e.count))),
              ),
            ),
          ),
        ),
      ),
    );
    if (target) {
      const t = target;
      requestAnimationFrame(() => t.scrollIntoView({ block: 'center' }));
      t.classList.add('flash');
    }
  }
}
