/** Undo/redo history, console value formatting and console text helpers: pure, without a browser. */
import { describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../contract/api.ts';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../../client/src/model/history.ts';
import { formatValue, valueContext } from '../../client/src/model/cypher-values.ts';
import { editorOffset, propertyKeysFor, tokenEnd, variableBefore, variableBindings, type PropertySchema } from '../../client/src/model/cypher-text.ts';

describe('history', () => {
  it('undo and redo walk back and forth; a new step drops the redo branch', () => {
    let h = startHistory('a');
    h = record(h, 'a', 'b');
    h = record(h, 'b', 'c');
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h)!;
    expect(h.present).toBe('b');
    h = undo(h)!;
    expect(h.present).toBe('a');
    expect(undo(h)).toBeNull();
    h = redo(h)!;
    expect(h.present).toBe('b');
    h = record(h, 'b', 'x');
    expect(redo(h)).toBeNull();
    expect(h.past).toEqual(['a', 'b']);
  });
  it('keeps the present as it is at each step (e.g. with fresh positions) and bounds the past', () => {
    let h = startHistory({ v: 1, pos: 'old' });
    h = record(h, { v: 1, pos: 'moved' }, { v: 2, pos: '' });
    expect(h.past[0]).toEqual({ v: 1, pos: 'moved' });
    h = undo(h, { v: 2, pos: 'laid out' })!;
    expect(h.future[0]).toEqual({ v: 2, pos: 'laid out' });
    let b = startHistory(0);
    for (let i = 1; i <= 10; i++) b = record(b, i - 1, i, 3);
    expect(b.past).toEqual([7, 8, 9]);
    expect(() => record(b, 0, 1, 0)).toThrow(/got 0/);
  });
});

describe('console values', () => {
  const node = (elementId: string, labels: string[], properties: Record<string, unknown>) => ({ elementId, labels, properties });
  const foopo = node('4:x:1', ['Entity', 'Method'], { id: 'Method:foopo', name: 'FooPO' });
  const grpo = node('4:x:2', ['Entity', 'Method'], { id: 'Method:grpo', name: 'GRPO' });
  const rel = { elementId: '5:x:9', type: 'IMPROVES_ON', startElementId: '4:x:1', endElementId: '4:x:2', properties: { weight: 1, documentId: 'doc:gn-1' } };
  const res = {
    rows: [[foopo, rel, grpo]],
    graph: {
      nodes: [
        { data: { id: 'Method:foopo', label: 'FooPO', kind: 'entity' as const, type: 'Method' } },
        { data: { id: 'Method:grpo', label: 'GRPO', kind: 'entity' as const, type: 'Method' } },
      ],
      edges: [{ data: { id: '5:x:9', source: 'Method:foopo', target: 'Method:grpo', type: 'IMPROVES_ON', weight: 1, evidenceCount: 1 } }],
    },
  } satisfies Pick<CypherResponse, 'rows' | 'graph'>;

  it('a relationship reads (a)-[:TYPE {props}]->(b), never elementId JSON', () => {
    const ctx = valueContext(res);
    const s = formatValue(rel, ctx);
    expect(s).toBe('(FooPO)-[:IMPROVES_ON {weight: 1, documentId: "doc:gn-1"}]->(GRPO)');
    expect(s).not.toContain('5:x:9');
    // Returned alone, the ends' names come from the drawn graph.
    expect(formatValue(rel, valueContext({ rows: [[rel]], graph: res.graph }))).toBe('(FooPO)-[:IMPROVES_ON {weight: 1, documentId: "doc:gn-1"}]->(GRPO)');
  });
  it('nodes by name and label, paths as one chain with each arrow the relationship\'s own way', () => {
    expect(formatValue(foopo)).toBe('(FooPO:Method)');
    const back = { ...rel, elementId: '5:x:10', type: 'VARIANT_OF', startElementId: '4:x:3', endElementId: '4:x:2', properties: {} };
    const barpo = node('4:x:3', ['Entity', 'Method'], { name: 'BarPO' });
    const path = { start: foopo, end: barpo, length: 2, segments: [{ start: foopo, relationship: rel, end: grpo }, { start: grpo, relationship: back, end: barpo }] };
    expect(formatValue(path)).toBe('(FooPO)-[:IMPROVES_ON {weight: 1, documentId: "doc:gn-1"}]->(GRPO)<-[:VARIANT_OF]-(BarPO)');
  });
  it('scalars, lists, maps, nulls; long strings in properties are cut', () => {
    expect(formatValue(null)).toBe('∅');
    expect(formatValue([1, 'a'])).toBe('[1, a]');
    expect(formatValue({ n: 1, s: 'x' })).toBe('{n: 1, s: "x"}');
    const long = { ...rel, properties: { sentence: 'x'.repeat(100) } };
    expect(formatValue(long, valueContext(res)).length).toBeLessThan(100);
  });
});

describe('console text', () => {
  const schema: PropertySchema = {
    nodeKeys: new Map([
      ['Lab', ['id', 'name', 'aliases']],
      ['Document', ['id', 'title', 'date', 'publication']],
    ]),
    relKeys: new Map([['MENTIONS', ['count']]]),
    all: ['aliases', 'count', 'date', 'id', 'name', 'publication', 'title'],
  };
  it('binds variables to their labels and types', () => {
    const b = variableBindings('MATCH (n:Lab)-[r:MENTIONS|:USES]->(`my d`:Document:Entity), (m) RETURN n');
    expect(b.get('n')).toEqual({ kind: 'node', names: ['Lab'] });
    expect(b.get('r')).toEqual({ kind: 'relationship', names: ['MENTIONS', 'USES'] });
    expect(b.get('my d')).toEqual({ kind: 'node', names: ['Document', 'Entity'] });
    expect(b.has('m')).toBe(false);
  });
  it('property completion lists only the keys of the label being typed', () => {
    expect(propertyKeysFor('n', 'MATCH (n:Lab) RETURN n.', schema)).toEqual(['aliases', 'id', 'name']);
    expect(propertyKeysFor('d', 'MATCH (d:Document) WHERE d.', schema)).toEqual(['date', 'id', 'publication', 'title']);
    expect(propertyKeysFor('r', 'MATCH ()-[r:MENTIONS]->() RETURN r.', schema)).toEqual(['count']);
    expect(propertyKeysFor('x', 'MATCH (x) RETURN x.', schema)).toEqual(schema.all);
    expect(propertyKeysFor('x', 'MATCH (x:Planet) RETURN x.', schema)).toEqual(schema.all);
    expect(variableBefore('RETURN n.', 8)).toBe('n');
    expect(variableBefore('RETURN `my d`.', 13)).toBe('my d');
  });
  it('maps a server error offset into the editor (the console sends the text trimmed)', () => {
    expect(editorOffset('MATCH (n) RETRN n', 10)).toBe(10);
    expect(editorOffset('\n  MATCH (n) RETRN n', 10)).toBe(13);
    expect(editorOffset('RETURN', 99)).toBe(6);
    expect(() => editorOffset('x', -1)).toThrow(/got -1/);
    expect(tokenEnd('MATCH (n) RETRN n', 10)).toBe(15);
  });
});
