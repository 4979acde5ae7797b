import { describe, expect, it } from 'vitest';
import { components, forceLayout } from '../../client/src/graph/force-layout.ts';

/** A ring of `n` nodes plus chords: flat [source, target] pairs. */
function ring(n: number, offset = 0): number[] {
  const e: number[] = [];
  for (let i = 0; i < n; i++) e.push(offset + i, offset + ((i + 1) % n));
  return e;
}
const dist = (p: Float64Array, a: number, b: number) => Math.hypot(p[2 * a]! - p[2 * b]!, p[2 * a + 1]! - p[2 * b + 1]!);

describe('components', () => {
  it('numbers connected components from 0 in node order', () => {
    const { of, count } = components(6, [0, 1, 1, 2, 4, 5]);
    expect(count).toBe(3);
    expect([...of]).toEqual([0, 0, 0, 1, 2, 2]);
  });
});

describe('forceLayout', () => {
  it('gives finite positions, deterministic for a seed', () => {
    const edges = [...ring(120), ...ring(30, 120), 0, 60];
    const a = forceLayout(150, edges, { seed: 7 });
    const b = forceLayout(150, edges, { seed: 7 });
    expect(a).toHaveLength(300);
    expect([...a].every(Number.isFinite)).toBe(true);
    expect([...a]).toEqual([...b]);
  });

  it('keeps neighbours closer than non-neighbours (Barnes–Hut path, > 48 nodes)', () => {
    const n = 400;
    const edges = ring(n);
    const p = forceLayout(n, edges, { idealEdgeLength: 50 });
    let neighbours = 0;
    for (let i = 0; i < n; i++) neighbours += dist(p, i, (i + 1) % n);
    let far = 0;
    for (let i = 0; i < n; i++) far += dist(p, i, (i + n / 2) % n);
    expect(neighbours / n).toBeLessThan(far / n / 3);
  });

  it('packs components apart: no two nodes of different components on top of each other', () => {
    const edges = [...ring(10), ...ring(10, 10)];
    const p = forceLayout(25, edges); // two rings and five isolated nodes
    for (let i = 0; i < 25; i++) for (let j = i + 1; j < 25; j++) expect(dist(p, i, j)).toBeGreaterThan(1);
  });

  it('moves little from given positions (incremental)', () => {
    const edges = ring(100);
    const start = forceLayout(100, edges);
    const again = forceLayout(100, edges, { initial: start, iterations: 10 });
    const fresh = forceLayout(100, edges, { seed: 99 });
    const moved = (p: Float64Array) => {
      let sum = 0;
      for (let i = 0; i < 100; i++) sum += Math.hypot(p[2 * i]! - start[2 * i]!, p[2 * i + 1]! - start[2 * i + 1]!);
      return sum / 100;
    };
    expect(moved(again)).toBeLessThan(moved(fresh) / 2);
  });

  it('handles empty graphs, single nodes and self-loops', () => {
    expect(forceLayout(0, [])).toHaveLength(0);
    expect([...forceLayout(1, [0, 0])].every(Number.isFinite)).toBe(true);
  });

  it('throws on misuse with the bad value in the message', () => {
    expect(() => forceLayout(-1, [])).toThrow(/got -1/);
    expect(() => forceLayout(3, [0, 1, 2])).toThrow(/got 3 numbers/);
    expect(() => forceLayout(3, [0, 7])).toThrow(/endpoint 7/);
    expect(() => forceLayout(3, [0, 1], { iterations: Number.NaN })).toThrow(/iterations must be a number >= 0, got NaN/);
    expect(() => forceLayout(3, [0, 1], { initial: [1, 2] })).toThrow(/initial must hold 6 numbers, got 2/);
  });
});
