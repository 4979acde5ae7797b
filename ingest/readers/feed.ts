import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentRecord, StructureSpan } from '../model.ts';
import { makeDocument } from './document.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { tidyText } from './plain.ts';

export type FeedOutcome = { kind: 'document'; doc: DocumentRecord } | { kind: 'skipped'; path: string; reason: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

/** Feed fields come as strings, numbers, `{ '#text': ... }` wrappers or arrays of those. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  return '';
}

function link(value: unknown): string | null {
  if (!Array.isArray(value)) return text(value) || null;
  const links = value as unknown[];
  const alternate = links.find((l) => typeof l === 'object' && l !== null && ((l as Node)['@_rel'] ?? 'alternate') === 'alternate');
  const chosen = alternate ?? links[0];
  if (typeof chosen === 'object' && chosen !== null && (chosen as Node)['@_href']) return String((chosen as Node)['@_href']);
  return text(chosen) || null;
}

function body(raw: string): { text: string; structure: StructureSpan[] } {
  return looksLikeHtml(raw) ? htmlToText(raw) : { text: tidyText(raw), structure: [] };
}

export function isFeed(source: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/.test(source.slice(0, 4096));
}

/** One document per item; a broken item is reported and skipped, the rest still come through. */
export function readFeed(source: string, path: string): FeedOutcome[] {
  const valid = XMLValidator.validate(source);
  if (valid !== true) return [{ kind: 'skipped', path, reason: `invalid XML feed: ${valid.err.msg} (line ${valid.err.line})` }];
  const root = parser.parse(source) as Node;
  const rss = (root.rss as Node | undefined)?.channel as Node | undefined;
  const rdf = root['rdf:RDF'] as Node | undefined;
  const atom = root.feed as Node | undefined;
  const channel = rss ?? (rdf?.channel as Node | undefined) ?? atom;
  if (!channel) return [{ kind: 'skipped', path, reason: 'not an RSS or Atom feed (no channel/feed element)' }];
  const publication = text(channel.title).trim() || null;
  const items = ((rss ? rss.item : rdf ? rdf.item : atom?.entry) ?? []) as Node[];
  if (items.length === 0) return [{ kind: 'skipped', path, reason: 'feed has no items' }];
  return items.map((item, index): FeedOutcome => {
    const itemPath = `${path}#item-${index + 1}`;
    const title = text(item.title).replace(/\s+/g, ' ').trim();
    const raw = text(item['content:encoded']) || text(item.content) || text(item.description) || text(item.summary);
    const { text: content, structure } = raw ? body(raw) : { text: '', structure: [] };
    if (!title && !content) return { kind: 'skipped', path: itemPath, reason: 'feed item has neither title nor content' };
    if (!content) return { kind: 'skipped', path: itemPath, reason: `feed item "${title}" has no content` };
    const date = text(item.pubDate) || text(item.published) || text(item.updated) || text(item['dc:date']);
    // The title heads the text (as a heading span) unless the content already starts with it.
    const prefix = title && !content.startsWith(title) ? `${title}\n\n` : '';
    const spans = prefix
      ? [{ kind: 'heading' as const, start: 0, end: title.length, level: 1 }, ...structure.map((s) => ({ ...s, start: s.start + prefix.length, end: s.end + prefix.length }))]
      : structure;
    const guid = text(item.guid) || text(item.id) || null;
    const doc = makeDocument(itemPath, { text: prefix + content, structure: spans }, {
      title: title || null,
      publication,
      date: date ? (Number.isNaN(Date.parse(date)) ? date : new Date(date).toISOString().slice(0, 10)) : null,
      url: link(item.link) ?? (guid && /^https?:\/\//.test(guid) ? guid : null),
      postId: guid,
    });
    return { kind: 'document', doc };
  });
}
