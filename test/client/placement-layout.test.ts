/** New nodes placed around fixed old ones (client/src/model/placement.ts), and the legible-layout helpers. */
import { describe, expect, it } from 'vitest';
import { columnCapacity, concentricRank, hopDistances, wrapLevels, type LayerNode } from '../../client/src/graph/legible-layouts.ts';
import { placeAround, type Extent, type Placed } from '../../client/src/model/placement.ts';

/** A node of diameter 30 with a label below it, 120 wide. */
const EXT: Extent = { x1: -60, y1: -15, x2: 60, y2: 35 };
const box = (p: { x: number; y: number }, e: Extent = EXT) => ({ x1: p.x + e.x1, y1: p.y + e.y1, x2: p.x + e.x2, y2: p.y + e.y2 });
const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function noOverlaps(boxes: ReturnType<typeof box>[]) {
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) return `${i} overlaps ${j}`;
  return null;
}

describe('placeAround', () => {
  it('puts the new nodes around the centre without touching the fixed ones or each other', () => {
    const center: Placed = { x: 0, y: 0, ext: EXT };
    const pos = placeAround(center, [center], Array.from({ length: 15 }, () => EXT));
    expect(pos).toHaveLength(15);
    expect(noOverlaps([box(center), ...pos.map((p) => box(p))])).toBeNull();
    // Near the centre: within a few rings.
    for (const p of pos) expect(Math.hypot(p.x, p.y)).toBeLessThan(500);
  });

  it('a second expansion (of a node on the rim) leaves the first in place and overlaps nothing', () => {
    const hub: Placed = { x: 0, y: 0, ext: EXT };
    const first = placeAround(hub, [hub], Array.from({ length: 15 }, () => EXT)).map((p) => ({ ...p, ext: EXT }));
    const rim = first[3]!;
    const fixed = [hub, ...first];
    const snapshot = JSON.stringify(fixed);
    const second = placeAround(rim, fixed, Array.from({ length: 20 }, () => EXT));
    expect(JSON.stringify(fixed)).toBe(snapshot);
    expect(noOverlaps([...fixed.map((f) => box(f)), ...second.map((p) => box(p))])).toBeNull();
    // The new fan grows away from the rest of the graph: on average, farther from the hub than the rim node is.
    const meanDist = second.reduce((s, p) => s + Math.hypot(p.x - hub.x, p.y - hub.y), 0) / second.length;
    expect(meanDist).toBeGreaterThan(Math.hypot(rim.x, rim.y));
  });

  it('keeps a gap between boxes and is deterministic', () => {
    const c: Placed = { x: 10, y: 20, ext: EXT };
    const a = placeAround(c, [c], [EXT, EXT, EXT], { gap: 30 });
    expect(placeAround(c, [c], [EXT, EXT, EXT], { gap: 30 })).toEqual(a);
    const grow = (e: Extent) => ({ x1: e.x1 - 14, y1: e.y1 - 14, x2: e.x2 + 14, y2: e.y2 + 14 });
    expect(noOverlaps([box(c, grow(EXT)), ...a.map((p) => box(p, grow(EXT)))])).toBeNull();
  });

  it('returns nothing for nothing, and throws on bad options with the value', () => {
    const c: Placed = { x: 0, y: 0, ext: EXT };
    expect(placeAround(c, [c], [])).toEqual([]);
    expect(() => placeAround({ x: Number.NaN, y: 0 }, [], [EXT])).toThrow(/NaN|null/);
    expect(() => placeAround(c, [], [EXT], { gap: -1 })).toThrow(/got -1/);
    expect(() => placeAround(c, [], [EXT], { maxRings: 0 })).toThrow(/got 0/);
  });

  it('on a canvas with no room left still gives every node a spot', () => {
    const c: Placed = { x: 0, y: 0, ext: EXT };
    const wall: Placed = { x: 0, y: 0, ext: { x1: -5000, y1: -5000, x2: 5000, y2: 5000 } };
    expect(placeAround(c, [c, wall], [EXT, EXT], { maxRings: 2 })).toHaveLength(2);
  });
});

describe('concentric rings by hops from the focus', () => {
  const edges = [
    { source: 'f', target: 'a' },
    { source: 'b', target: 'f' },
    { source: 'a', target: 'c' },
  ];
  it('hop distances either direction; unreachable is Infinity', () => {
    const d = hopDistances('f', ['f', 'a', 'b', 'c', 'z'], edges);
    expect(Object.fromEntries(d)).toEqual({ f: 0, a: 1, b: 1, c: 2, z: Infinity });
    expect(() => hopDistances('q', ['f'], edges)).toThrow(/"q"/);
  });
  it('the focus ranks highest (the centre), unreachable nodes lowest', () => {
    const r = concentricRank(hopDistances('f', ['f', 'a', 'b', 'c', 'z'], edges));
    expect(r.get('f')).toBe(3);
    expect(r.get('a')).toBe(2);
    expect(r.get('c')).toBe(1);
    expect(r.get('z')).toBe(0);
  });
});

describe('wrapLevels (hierarchy readable at fit)', () => {
  const level = (x: number, n: number, prefix: string): LayerNode[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, x, y: i * 40, w: 100, h: 40 }));
  it('splits a tall level into columns of at most maxPerColumn and moves later levels right', () => {
    const nodes = [...level(0, 1, 'root'), ...level(200, 25, 'k'), ...level(400, 2, 'g')];
    const out = wrapLevels(nodes, { maxPerColumn: 10, gap: 20 });
    const xs = new Map<number, number>();
    for (let i = 0; i < 25; i++) {
      const x = out.get(`k${i}`)!.x;
      xs.set(x, (xs.get(x) ?? 0) + 1);
    }
    expect(xs.size).toBe(3);
    for (const count of xs.values()) expect(count).toBeLessThanOrEqual(10);
    // The next level moved right by the two extra columns (120 each).
    expect(out.get('g0')!.x).toBe(400 + 2 * 120);
    expect(out.get('root0')).toEqual({ x: 0, y: 0 });
    // No two boxes overlap.
    const boxes = nodes.map((n) => ({ ...out.get(n.id)!, w: n.w, h: n.h }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2).toBe(true);
      }
  });
  it('restacks a short level spread taller than a column, on the common middle line', () => {
    const spread: LayerNode[] = [0, 1000, 2000].map((y, i) => ({ id: `s${i}`, x: 0, y, w: 100, h: 40 }));
    const out = wrapLevels([...spread, ...level(200, 3, 'k')], { maxPerColumn: 5, gap: 20 });
    expect([0, 1, 2].map((i) => out.get(`s${i}`)!.y)).toEqual([1000 - 60, 1000, 1000 + 60]);
    expect(out.get('k0')).toEqual({ x: 200, y: 0 });
  });

  it('leaves short levels alone and rejects bad options', () => {
    const nodes = level(0, 3, 'a');
    expect([...wrapLevels(nodes, { maxPerColumn: 5, gap: 10 }).values()]).toEqual(nodes.map((n) => ({ x: n.x, y: n.y })));
    expect(() => wrapLevels(nodes, { maxPerColumn: 0, gap: 1 })).toThrow(/got 0/);
    expect(() => columnCapacity(0, 40, 1)).toThrow(/got 0/);
    expect(columnCapacity(700, 50, 0.8)).toBe(17);
  });
});
