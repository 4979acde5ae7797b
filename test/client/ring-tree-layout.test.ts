import { describe, expect, it } from 'vitest';
import { breadthfirstLayout, concentricLayout } from '../../client/src/graph/ring-tree-layout.ts';

const radius = (p: Float64Array, i: number) => Math.hypot(p[2 * i]!, p[2 * i + 1]!);

describe('concentricLayout', () => {
  it('puts the highest degrees in the centre and lower ones further out, without overlaps', () => {
    // A star (node 0, degree 20) with a few extra edges among the leaves.
    const edges: number[] = [];
    for (let i = 1; i <= 20; i++) edges.push(0, i);
    edges.push(1, 2, 1, 3, 1, 4);
    const p = concentricLayout(21, edges, { nodeSize: 20, minNodeSpacing: 10 });
    expect(radius(p, 0)).toBe(0);
    expect(radius(p, 1)).toBeLessThanOrEqual(radius(p, 10));
    for (let i = 0; i < 21; i++) for (let j = i + 1; j < 21; j++) expect(Math.hypot(p[2 * i]! - p[2 * j]!, p[2 * i + 1]! - p[2 * j + 1]!)).toBeGreaterThan(20);
  });

  it('stays compact on big graphs (several rings per level)', () => {
    const n = 5000;
    const edges: number[] = [];
    for (let i = 1; i < n; i++) edges.push(i, (i * 7) % i);
    const p = concentricLayout(n, edges, { nodeSize: 30, minNodeSpacing: 12 });
    const r = Math.max(...Array.from({ length: n }, (_, i) => radius(p, i)));
    // Area ≈ n × spacing²: well under Cytoscape's one-ring-per-level ~15,000 px radius.
    expect(r).toBeLessThan(3000);
  });

  it('throws on misuse with the bad value in the message', () => {
    expect(() => concentricLayout(2, [0, 5])).toThrow(/endpoint 5/);
    expect(() => concentricLayout(2, [], { nodeSize: -3 })).toThrow(/nodeSize must be a number >= 0, got -3/);
  });
});

describe('breadthfirstLayout', () => {
  it('lays levels out left to right from the roots', () => {
    // 0 → 1 → 2, 0 → 3; 4 → 0 makes 4 the only root.
    const p = breadthfirstLayout(5, [0, 1, 1, 2, 0, 3, 4, 0]);
    const x = (i: number) => p[2 * i]!;
    expect(x(4)).toBe(0);
    expect(x(0)).toBeGreaterThan(x(4));
    expect(x(1)).toBeGreaterThan(x(0));
    expect(x(3)).toBe(x(1));
    expect(x(2)).toBeGreaterThan(x(1));
  });

  it('places cycles without a root and isolated nodes, all finite and distinct', () => {
    const p = breadthfirstLayout(6, [0, 1, 1, 2, 2, 0]);
    expect([...p].every(Number.isFinite)).toBe(true);
    const keys = new Set(Array.from({ length: 6 }, (_, i) => `${p[2 * i]},${p[2 * i + 1]}`));
    expect(keys.size).toBe(6);
  });

  it('wraps a wide level into columns', () => {
    const n = 2001;
    const edges: number[] = [];
    for (let i = 1; i < n; i++) edges.push(0, i);
    const p = breadthfirstLayout(n, edges, { spacing: 10, aspect: 1 });
    const ys = Array.from({ length: n }, (_, i) => p[2 * i + 1]!);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(1000);
  });

  it('throws on misuse with the bad value in the message', () => {
    expect(() => breadthfirstLayout(1.5, [])).toThrow(/got 1.5/);
    expect(() => breadthfirstLayout(2, [0, 1], { spacing: 0 })).toThrow(/spacing must be a number > 0, got 0/);
  });
});
