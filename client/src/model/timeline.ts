/** Binning an entity's mentions-per-issue into chart bars (by issue or by month), and the bar geometry. */

export interface TimelinePoint {
  document: { id: string; title: string; date: string | null; issue?: string | null; publication?: string | null };
  count: number;
}

export interface Bin {
  key: string;
  label: string;
  count: number;
  documents: { id: string; title: string; count: number }[];
}

export type BinMode = 'issue' | 'month';

const monthKey = (date: string | null) => (date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null);

function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * 'issue': one bin per document, dated ones by date then undated ones (in input order).
 * 'month': one bin per calendar month from the first to the last dated point, empty months included so gaps
 * show, then an "undated" bin if any point has no date. Counts of the same document are summed.
 */
export function binTimeline(points: readonly TimelinePoint[], mode: BinMode): Bin[] {
  const valid = points.filter((p) => Number.isFinite(p.count) && p.count > 0);
  if (mode === 'issue') {
    const byDoc = new Map<string, Bin>();
    const sorted = [...valid].map((p, i) => ({ p, i })).sort((a, b) => {
      const da = a.p.document.date, db = b.p.document.date;
      if (da && db) return da.localeCompare(db) || a.i - b.i;
      return da ? -1 : db ? 1 : a.i - b.i;
    });
    for (const { p } of sorted) {
      const b = byDoc.get(p.document.id);
      if (b) {
        b.count += p.count;
        b.documents[0]!.count += p.count;
      } else {
        const label = p.document.date ?? (p.document.issue ? `#${p.document.issue}` : 'undated');
        byDoc.set(p.document.id, { key: p.document.id, label, count: p.count, documents: [{ id: p.document.id, title: p.document.title, count: p.count }] });
      }
    }
    return [...byDoc.values()];
  }
  const months = new Map<string, Bin>();
  const dated = valid.filter((p) => monthKey(p.document.date));
  const undated = valid.filter((p) => !monthKey(p.document.date));
  if (dated.length) {
    const keys = dated.map((p) => monthKey(p.document.date)!).sort();
    for (let k = keys[0]!, guard = 0; k <= keys[keys.length - 1]! && guard < 1200; k = nextMonth(k), guard++) {
      months.set(k, { key: k, label: k, count: 0, documents: [] });
    }
    for (const p of dated) addTo(months.get(monthKey(p.document.date)!)!, p);
  }
  const out = [...months.values()];
  if (undated.length) {
    const bin: Bin = { key: 'undated', label: 'undated', count: 0, documents: [] };
    for (const p of undated) addTo(bin, p);
    out.push(bin);
  }
  return out;
}

function addTo(bin: Bin, p: TimelinePoint) {
  bin.count += p.count;
  const d = bin.documents.find((x) => x.id === p.document.id);
  if (d) d.count += p.count;
  else bin.documents.push({ id: p.document.id, title: p.document.title, count: p.count });
}

export interface Bar {
  bin: Bin;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars filling `width` × `height` (y grows downwards), heights proportional to counts; gap between bars in px. */
export function barGeometry(bins: readonly Bin[], width: number, height: number, gap = 4): Bar[] {
  if (bins.length === 0) return [];
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = width / bins.length;
  const w = Math.max(1, slot - gap);
  return bins.map((bin, i) => {
    const h = bin.count === 0 ? 0 : Math.max(2, (bin.count / max) * height);
    return { bin, x: i * slot + (slot - w) / 2, y: height - h, width: w, height: h };
  });
}

/** Narrowest bar slot (px) a chart keeps before it scrolls sideways instead of drawing bars on top of each other. */
export const MIN_SLOT = 4;

/** The width a chart of `bins` bars needs: at least `width`, wider when the bars would get thinner than MIN_SLOT. */
export const chartWidth = (bins: number, width: number) => Math.max(width, bins * MIN_SLOT);

/** "2025-03-17" → "17 Mar ’25"; a month key "2025-03" → "Mar ’25"; anything else as it is. */
export function shortDate(label: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(label);
  if (!m) return label;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1] ?? m[2];
  return `${m[3] ? `${Number(m[3])} ` : ''}${month} ’${m[1]!.slice(2)}`;
}

/**
 * Axis labels that never overlap: walking the bars left to right, a label is kept only when it starts at least
 * `gap` px after the previous one ends and differs from it (many issues share a day). Text widths are estimated
 * at `charWidth` px per character; labels are centred on their bar and kept inside [0, width].
 */
export function axisLabels(bars: readonly Bar[], width: number, opts: { charWidth?: number; gap?: number; text?: (b: Bar) => string } = {}): { x: number; text: string }[] {
  const cw = opts.charWidth ?? 5.6, gap = opts.gap ?? 6, text = opts.text ?? ((b: Bar) => shortDate(b.bin.label));
  const out: { x: number; text: string }[] = [];
  let end = -Infinity;
  let last = '';
  for (const b of bars) {
    const t = text(b);
    if (!t || t === last) continue;
    const w = t.length * cw;
    const x = Math.min(Math.max(b.x + b.width / 2, w / 2), width - w / 2);
    if (x - w / 2 < end + gap) continue;
    out.push({ x, text: t });
    end = x + w / 2;
    last = t;
  }
  return out;
}
