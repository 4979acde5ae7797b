import { Parser } from 'htmlparser2';
import { tidyText } from './plain.ts';

/** Elements whose boundaries are line breaks in the plain text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html', 'title',
]);
const CELL_TAGS = new Set(['td', 'th']);
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

export interface HtmlText {
  title: string | null;
  text: string;
}

/**
 * Streams the markup through htmlparser2's event parser: nesting depth only costs a counter, so
 * pathologically deep documents cannot overflow the stack.
 */
export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let dropped = 0;
  let inTitle = false;
  let title = '';
  let heading = '';
  let inHeading = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED_TAGS.has(name)) dropped++;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && !heading) inHeading = true;
        if (BLOCK_TAGS.has(name)) out.push('\n');
        else if (CELL_TAGS.has(name)) out.push('  ');
      },
      ontext(data) {
        if (inTitle) title += data;
        if (dropped > 0) return;
        if (inHeading) heading += data;
        out.push(data.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (DROPPED_TAGS.has(name)) dropped = Math.max(0, dropped - 1);
        if (name === 'title') inTitle = false;
        if (name === 'h1') inHeading = false;
        if (BLOCK_TAGS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = tidyText(out.join('').replace(/[ \t]*\n[ \t]*/g, '\n'));
  const best = (title.trim() || heading.trim()).replace(/\s+/g, ' ');
  return { title: best || null, text };
}

/** Cheap check used by feed readers: item bodies are often HTML fragments, sometimes plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s>/]/i.test(text);
}
