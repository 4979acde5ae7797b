import { Parser } from 'htmlparser2';
import type { StructureKind, StructureSpan } from '../model.ts';
import { TextBuilder } from './text-builder.ts';

/** Elements whose boundaries are line breaks in the plain text; `p`-like ones a blank line. */
const LINE_TAGS = new Set(['br', 'dd', 'dt', 'li', 'tr', 'td', 'th', 'figcaption', 'caption', 'option']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'body',
  'html', 'title',
]);
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'button', 'form']);

/** Which elements become which structure spans. */
const SPAN_OF: Record<string, StructureKind> = {
  a: 'link',
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
  blockquote: 'blockquote',
  pre: 'code',
  code: 'inline-code',
};

export interface HtmlText {
  title: string | null;
  text: string;
  structure: StructureSpan[];
}

/**
 * Streams the markup through htmlparser2's event parser into the builder: nesting depth only costs a counter,
 * so pathologically deep documents cannot overflow the stack. Returns the page's <title> (or first <h1>).
 */
export function htmlInto(html: string, b: TextBuilder): string | null {
  let dropped = 0;
  let pre = 0;
  let inTitle = false;
  let title = '';
  let heading = '';
  let inHeading = false;
  const open: Array<{ name: string; span: StructureSpan | null }> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (DROPPED_TAGS.has(name)) dropped++;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && !heading) inHeading = true;
        if (dropped > 0) return;
        if (name === 'pre') pre++;
        if (BLOCK_TAGS.has(name)) b.block('\n\n');
        else if (LINE_TAGS.has(name)) b.block('\n');
        if (name === 'br') b.lineBreak();
        if (name === 'li') b.text('• ');
        const kind = SPAN_OF[name];
        if (kind && !(kind === 'inline-code' && pre > 0)) {
          const extra = kind === 'link' ? { href: attrs.href ?? '' } : kind === 'heading' ? { level: Number(name.slice(1)) } : {};
          open.push({ name, span: b.open(kind, extra) });
        } else if (kind) open.push({ name, span: null });
      },
      ontext(data) {
        if (inTitle) title += data;
        if (dropped > 0) return;
        if (inHeading) heading += data;
        b.text(pre > 0 ? data : data.replace(/\s+/g, ' ').replace(/\u00a0/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inHeading = false;
        if (DROPPED_TAGS.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (SPAN_OF[name]) {
          const at = open.map((o) => o.name).lastIndexOf(name);
          if (at >= 0) {
            const [entry] = open.splice(at, 1);
            if (entry?.span) b.close(entry.span);
          }
        }
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCK_TAGS.has(name)) b.block('\n\n');
        else if (LINE_TAGS.has(name) && name !== 'br') b.block('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  for (const o of open) if (o.span) b.close(o.span);
  const best = (title.trim() || heading.trim()).replace(/\s+/g, ' ');
  return best || null;
}

export function htmlToText(html: string): HtmlText {
  const b = new TextBuilder();
  const title = htmlInto(html, b);
  return { title, ...b.finish() };
}

/** Cheap check used by feed readers: item bodies are often HTML fragments, sometimes plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s>/]/i.test(text);
}
