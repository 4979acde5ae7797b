import { describe, expect, it } from 'vitest';
import { barGeometry, binTimeline, type TimelinePoint } from '../../client/src/model/timeline.ts';

const p = (id: string, date: string | null, count: number): TimelinePoint => ({ document: { id, title: `T ${id}`, date }, count });

describe('binTimeline', () => {
  const points = [p('c', '2025-03-02', 1), p('a', '2025-01-10', 3), p('u', null, 2), p('b', '2025-01-28', 1), p('a', '2025-01-10', 1)];

  it('by issue: one bin per document, dated by date then undated, counts summed', () => {
    const bins = binTimeline(points, 'issue');
    expect(bins.map((b) => [b.key, b.count])).toEqual([['a', 4], ['b', 1], ['c', 1], ['u', 2]]);
    expect(bins[3]!.label).toBe('undated');
  });

  it('by month: continuous months with gaps, then undated', () => {
    const bins = binTimeline(points, 'month');
    expect(bins.map((b) => [b.key, b.count])).toEqual([['2025-01', 5], ['2025-02', 0], ['2025-03', 1], ['undated', 2]]);
    expect(bins[0]!.documents.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('crosses years and ignores zero / invalid counts', () => {
    const bins = binTimeline([p('x', '2024-12-30', 1), p('y', '2025-01-02', 2), p('z', '2025-01-03', 0), p('w', '2025-01-04', Number.NaN)], 'month');
    expect(bins.map((b) => b.key)).toEqual(['2024-12', '2025-01']);
    expect(bins[1]!.count).toBe(2);
  });

  it('is empty for no points', () => {
    expect(binTimeline([], 'month')).toEqual([]);
    expect(barGeometry([], 100, 50)).toEqual([]);
  });
});

describe('barGeometry', () => {
  it('scales heights to the tallest bin and fills the width', () => {
    const bins = binTimeline([p('a', '2025-01-01', 4), p('b', '2025-01-02', 2), p('c', '2025-01-03', 1)], 'issue');
    const bars = barGeometry(bins, 300, 100, 0);
    expect(bars.map((b) => b.height)).toEqual([100, 50, 25]);
    expect(bars.map((b) => b.x)).toEqual([0, 100, 200]);
    expect(bars.every((b) => b.y + b.height === 100)).toBe(true);
  });
});
