import { describe, expect, it } from 'vitest';
import { DAGRE_MAX_EDGES, DAGRE_MAX_NODES, FCOSE_DEFAULTS, FCOSE_MAX_NODES, LARGE_GRAPH, layoutOptions } from '../../client/src/graph/layouts.ts';

describe('layoutOptions', () => {
  it('switches to the array-based layouts, without animation, above the large-graph threshold', () => {
    const big = layoutOptions('fcose', { nodeCount: LARGE_GRAPH + 1 }) as unknown as Record<string, unknown>;
    expect(big.name).toBe('fastforce');
    expect(big.animate).toBe(false);
    expect(big.randomize).toBe(true);
    expect((layoutOptions('fcose', { nodeCount: LARGE_GRAPH + 1, incremental: true }) as unknown as Record<string, unknown>).randomize).toBe(false);
    expect(layoutOptions('concentric', { nodeCount: LARGE_GRAPH + 1 }).name).toBe('fastconcentric');
    expect(layoutOptions('concentric', { nodeCount: LARGE_GRAPH }).name).toBe('concentric');
    expect(layoutOptions('fcose', { nodeCount: FCOSE_MAX_NODES }).name).toBe('fcose');
    expect(layoutOptions('fcose', { nodeCount: FCOSE_MAX_NODES + 1 }).name).toBe('fastforce');
    expect(layoutOptions('dagre', { nodeCount: LARGE_GRAPH + 1 }).name).toBe('fastbreadthfirst');
    expect(layoutOptions('dagre', { nodeCount: DAGRE_MAX_NODES }).name).toBe('dagre');
    expect(layoutOptions('dagre', { nodeCount: DAGRE_MAX_NODES + 1 }).name).toBe('fastbreadthfirst');
    expect(layoutOptions('dagre', { nodeCount: 100, edgeCount: DAGRE_MAX_EDGES }).name).toBe('dagre');
    expect(layoutOptions('dagre', { nodeCount: 100, edgeCount: DAGRE_MAX_EDGES + 1 }).name).toBe('fastbreadthfirst');
    const small = layoutOptions('fcose', { nodeCount: 40 }) as unknown as Record<string, unknown>;
    expect(small.quality).toBe(FCOSE_DEFAULTS.quality);
    expect(small.animate).toBe(true);
  });

  it('lays method lineages out left to right with dagre', () => {
    expect((layoutOptions('dagre', { nodeCount: 10 }) as unknown as Record<string, unknown>).rankDir).toBe('LR');
  });

  it('keeps positions for an incremental fcose run', () => {
    expect((layoutOptions('fcose', { nodeCount: 10, incremental: true }) as unknown as Record<string, unknown>).randomize).toBe(false);
  });

  it('throws on an unknown layout with the bad value in the message', () => {
    expect(() => layoutOptions('spiral', { nodeCount: 1 })).toThrow(/Unknown layout "spiral": expected one of fcose, concentric, dagre/);
    expect(() => layoutOptions('fcose', { nodeCount: -1 })).toThrow(/got -1/);
    expect(() => layoutOptions('dagre', { nodeCount: 1, edgeCount: Number.NaN })).toThrow(/edgeCount must be >= 0, got NaN/);
  });
});
