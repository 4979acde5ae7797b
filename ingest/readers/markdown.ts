import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { StructureSpan } from '../model.ts';
import { htmlInto } from './html.ts';
import { pandocPass } from './pandoc.ts';
import { TextBuilder } from './text-builder.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/**
 * Markdown to plain text and a structure table, on markdown-it (CommonMark + GFM tables and strikethrough, with
 * markdown-it-footnote). Pandoc's fenced divs and attribute blocks are removed first (./pandoc.ts). Layout of the
 * text, which the extractor's line rules rely on:
 *   - paragraphs, headings and blockquotes are blocks separated by a blank line; a soft break is a space;
 *   - list items are lines starting with "• " (or "N. "), table cells a line each, a row's bold lead-in
 *     ("1) **Title** - description") a line of its own;
 *   - images, raw HTML tags, footnote markers and attribute blocks leave no text; footnote bodies follow the body.
 */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);

/** Link targets that are page furniture, not a reference: their visible text is dropped with them. */
const FOOTNOTE_HREF = /^#(?:footnote|fn|ref)[-:]?(?:anchor[-:])?\d+$/i;

const JSON_OBJECT = /\{"[^"{}]*"\s*:(?:[^{}]|\{[^{}]*\})*\}/g;

interface State {
  b: TextBuilder;
  /** Open inline spans (links, emphasis), closed by their *_close token. */
  inline: StructureSpan[];
  /** Open block spans (headings, items, cells, quotes). */
  blocks: StructureSpan[];
  /** Ordered-list counters, innermost last (null for bullet lists). */
  lists: Array<number | null>;
  /** Inside a table cell whose bold lead-in just closed: the next text starts a new line. */
  leadClosed: boolean;
  /** Depth of links whose text is dropped (footnote references). */
  droppedLink: number;
}

function renderInline(children: Token[], st: State): void {
  const { b } = st;
  for (const t of children) {
    switch (t.type) {
      case 'text': {
        if (st.droppedLink > 0) break;
        // A JSON object pasted into prose (an error payload, an embed's attributes) is markup, not language.
        // A truncated one (no closing brace) runs to the end of its text run.
        let s = t.content.includes('{"') ? t.content.replace(JSON_OBJECT, '').replace(/\{"[^"{}]*"\s*:.*$/s, '') : t.content;
        if (st.leadClosed) {
          st.leadClosed = false;
          const rest = s.replace(/^\s*[-–—:]?\s*/, '');
          if (rest) {
            b.lineBreak();
            s = rest;
          } else if (s.trim() === '') {
            st.leadClosed = true;
            break;
          }
        }
        b.text(s);
        break;
      }
      case 'code_inline': {
        const span = b.open('inline-code');
        b.text(t.content);
        b.close(span);
        break;
      }
      case 'softbreak':
        b.text(' ');
        break;
      case 'hardbreak':
        b.lineBreak();
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        if (FOOTNOTE_HREF.test(href) || st.droppedLink > 0) {
          st.droppedLink++;
          st.inline.push({ kind: 'link', start: -1, end: -1 });
        } else st.inline.push(b.open('link', { href }));
        break;
      }
      case 'link_close': {
        const span = st.inline.pop();
        if (span && span.start < 0) st.droppedLink--;
        else if (span) b.close(span);
        break;
      }
      case 'em_open':
        st.inline.push(b.open('emphasis'));
        break;
      case 'strong_open':
        st.inline.push(b.open('strong'));
        break;
      case 'em_close':
      case 'strong_close': {
        const span = st.inline.pop();
        if (span) b.close(span);
        // "1) **Title** - description" in a table cell: the bold title is a line of its own.
        if (t.type === 'strong_close' && span && st.blocks.at(-1)?.kind === 'table-cell') {
          const cell = st.blocks.at(-1)!;
          if (/^(?:\d{1,3}\)\s*)?$/.test(st.b.slice(cell.start, span.start))) st.leadClosed = true;
        }
        break;
      }
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) b.lineBreak();
        break;
      // Images, footnote references and anything else inline leave no text.
      default:
        break;
    }
  }
  st.leadClosed = false;
}

const BLOCK_OF: Record<string, StructureSpan['kind']> = {
  heading_open: 'heading',
  blockquote_open: 'blockquote',
  list_item_open: 'list-item',
  th_open: 'table-cell',
  td_open: 'table-cell',
};

function renderBlocks(tokens: Token[], st: State): void {
  const { b } = st;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'inline':
        renderInline(t.children ?? [], st);
        break;
      case 'paragraph_open': {
        // A list item's (or cell's, quote's) first paragraph stays on its line, loose list or not.
        const open = st.blocks.at(-1);
        if (!t.hidden && !(open && open.start === b.length && !b.atLineStart())) b.block('\n\n');
        break;
      }
      case 'paragraph_close':
        if (!t.hidden) b.block('\n\n');
        break;
      case 'heading_open':
        b.block('\n\n');
        st.blocks.push(b.open('heading', { level: Number(t.tag.slice(1)) || 1 }));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        b.block(st.lists.length ? '\n' : '\n\n');
        st.lists.push(t.type === 'ordered_list_open' ? Number(t.attrGet('start') ?? 1) : null);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        st.lists.pop();
        b.block(st.lists.length ? '\n' : '\n\n');
        break;
      case 'list_item_open': {
        b.block('\n');
        const n = st.lists.at(-1);
        b.text(n === null || n === undefined ? '• ' : `${n}. `);
        if (typeof n === 'number') st.lists[st.lists.length - 1] = n + 1;
        st.blocks.push(b.open('list-item'));
        break;
      }
      case 'blockquote_open':
        b.block('\n\n');
        st.blocks.push(b.open('blockquote'));
        break;
      case 'th_open':
      case 'td_open':
        b.block('\n');
        st.blocks.push(b.open('table-cell'));
        break;
      case 'tr_close':
        b.block('\n');
        break;
      case 'table_open':
      case 'table_close':
        b.block('\n\n');
        break;
      case 'fence':
      case 'code_block': {
        b.block('\n\n');
        const span = b.open('code');
        b.text(t.content.replace(/^\n+|\n+$/g, ''));
        b.close(span);
        b.block('\n\n');
        break;
      }
      case 'html_block':
        b.block('\n\n');
        htmlInto(t.content, b);
        b.block('\n\n');
        break;
      case 'hr':
        b.block('\n\n');
        break;
      case 'footnote_block_open':
        b.block('\n\n');
        break;
      case 'footnote_open':
        b.block('\n\n');
        st.blocks.push(b.open('footnote'));
        break;
      default:
        if (t.type.endsWith('_close') && (BLOCK_OF[t.type.replace(/_close$/, '_open')] || t.type === 'footnote_close')) {
          const span = st.blocks.pop();
          if (span) b.close(span);
          b.block(t.type === 'td_close' || t.type === 'th_close' || t.type === 'list_item_close' ? '\n' : '\n\n');
        }
        break;
    }
  }
}

export function renderMarkdown(markdown: string, b: TextBuilder): void {
  const { markdown: body, footnotes } = pandocPass(markdown);
  const st: State = { b, inline: [], blocks: [], lists: [], leadClosed: false, droppedLink: 0 };
  renderBlocks(md.parse(body, {}), st);
  for (const note of footnotes) {
    b.block('\n\n');
    const span = b.open('footnote');
    renderBlocks(md.parse(note, {}), st);
    b.close(span);
  }
}

export function markdownToText(markdown: string): { text: string; structure: StructureSpan[] } {
  const b = new TextBuilder();
  renderMarkdown(markdown, b);
  return b.finish();
}
