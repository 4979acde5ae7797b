import { parse as parseYaml } from 'yaml';
import { tidyText } from './plain.ts';

export interface FrontMatter {
  title?: string;
  date?: string;
  publication?: string;
  issue?: string;
  url?: string;
}

export type SplitFrontMatter = { ok: true; meta: FrontMatter; body: string } | { ok: false; reason: string };

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  return undefined;
}

export function splitFrontMatter(source: string): SplitFrontMatter {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { ok: true, meta: {}, body: source };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch (error) {
    return { ok: false, reason: `broken front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return { ok: false, reason: 'broken front matter: expected a YAML mapping' };
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const meta: FrontMatter = {
    title: scalar(record.title),
    date: scalar(record.date),
    publication: scalar(record.publication ?? record.newsletter ?? record.podcast),
    issue: scalar(record.issue ?? record.edition ?? record.episode),
    url: scalar(record.url ?? record.link),
  };
  return { ok: true, meta, body: source.slice(m[0].length) };
}

/** Inline markup rewrites, applied in order; link targets leave the prose but stay countable. */
const INLINE_RULES: Array<[RegExp, string]> = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))+(?:\s+"[^"]*")?\)/g, '$1'],
  [/<(https?:\/\/[^>\s]+)>/g, '$1'],
  [/<br\s*\/?>/gi, '\n'],
  [/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/gi, ''],
  [/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2'],
  [/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:!?]|$)/g, '$1$2'],
  [/`([^`\n]+)`/g, '$1'],
  [/\\([\\`*_{}[\]()#+\-.!|&<>~])/g, '$1'],
  [/&nbsp;/g, ' '],
  [/&amp;/g, '&'],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
];

function inline(text: string): string {
  let out = text;
  for (const [pattern, replacement] of INLINE_RULES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * "1) **Title** - description": the bold lead-in is a heading of its own, so it gets its own line
 * instead of blending into the description once the asterisks are gone.
 */
function boldLead(cell: string): string[] {
  const m = /^(\d{1,3}\)\s*)?\*\*([^*]+?)\*\*\s*[-–—:]?\s*(.*)$/.exec(cell);
  if (!m) return [cell];
  return m[3] ? [`${m[1] ?? ''}${m[2]}`, m[3]] : [`${m[1] ?? ''}${m[2]}`];
}

const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * Markdown to plain text, line by line. Table rows become one line per non-empty cell, so the
 * first cell of a "1) Title  description" row keeps its own line; double spaces inside a line are
 * kept because newsletters use them as the title/description boundary.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(raw);
      continue;
    }
    if (TABLE_SEPARATOR.test(raw) && raw.includes('-') && raw.includes('|')) continue;
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      for (const cell of tableCells(raw)) if (cell) lines.push(...boldLead(cell).map((part) => inline(part).trim()));
      continue;
    }
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*[-*+]\s+(?=\S)/, '• ');
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) line = '';
    lines.push(inline(line));
  }
  return tidyText(lines.join('\n').replace(/\n[ \t]+/g, '\n'));
}
