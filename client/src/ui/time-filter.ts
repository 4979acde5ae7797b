/**
 * The time filter strip above the canvas: the archive's issues as a histogram, two slider thumbs over it (snapped to
 * its bars), exact day inputs, presets, and a clear button. It shows a range and reports the one the user picks;
 * the state (model/app-state.ts `range`) is the truth, `render(range)` mirrors it.
 */
import type { DocumentDatesResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import {
  countInRange,
  formatDay,
  formatRange,
  histogram,
  indicesToRange,
  lastDays,
  normalizeRange,
  rangeToIndices,
  sameRange,
  type DateRange,
  type HistogramBin,
} from '../model/time-range.ts';
import { clear, h, svg } from './dom.ts';

const PRESETS: { label: string; days: number }[] = [
  { label: 'last 30 d', days: 30 },
  { label: '90 d', days: 90 },
  { label: '1 y', days: 365 },
];

export class TimeFilter {
  readonly el: HTMLElement;
  private dates: DocumentDatesResponse | null = null;
  private bins: HistogramBin[] = [];
  private range: DateRange | null = null;
  private readonly chart = h('div', { class: 'tf-chart' });
  private readonly lo = h('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Start of the time range', testid: 'time-from-slider' });
  private readonly hi = h('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'End of the time range', testid: 'time-to-slider' });
  private readonly fromInput = h('input', { type: 'date', 'aria-label': 'From (day)', testid: 'time-from' });
  private readonly toInput = h('input', { type: 'date', 'aria-label': 'To (day)', testid: 'time-to' });
  private readonly label = h('span', { class: 'tf-label', testid: 'time-label' });
  private readonly clearButton: HTMLButtonElement;
  private loaded: Promise<void> | null = null;

  constructor(private readonly onChange: (range: DateRange | null) => void) {
    this.clearButton = h('button', { class: 'icon', title: 'All time (clear the filter)', 'aria-label': 'Clear the time filter', testid: 'time-clear', onclick: () => this.pick(null) }, '✕');
    for (const s of [this.lo, this.hi]) {
      s.addEventListener('input', () => this.preview());
      s.addEventListener('change', () => this.pick(indicesToRange(this.bins, Number(this.lo.value), Number(this.hi.value))));
    }
    for (const d of [this.fromInput, this.toInput]) {
      d.addEventListener('change', () => this.pick(normalizeRange({ from: this.fromInput.value || undefined, to: this.toInput.value || undefined })));
    }
    this.el = h(
      'section',
      { class: 'time-filter', testid: 'time-filter', 'aria-label': 'Time filter' },
      h(
        'div',
        { class: 'tf-row' },
        h('div', { class: 'tf-head' }, h('b', null, 'Time'), this.label, this.clearButton),
        h('span', { class: 'tf-presets', title: 'The last days of the archive' }, ...PRESETS.map((p) => h('button', { class: 'chip', testid: `time-preset-${p.days}`, title: `The last ${p.days} days of the archive`, onclick: () => this.preset(p.days) }, p.label))),
      ),
      h('div', { class: 'tf-controls' }, this.fromInput, h('div', { class: 'tf-slider' }, this.chart, this.lo, this.hi), this.toInput),
    );
  }

  /** Fetches the archive's issue dates once (again after a failure). */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        this.dates = await api.documentDates();
        this.bins = histogram(this.dates.days).bins;
        const max = String(Math.max(0, this.bins.length - 1));
        for (const s of [this.lo, this.hi]) s.max = max;
        // Thumbs stop at the bars' centres: the inputs are inset by half a bar (time-and-issues.css).
        this.el.style.setProperty('--half', `${50 / Math.max(1, this.bins.length)}%`);
        const first = this.dates.days[0]?.date, last = this.dates.days[this.dates.days.length - 1]?.date;
        for (const d of [this.fromInput, this.toInput]) {
          if (first) d.min = first;
          if (last) d.max = last;
        }
        this.el.hidden = this.bins.length === 0;
        // One bar (every issue on one day) leaves nothing to slide over; the day inputs still work.
        for (const s of [this.lo, this.hi]) s.hidden = this.bins.length < 2;
        this.render(this.range);
      } catch (err) {
        this.loaded = null;
        clear(this.chart, h('span', { class: 'muted' }, err instanceof ApiError ? err.message : String(err)));
      }
    })();
    return this.loaded;
  }

  /** The archive's last dated issue (presets count back from it, not from today). */
  lastIssue(): string | null {
    return this.dates?.days[this.dates.days.length - 1]?.date ?? null;
  }

  /** Mirrors the state's range. */
  render(range: DateRange | null): void {
    this.range = range;
    const [i, j] = rangeToIndices(this.bins, range);
    this.lo.value = String(i);
    this.hi.value = String(j);
    this.fromInput.value = range?.from ?? '';
    this.toInput.value = range?.to ?? '';
    this.clearButton.hidden = !range;
    this.el.classList.toggle('active', !!range);
    this.drawChart(i, j);
    this.describe(range);
  }

  private describe(range: DateRange | null) {
    const n = this.dates ? countInRange(this.dates.days, range) : null;
    const total = this.dates ? this.dates.days.reduce((a, d) => a + d.count, 0) + this.dates.undated : null;
    this.label.textContent = range
      ? `${formatRange(range)}${n != null ? ` · ${n} issue${n === 1 ? '' : 's'}` : ''}`
      : `all time${total != null ? ` · ${total} issue${total === 1 ? '' : 's'}` : ''}`;
  }

  /** While a thumb is dragged: the chart and the label follow, nothing is fetched until it is let go. */
  private preview() {
    const i = Math.min(Number(this.lo.value), Number(this.hi.value)), j = Math.max(Number(this.lo.value), Number(this.hi.value));
    this.drawChart(i, j);
    this.describe(indicesToRange(this.bins, i, j));
  }

  private preset(days: number) {
    const last = this.lastIssue();
    if (last) this.pick(lastDays(last, days));
  }

  private pick(range: DateRange | null) {
    if (sameRange(range, this.range)) return this.render(this.range);
    this.render(range);
    this.onChange(range);
  }

  private drawChart(i: number, j: number) {
    const bins = this.bins;
    if (!bins.length) return;
    const W = 1000, H = 40;
    const max = Math.max(1, ...bins.map((b) => b.count));
    const slot = W / bins.length;
    const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', width: '100%', height: H, 'aria-hidden': 'true' });
    bins.forEach((b, k) => {
      const bh = b.count ? Math.max(3, (b.count / max) * (H - 2)) : 0;
      const r = svg('rect', { x: k * slot + slot * 0.12, y: H - bh, width: Math.max(1, slot * 0.76), height: bh, class: k >= i && k <= j ? 'tf-bar in' : 'tf-bar' });
      r.append(svg('title'));
      r.firstElementChild!.textContent = `${b.start === b.end ? formatDay(b.start) : `${formatDay(b.start)} – ${formatDay(b.end)}`}: ${b.count} issue${b.count === 1 ? '' : 's'}`;
      s.append(r);
    });
    const ends = h('div', { class: 'tf-ends muted' }, h('span', null, formatDay(bins[0]!.start)), h('span', null, formatDay(bins[bins.length - 1]!.end)));
    clear(this.chart, s, ends);
  }
}
