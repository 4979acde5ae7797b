import { MONTH_NAME, isoDate, monthNumber, parseDate } from './dates.ts';

/**
 * Metadata read from the opening lines and the file name when a document has no front matter.
 * Each rule is data: a pattern over the first lines and the fields its groups fill.
 */
export interface InferredMeta {
  title: string | null;
  publication: string | null;
  issue: string | null;
  date: string | null;
}

type Field = 'title' | 'publication' | 'issue' | 'date' | 'year';

interface LineRule {
  /** Which of the first lines it looks at: the first non-empty one, or any of the first few. */
  scope: 'first' | 'head';
  pattern: RegExp;
  groups: Partial<Record<Field, number>>;
  reason: string;
}

const LINE_RULES: LineRule[] = [
  {
    scope: 'first',
    pattern: /^(.+?)\s+[-–—|]\s+(?:[^\p{L}\p{N}\s]+\s*)?((?:The\s+)?[\p{Lu}][\p{L}\p{N}' ]{1,50}?)\s+(?:Edition|Issue|Episode|Ep\.|No\.)\s*#?\s*(\d+)\s*$/u,
    groups: { title: 1, publication: 2, issue: 3 },
    reason: 'title-suffix-edition',
  },
  {
    scope: 'first',
    pattern: /^([\p{Lu}][\p{L}\p{N}' ]{1,40}?)\s+(?:Edition|Issue|Episode|No\.)\s*#?\s*(\d+)\s*[:\-–—|]\s*(.+)$/u,
    groups: { publication: 1, issue: 2, title: 3 },
    reason: 'edition-prefix',
  },
  {
    scope: 'first',
    pattern: new RegExp(`^(.{3,80}?)\\s*\\(${MONTH_NAME}\\.? (\\d{1,2})\\s*[-–]\\s*(?:[A-Za-z]+\\.? )?\\d{1,2}\\)(?:\\s*[-–,]\\s*(\\d{4}))?\\s*$`),
    groups: { publication: 1, year: 4 },
    reason: 'weekly-range-heading',
  },
  {
    scope: 'first',
    pattern: /^([\p{Lu}][\p{L}\p{N}'&]*(?: [\p{Lu}][\p{L}\p{N}'&]*){0,4}): (?:The )?[^:]*\b(?:Podcast|Show|Radio)\b[^:]*?\s[-–—|]\s(.+)$/u,
    groups: { publication: 1, title: 2 },
    reason: 'podcast-name-prefix',
  },
  {
    scope: 'head',
    pattern: /\bThis week in ((?:the )?[\p{Lu}][\p{L}\p{N}' ]{1,40}?)\s*[:!.]/u,
    groups: { publication: 1 },
    reason: 'welcome-this-week-in',
  },
  {
    scope: 'head',
    pattern: /\b(?:Edition|Issue|Episode)\s*#?\s*(\d+)\b/,
    groups: { issue: 1 },
    reason: 'issue-number',
  },
  {
    scope: 'head',
    pattern: new RegExp(`\\b(?:Episode Date|Published|Date|Posted)\\s*:\\s*(${MONTH_NAME}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{4}-\\d{2}-\\d{2})`, 'i'),
    groups: { date: 1 },
    reason: 'dated-line',
  },
];

/** A short opening line naming a newsletter ("AI Research Digest") rather than an article. */
const MASTHEAD = /^(?:The )?[\p{Lu}][\p{L}\p{N}&' ]{1,40}\b(?:Digest|Newsletter|Weekly|Watch|Roundup|Bulletin|Briefing|Dispatch|Gazette|Report)$/u;

function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) out.push(t);
    if (out.length >= count) break;
  }
  return out;
}

/** "001_2025_June-23-June-29.md", "130_y2023_Jan-1-8.md", "2025-07-31-notes.md". */
export function dateFromFileName(name: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = new RegExp(`(?:^|[_\\-])y?(\\d{4})[_\\-]${MONTH_NAME}[a-z]*[_\\-](\\d{1,2})\\b`, 'i').exec(name);
  if (m) return isoDate(Number(m[1]), monthNumber(m[2]!) ?? 0, Number(m[3]));
  return null;
}

export function inferMetadata(text: string, fileName: string): InferredMeta {
  const head = firstLines(text, 8);
  const first = head[0] ?? '';
  const meta: InferredMeta = { title: null, publication: null, issue: null, date: null };
  let year: string | null = null;
  let rangeStart: { month: number; day: number } | null = null;
  for (const rule of LINE_RULES) {
    const lines = rule.scope === 'first' ? [first] : head;
    for (const line of lines) {
      const m = rule.pattern.exec(line);
      if (!m) continue;
      const pick = (field: Field) => {
        const index = rule.groups[field];
        return index === undefined ? undefined : m[index]?.trim();
      };
      meta.title ??= pick('title') ?? null;
      meta.publication ??= pick('publication') ?? null;
      meta.issue ??= pick('issue') ?? null;
      const date = pick('date');
      if (date) meta.date ??= parseDate(date);
      year ??= pick('year') ?? null;
      if (rule.reason === 'weekly-range-heading' && m[2] && m[3]) rangeStart = { month: monthNumber(m[2]) ?? 0, day: Number(m[3]) };
      break;
    }
  }
  if (!meta.publication && MASTHEAD.test(first) && head.length > 1) {
    meta.publication = first;
    meta.title ??= head[1] ?? null;
  }
  const fileDate = dateFromFileName(fileName);
  if (!meta.date && rangeStart) {
    const y = year ?? fileDate?.slice(0, 4) ?? null;
    if (y) meta.date = isoDate(Number(y), rangeStart.month, rangeStart.day);
  }
  meta.date ??= fileDate;
  meta.title ??= first.slice(0, 300) || null;
  return meta;
}
