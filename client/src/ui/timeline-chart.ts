/** A small SVG bar chart of an entity's mentions per issue (or per month). No chart library. */
import type { TimelineResponse } from '../../../contract/api.ts';
import { barGeometry, binTimeline, type BinMode } from '../model/timeline.ts';
import { h, svg } from './dom.ts';

export function timelineChart(data: TimelineResponse, color: string, onOpen: (docId: string) => void): HTMLElement {
  const root = h('div', { class: 'timeline', testid: 'timeline' });
  let mode: BinMode = 'issue';
  const draw = () => {
    const bins = binTimeline(data.points, mode);
    const W = 300, H = 90, PAD = 18;
    const bars = barGeometry(bins, W, H - PAD, bins.length > 20 ? 1 : 6);
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, role: 'img', 'aria-label': `Mentions per ${mode}` });
    chart.append(svg('line', { x1: 0, y1: H - PAD + 0.5, x2: W, y2: H - PAD + 0.5, stroke: '#2c3644' }));
    for (const b of bars) {
      const rect = svg('rect', { x: b.x, y: b.y, width: b.width, height: Math.max(b.height, 0), rx: 2, fill: color, class: 'bar' });
      rect.append(svg('title'));
      rect.firstElementChild!.textContent = `${b.bin.label}: ${b.bin.count} mention(s)\n${b.bin.documents.map((d) => `${d.title} (${d.count})`).join('\n')}`;
      const docId = b.bin.documents[0]?.id;
      if (docId) rect.addEventListener('click', () => onOpen(docId));
      chart.append(rect);
      if (b.bin.count > 0 && b.height > 14) {
        const t = svg('text', { x: b.x + b.width / 2, y: b.y + 11, 'text-anchor': 'middle', class: 'bar-count' });
        t.textContent = String(b.bin.count);
        chart.append(t);
      }
    }
    const labelEvery = Math.ceil(bins.length / 6);
    bars.forEach((b, i) => {
      if (i % labelEvery) return;
      const t = svg('text', { x: b.x + b.width / 2, y: H - 4, 'text-anchor': 'middle', class: 'bar-label' });
      t.textContent = b.bin.label.length > 10 ? b.bin.label.slice(0, 10) : b.bin.label;
      chart.append(t);
    });
    const toggle = h(
      'div',
      { class: 'seg' },
      ...(['issue', 'month'] as const).map((m) =>
        h('button', { class: m === mode ? 'on' : '', onclick: () => ((mode = m), draw()) }, `by ${m}`),
      ),
    );
    root.replaceChildren(h('div', { class: 'timeline-head' }, h('span', null, 'Mentions over time'), toggle), chart);
    if (!bins.length) root.append(h('p', { class: 'muted' }, 'No dated mentions.'));
  };
  draw();
  return root;
}
