import { parse as parseYaml } from 'yaml';
import { FACT_FIELDS, type DocumentFact, type FactField } from '../model.ts';

/**
 * Front matter: YAML first; when the YAML is broken (a title with unescaped quotes is the common case) a lenient
 * reading of plain `key: value` and `- item` lines, with a warning. The body is always kept.
 */
export interface FrontMatter {
  title?: string;
  date?: string;
  publication?: string;
  issue?: string;
  /** A canonical URL of the issue. */
  url?: string;
  /** A publisher's own id of the post (Substack `post_id`, a feed `guid`): unique per issue. */
  postId?: string;
  facts: DocumentFact[];
}

export interface SplitFrontMatter {
  meta: FrontMatter;
  body: string;
  warnings: string[];
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Which keys fill which field, first match wins. A bare `id` is not trusted: archives reuse it across issues. */
const FIELD_KEYS: Record<Exclude<keyof FrontMatter, 'facts'>, string[]> = {
  title: ['title'],
  date: ['date', 'published', 'pubDate', 'publish_date', 'created'],
  publication: ['publication', 'newsletter', 'podcast', 'publisher', 'site', 'blog'],
  issue: ['issue', 'edition', 'episode', 'number'],
  url: ['canonical_url', 'canonical', 'url', 'permalink', 'link'],
  postId: ['post_id', 'guid', 'uuid'],
};

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  return undefined;
}

/** `- name`, `- {user: name}`, `name` or a comma-separated string: the names a list field gives. */
function listValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(listValues);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return listValues(o.name ?? o.user ?? o.handle ?? o.username ?? o.id);
  }
  const s = scalar(value);
  return s ? s.split(/\s*,\s*/).filter(Boolean) : [];
}

function fromRecord(record: Record<string, unknown>): FrontMatter {
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  const pick = (keys: string[]) => {
    for (const k of keys) {
      const v = scalar(lower.get(k.toLowerCase()));
      if (v) return v;
    }
    return undefined;
  };
  const meta: FrontMatter = { facts: [] };
  for (const [field, keys] of Object.entries(FIELD_KEYS) as Array<[keyof typeof FIELD_KEYS, string[]]>) meta[field] = pick(keys);
  if (meta.url && !/^https?:\/\//i.test(meta.url)) meta.url = undefined;
  for (const field of Object.keys(FACT_FIELDS) as FactField[]) {
    const seen = new Set<string>();
    for (const value of listValues(lower.get(field))) {
      const v = value.replace(/^@/, '').trim();
      if (!v || v.length > 120 || seen.has(v.toLowerCase())) continue;
      seen.add(v.toLowerCase());
      meta.facts.push({ field, value: v, reason: `front-matter-${field}` });
    }
  }
  return meta;
}

const unquote = (s: string) => {
  const t = s.trim();
  return /^(["']).*\1$/s.test(t) && t.length >= 2 ? t.slice(1, -1) : t;
};

/** The lenient reading: top-level `key: value` lines, and `- item` lines under a key with no value. */
export function lenientFrontMatter(block: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of block.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const value = unquote(item[1]!.replace(/^(?:user|name|handle):\s*/, ''));
      if (value) (record[listKey] as string[]).push(value);
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const [, key, rest] = kv;
    if (rest!.trim() === '' || rest!.trim() === '>-' || rest!.trim() === '|') {
      listKey = key!;
      record[key!] = [];
    } else {
      listKey = null;
      record[key!] = unquote(rest!);
    }
  }
  return record;
}

export function splitFrontMatter(source: string): SplitFrontMatter {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { meta: { facts: [] }, body: source.replace(/^\uFEFF/, ''), warnings: [] };
  const block = m[1] ?? '';
  const body = source.slice(m[0].length);
  let data: unknown;
  try {
    data = parseYaml(block);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    return { meta: fromRecord(lenientFrontMatter(block)), body, warnings: [`front matter is not valid YAML (${why}); read leniently`] };
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { meta: fromRecord(lenientFrontMatter(block)), body, warnings: ['front matter is not a YAML mapping; read leniently'] };
  }
  return { meta: fromRecord((data ?? {}) as Record<string, unknown>), body, warnings: [] };
}
