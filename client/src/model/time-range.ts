/**
 * The time filter as data: a range of days, the archive's issues binned into a histogram the slider moves over,
 * the mapping between slider positions and days, and the labels. Pure (no DOM).
 */

/** Both days included, YYYY-MM-DD; either bound may be missing (open-ended). */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface DayCount {
  date: string;
  count: number;
}

export type BinUnit = 'day' | 'week' | 'month';

export interface HistogramBin {
  /** First and last day of the bin, YYYY-MM-DD (inclusive). */
  start: string;
  end: string;
  count: number;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDay = (s: unknown): s is string => typeof s === 'string' && ISO_DAY.test(s) && dayMs(s) !== null;

function dayMs(s: string): number | null {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s ? null : t;
}
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => iso(dayMs(day)! + n * DAY_MS);
export const daysBetween = (a: string, b: string) => Math.round((dayMs(b)! - dayMs(a)!) / DAY_MS);

/** A range is "nothing filtered" when it has no bound. */
export const isEmptyRange = (r: DateRange | null | undefined): boolean => !r || (!r.from && !r.to);

/** Cleans a range from outside (URL, inputs): invalid days dropped, bounds swapped into order; null when empty. */
export function normalizeRange(r: DateRange | null | undefined): DateRange | null {
  if (!r) return null;
  let from = isIsoDay(r.from) ? r.from : undefined;
  let to = isIsoDay(r.to) ? r.to : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  return from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : null;
}

export const sameRange = (a: DateRange | null | undefined, b: DateRange | null | undefined) => (a?.from ?? '') === (b?.from ?? '') && (a?.to ?? '') === (b?.to ?? '');

/** The unit that keeps a span of days under `maxBins` bars: days, then ISO weeks (Monday first), then months. */
export function binUnit(first: string, last: string, maxBins = 60): BinUnit {
  const days = daysBetween(first, last) + 1;
  if (days <= maxBins) return 'day';
  if (Math.ceil(days / 7) + 1 <= maxBins) return 'week';
  return 'month';
}

function binStart(day: string, unit: BinUnit): string {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  const dow = (new Date(dayMs(day)!).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -dow);
}
function nextStart(start: string, unit: BinUnit): string {
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Contiguous bins from the first to the last dated issue (empty ones included, so gaps show), in the unit
 * binUnit picks. Days that are not real YYYY-MM-DD dates are ignored.
 */
export function histogram(days: readonly DayCount[], maxBins = 60): { unit: BinUnit; bins: HistogramBin[] } {
  const valid = days.filter((d) => isIsoDay(d.date) && d.count > 0).sort((a, b) => a.date.localeCompare(b.date));
  if (!valid.length) return { unit: 'day', bins: [] };
  const first = valid[0]!.date, last = valid[valid.length - 1]!.date;
  const unit = binUnit(first, last, maxBins);
  const bins: HistogramBin[] = [];
  const index = new Map<string, HistogramBin>();
  for (let s = binStart(first, unit), guard = 0; s <= last && guard < 5000; s = nextStart(s, unit), guard++) {
    const bin = { start: s, end: addDays(nextStart(s, unit), -1), count: 0 };
    bins.push(bin);
    index.set(s, bin);
  }
  for (const d of valid) index.get(binStart(d.date, unit))!.count += d.count;
  return { unit, bins };
}

/** Slider positions [i, j] (bin indices) for a range: the bins its bounds fall in; the ends when open. */
export function rangeToIndices(bins: readonly HistogramBin[], range: DateRange | null): [number, number] {
  if (!bins.length) return [0, 0];
  const last = bins.length - 1;
  const find = (day: string) => {
    const i = bins.findIndex((b) => day <= b.end);
    return i === -1 ? last : i;
  };
  const i = range?.from ? find(range.from) : 0;
  const j = range?.to ? (range.to < bins[0]!.start ? 0 : find(range.to)) : last;
  return [Math.min(i, j), Math.max(i, j)];
}

/** The range for slider positions: null when they span every bin (no filter). */
export function indicesToRange(bins: readonly HistogramBin[], i: number, j: number): DateRange | null {
  if (!bins.length) return null;
  const last = bins.length - 1;
  const a = Math.max(0, Math.min(last, Math.min(i, j))), b = Math.max(0, Math.min(last, Math.max(i, j)));
  if (a === 0 && b === last) return null;
  return { from: bins[a]!.start, to: bins[b]!.end };
}

/** Issues inside a range, from the per-day counts (undated ones never are once a bound is set). */
export function countInRange(days: readonly DayCount[], range: DateRange | null): number {
  return days.filter((d) => (!range?.from || d.date >= range.from) && (!range?.to || d.date <= range.to)).reduce((n, d) => n + d.count, 0);
}

/** A preset: the last `n` days up to the archive's last issue (the archive, not today: a corpus may be old). */
export function lastDays(lastIssue: string, n: number): DateRange {
  return { from: addDays(lastIssue, -(n - 1)), to: lastIssue };
}

/**
 * The period "What is new" compares: the time filter when it has both bounds and `choice` is 'filter', else the
 * `choice` days (a number as text; 30 when not one) up to the filter's end or the archive's last issue.
 */
export function trendsPeriod(filter: DateRange | null, choice: string, lastIssue: string | null): { from: string; to: string } | null {
  if (choice === 'filter' && filter?.from && filter.to) return { from: filter.from, to: filter.to };
  const days = Number(choice) > 0 ? Number(choice) : 30;
  const to = filter?.to ?? lastIssue;
  return to ? { from: addDays(to, -(days - 1)), to } : null;
}

/** The period of the same length just before `range` (what "What is new" compares with); both bounds needed. */
export function previousPeriod(range: { from: string; to: string }): { from: string; to: string } {
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2025"; with `year: false`, "3 Mar". */
export function formatDay(day: string, opts: { year?: boolean } = {}): string {
  if (!isIsoDay(day)) return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${opts.year === false ? '' : ` ${y}`}`;
}

/** "3 Jan – 17 Mar 2025", "since 3 Jan 2025", "until …", or "all time". */
export function formatRange(r: DateRange | null): string {
  if (!r || (!r.from && !r.to)) return 'all time';
  if (r.from && r.to) {
    if (r.from === r.to) return formatDay(r.from);
    const sameYear = r.from.slice(0, 4) === r.to.slice(0, 4);
    return `${formatDay(r.from, { year: !sameYear })} – ${formatDay(r.to)}`;
  }
  return r.from ? `since ${formatDay(r.from)}` : `until ${formatDay(r.to!)}`;
}

/** Query parameters for the API's range-aware routes (nothing when unfiltered). */
export const rangeQuery = (r: DateRange | null | undefined): { from?: string; to?: string } => ({
  ...(r?.from ? { from: r.from } : {}),
  ...(r?.to ? { to: r.to } : {}),
});
