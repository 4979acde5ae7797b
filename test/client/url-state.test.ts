import { describe, expect, it } from 'vitest';
import { decodeViewState, defaultViewState, encodeViewState, URL_LIMITS, type ViewState } from '../../client/src/model/url-state.ts';

describe('URL state', () => {
  it('round-trips a full view', () => {
    const s: ViewState = {
      focus: 'Method:grpo',
      nodes: ['Method:grpo', 'Lab:nvidia'],
      expanded: ['Method:grpo'],
      layout: 'dagre',
      query: "MATCH (m:Method)-[r:IMPROVES_ON]->(g {name: 'GRPO & co'}) RETURN m, r, g",
      params: '{"name":"GRPO"}',
      compare: ['74aafab036fec381', 'c9f659530c8c3a06'],
      panel: 'connect',
      hiddenTypes: ['Document'],
      hiddenRelTypes: ['CO_MENTIONED'],
      range: { from: '2025-01-01', to: '2025-03-31' },
      issue: '74aafab036fec381',
    };
    expect(decodeViewState(`?${encodeViewState(s)}`)).toEqual(s);
  });

  it('encodes the default view as an empty string and decodes it back', () => {
    expect(encodeViewState(defaultViewState())).toBe('');
    expect(decodeViewState('')).toEqual(defaultViewState());
  });

  it('drops unknown layouts and panels, malformed compare pairs and params without a query', () => {
    const s = decodeViewState('layout=spiral&panel=nope&compare=onlyone&params=%7B%7D');
    expect(s.layout).toBe('fcose');
    expect(s.panel).toBeNull();
    expect(s.compare).toBeNull();
    expect(s.params).toBeNull();
  });

  it('bounds lists and de-duplicates them', () => {
    const many = Array.from({ length: 200 }, (_, i) => `Tool:t${i}`);
    const s = decodeViewState(encodeViewState({ ...defaultViewState(), nodes: [...many, 'Tool:t1'] }));
    expect(s.nodes).toHaveLength(URL_LIMITS.listItems);
    expect(new Set(s.nodes).size).toBe(s.nodes.length);
  });

  it('keeps ids with colons, spaces and unicode intact', () => {
    const ids = ['Person:nathan-lambert', 'Method:μp', 'Paper:benchmark^2: systematic evaluation'];
    expect(decodeViewState(encodeViewState({ ...defaultViewState(), nodes: ids, focus: ids[1]! })).nodes).toEqual(ids);
  });
});
