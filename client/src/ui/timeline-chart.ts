/**
 * A small SVG bar chart of an entity's mentions per issue (or per month). No chart library. Bars never get thinner
 * than MIN_SLOT (the chart scrolls sideways instead), axis labels never overlap (axisLabels), and the time
 * filter's range, when set, is shaded.
 */
import type { TimelineResponse } from '../../../contract/api.ts';
import type { DateRange } from '../model/time-range.ts';
import { axisLabels, barGeometry, binTimeline, chartWidth, type Bin, type BinMode } from '../model/timeline.ts';
import { h, svg } from './dom.ts';

/** The bin's days, for shading: an issue's date, or a month's first and last day. */
function binDays(b: Bin, mode: BinMode, dates: Map<string, string | null>): [string, string] | null {
  if (mode === 'month') return /^\d{4}-\d{2}$/.test(b.key) ? [`${b.key}-01`, `${b.key}-31`] : null;
  const d = dates.get(b.key);
  return d ? [d, d] : null;
}

export function timelineChart(data: TimelineResponse, color: string, onOpen: (docId: string) => void, range: DateRange | null = null): HTMLElement {
  const root = h('div', { class: 'timeline', testid: 'timeline' });
  const dates = new Map(data.points.map((p) => [p.document.id, p.document.date]));
  let mode: BinMode = 'issue';
  const draw = () => {
    const bins = binTimeline(data.points, mode);
    const W = chartWidth(bins.length, 300), H = 90, PAD = 18;
    const bars = barGeometry(bins, W, H - PAD, W / Math.max(1, bins.length) > 12 ? 4 : 1);
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W > 300 ? W : '100%', height: H, role: 'img', 'aria-label': `Mentions per ${mode}` });
    chart.append(svg('line', { x1: 0, y1: H - PAD + 0.5, x2: W, y2: H - PAD + 0.5, stroke: '#2c3644' }));
    if (range && (range.from || range.to)) {
      const inside = bars.filter((b) => {
        const d = binDays(b.bin, mode, dates);
        return d && (!range.from || d[1] >= range.from) && (!range.to || d[0] <= range.to);
      });
      if (inside.length) {
        const x0 = inside[0]!.x - 1, x1 = inside[inside.length - 1]!.x + inside[inside.length - 1]!.width + 1;
        chart.append(svg('rect', { x: x0, y: 0, width: x1 - x0, height: H - PAD, class: 'in-range', rx: 2 }));
      }
    }
    for (const b of bars) {
      const rect = svg('rect', { x: b.x, y: b.y, width: b.width, height: Math.max(b.height, 0), rx: b.width > 4 ? 2 : 0, fill: color, class: 'bar' });
      rect.append(svg('title'));
      rect.firstElementChild!.textContent = `${b.bin.label}: ${b.bin.count} mention(s)\n${b.bin.documents.map((d) => `${d.title} (${d.count})`).join('\n')}`;
      const docId = b.bin.documents[0]?.id;
      if (docId) rect.addEventListener('click', () => onOpen(docId));
      chart.append(rect);
      if (b.bin.count > 0 && b.height > 14 && b.width >= 12) {
        const t = svg('text', { x: b.x + b.width / 2, y: b.y + 11, 'text-anchor': 'middle', class: 'bar-count' });
        t.textContent = String(b.bin.count);
        chart.append(t);
      }
    }
    for (const l of axisLabels(bars, W)) {
      const t = svg('text', { x: l.x, y: H - 4, 'text-anchor': 'middle', class: 'bar-label' });
      t.textContent = l.text;
      chart.append(t);
    }
    const toggle = h(
      'div',
      { class: 'seg' },
      ...(['issue', 'month'] as const).map((m) =>
        h('button', { class: m === mode ? 'on' : '', onclick: () => ((mode = m), draw()) }, `by ${m}`),
      ),
    );
    const scroller = h('div', { class: 'timeline-scroll', testid: 'timeline-scroll' }, chart);
    root.replaceChildren(h('div', { class: 'timeline-head' }, h('span', null, 'Mentions over time'), toggle), scroller);
    // Newest at hand: a scrolling chart opens at its right end.
    if (W > 300) requestAnimationFrame(() => (scroller.scrollLeft = scroller.scrollWidth));
    if (!bins.length) root.append(h('p', { class: 'muted' }, 'No dated mentions.'));
  };
  draw();
  return root;
}
