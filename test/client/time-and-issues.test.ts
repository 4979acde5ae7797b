/**
 * The pure parts of the time filter, the issue browser and "What is new", without a browser: the range model and
 * histogram (model/time-range.ts), the state's actions and URL (app-state.ts, url-state.ts), the trends graph
 * (trends-graph.ts), the chart's axis (timeline.ts) and the shared search-text rules (core/search-text.ts).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentGraphResponse, GraphElements, NodeData, TrendsResponse } from '../../contract/api.ts';
import { apostropheVariants, matchRanges, searchKey, searchTokens, splitLetterDigit } from '../../core/search-text.ts';
import * as S from '../../client/src/model/app-state.ts';
import {
  addDays,
  binUnit,
  countInRange,
  formatRange,
  histogram,
  indicesToRange,
  lastDays,
  normalizeRange,
  previousPeriod,
  rangeQuery,
  rangeToIndices,
  trendsPeriod,
} from '../../client/src/model/time-range.ts';
import { axisLabels, barGeometry, binTimeline, chartWidth, MIN_SLOT, shortDate } from '../../client/src/model/timeline.ts';
import { risingLabel, trendsElements } from '../../client/src/model/trends-graph.ts';
import { decodeViewState, encodeViewState } from '../../client/src/model/url-state.ts';

describe('search text (shared by the server query and the explorer)', () => {
  it('cuts words like the index: dotted versions, apostrophes and underscores stay whole; hyphens and @ do not', () => {
    expect(searchTokens('Gemini 2.5 Pro')).toEqual(['gemini', '2.5', 'pro']);
    expect(searchTokens('Qwen2.5-72B')).toEqual(['qwen2.5', '72b']);
    expect(searchTokens('GPT-4.5')).toEqual(['gpt', '4.5']);
    expect(searchTokens('Humanity’s Last Exam')).toEqual(['humanity’s', 'last', 'exam']);
    expect(searchTokens('@lena_park')).toEqual(['lena_park']);
    expect(searchTokens('ＧＰＴ－４')).toEqual(['gpt', '4']);
  });

  it('one key for the spellings of one name, another for a different version', () => {
    expect(searchKey('GPT 4.5')).toBe(searchKey('gpt-4.5'));
    expect(searchKey('GPT4.5')).toBe('gpt4.5');
    expect(searchKey('GPT-45')).not.toBe(searchKey('GPT-4.5'));
    expect(searchKey("Humanity's")).toBe(searchKey('Humanity’s'));
    expect(searchKey('Humanitys')).toBe(searchKey('Humanity’s'));
  });

  it('apostrophe spellings, letter/digit splits', () => {
    expect(apostropheVariants("humanity's").sort()).toEqual(["humanity's", 'humanity’s']);
    expect(apostropheVariants('plain')).toEqual(['plain']);
    expect(splitLetterDigit('qwen2.5')).toEqual(['qwen', '2.5']);
    expect(splitLetterDigit('4o')).toEqual(['4o']);
  });

  it('marks where the typed words start words of a name', () => {
    const name = 'Gemini 2.5 Pro';
    expect(matchRanges(name, 'gem 2.5').map((r) => name.slice(r.start, r.end))).toEqual(['Gem', '2.5']);
    const hle = 'Humanity’s Last Exam';
    expect(matchRanges(hle, "humanity's").map((r) => hle.slice(r.start, r.end))).toEqual(['Humanity’s']);
    expect(matchRanges(hle, 'humanitys').map((r) => hle.slice(r.start, r.end))).toEqual(['Humanity’s']);
    expect(matchRanges('GPT-5.2 45', 'gpt-4.5').map((r) => 'GPT-5.2 45'.slice(r.start, r.end))).toEqual(['GPT']);
    expect(matchRanges('anything', '!!!')).toEqual([]);
  });
});

describe('time range model', () => {
  const days = [
    { date: '2025-01-06', count: 1 },
    { date: '2025-01-20', count: 2 },
    { date: '2025-02-10', count: 1 },
    { date: '2025-03-24', count: 1 },
    { date: 'March 2025', count: 4 }, // not a day: ignored
  ];

  it('normalises ranges from outside: bad days dropped, bounds put in order, empty → null', () => {
    expect(normalizeRange({ from: '2025-03-01', to: '2025-01-01' })).toEqual({ from: '2025-01-01', to: '2025-03-01' });
    expect(normalizeRange({ from: '2025-02-30', to: 'soon' })).toBeNull();
    expect(normalizeRange({ to: '2025-02-28' })).toEqual({ to: '2025-02-28' });
    expect(normalizeRange(null)).toBeNull();
  });

  it('bins by day, week or month to stay under the bar budget, gaps included', () => {
    expect(binUnit('2025-01-01', '2025-02-15')).toBe('day');
    expect(binUnit('2025-01-01', '2025-09-01')).toBe('week');
    expect(binUnit('2023-01-01', '2025-09-01')).toBe('month');
    const { unit, bins } = histogram(days);
    expect(unit).toBe('week');
    expect(bins[0]).toEqual({ start: '2025-01-06', end: '2025-01-12', count: 1 }); // a Monday
    expect(bins.at(-1)).toEqual({ start: '2025-03-24', end: '2025-03-30', count: 1 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(bins.filter((b) => b.count === 0).length).toBeGreaterThan(0);
    const months = histogram(days, 5);
    expect(months.unit).toBe('month');
    expect(months.bins.map((b) => [b.start, b.end, b.count])).toEqual([
      ['2025-01-01', '2025-01-31', 3],
      ['2025-02-01', '2025-02-28', 1],
      ['2025-03-01', '2025-03-31', 1],
    ]);
    expect(histogram([]).bins).toEqual([]);
  });

  it('maps slider positions to ranges and back; the whole span is no filter', () => {
    const { bins } = histogram(days, 5);
    expect(indicesToRange(bins, 0, 2)).toBeNull();
    expect(indicesToRange(bins, 2, 1)).toEqual({ from: '2025-02-01', to: '2025-03-31' });
    expect(rangeToIndices(bins, { from: '2025-02-10', to: '2025-02-20' })).toEqual([1, 1]);
    expect(rangeToIndices(bins, { from: '2025-02-10' })).toEqual([1, 2]);
    expect(rangeToIndices(bins, null)).toEqual([0, 2]);
    expect(rangeToIndices(bins, { from: '2024-01-01', to: '2030-01-01' })).toEqual([0, 2]);
  });

  it('counts issues in a range, presets from the last issue, the previous period, labels and query parameters', () => {
    expect(countInRange(days, { from: '2025-01-10', to: '2025-02-10' })).toBe(3);
    expect(lastDays('2025-03-24', 30)).toEqual({ from: '2025-02-23', to: '2025-03-24' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(formatRange({ from: '2025-01-03', to: '2025-03-17' })).toBe('3 Jan – 17 Mar 2025');
    expect(formatRange({ from: '2024-12-30', to: '2025-01-05' })).toBe('30 Dec 2024 – 5 Jan 2025');
    expect(formatRange({ from: '2025-01-03' })).toBe('since 3 Jan 2025');
    expect(formatRange(null)).toBe('all time');
    expect(rangeQuery({ to: '2025-01-31' })).toEqual({ to: '2025-01-31' });
    expect(rangeQuery(null)).toEqual({});
  });

  it('What is new compares the time filter, or the last N days of the archive', () => {
    expect(trendsPeriod({ from: '2025-01-01', to: '2025-01-31' }, 'filter', '2025-03-24')).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(trendsPeriod(null, '30', '2025-03-24')).toEqual({ from: '2025-02-23', to: '2025-03-24' });
    expect(trendsPeriod({ to: '2025-02-28' }, '7', '2025-03-24')).toEqual({ from: '2025-02-22', to: '2025-02-28' });
    expect(trendsPeriod(null, 'filter', '2025-03-24')).toEqual({ from: '2025-02-23', to: '2025-03-24' });
    expect(trendsPeriod(null, '30', null)).toBeNull();
  });
});

const node = (id: string, type = 'Method'): NodeData => ({ id, label: id, kind: 'entity', type, mentionCount: 3 });
const edge = (source: string, target: string, type = 'USES') => ({ data: { id: `${source}|${type}|${target}`, source, target, type, weight: 1, evidenceCount: 1 } });

describe('app state: time filter, issues, what is new', () => {
  it('the range is in the state, the neighbour filters, the status line and the URL', () => {
    const s = S.setRange(S.initialState(), { from: '2025-03-01', to: '2025-01-01' });
    expect(s.range).toEqual({ from: '2025-01-01', to: '2025-03-01' });
    expect(S.neighbourFilters(s)).toEqual({ from: '2025-01-01', to: '2025-03-01' });
    expect(S.derive(s).status).toBe('0 nodes · 0 edges · 1 Jan – 1 Mar 2025');
    const url = encodeViewState(S.derive(s).url);
    expect(url).toBe('from=2025-01-01&to=2025-03-01');
    const back = S.fromViewState(S.initialState(), decodeViewState(`?${url}`));
    expect(back.range).toEqual(s.range);
    expect(S.setRange(s, null).range).toBeNull();
    expect(decodeViewState('?from=2025-13-01&to=x').range).toBeNull();
  });

  it('a change of range keeps the pinned nodes and lists the expansions to fetch again', () => {
    let s = S.place(S.initialState(), node('Method:a'));
    s = S.expanded(s, 'Method:a', { elements: { nodes: [{ data: node('Method:a') }, { data: node('Method:b') }, { data: node('Method:c') }], edges: [edge('Method:a', 'Method:b'), edge('Method:c', 'Method:a')] }, total: 2, more: 0 }, 25).state;
    s = S.place(s, node('Lab:x', 'Lab'));
    const { state, expand } = S.rangeRebuild(S.setRange(s, { from: '2025-01-01' }));
    expect(expand).toEqual(['Method:a']);
    expect([...state.model.nodes.keys()].sort()).toEqual(['Lab:x', 'Method:a']);
    expect(state.model.edges.size).toBe(0);
    expect(state.model.expansions.size).toBe(0);
    expect(state.placed).toEqual(['Method:a', 'Lab:x']);
    // Nodes without a mention in the range are faded, the others get their in-range counts.
    const marked = S.markInRange(state, new Map([['Method:a', 0], ['Lab:x', 7], ['Nope:z', 1]]));
    expect(marked.model.nodes.get('Method:a')).toMatchObject({ mentionCount: 0, outOfRange: true });
    expect(marked.model.nodes.get('Lab:x')).toMatchObject({ mentionCount: 7, outOfRange: false });
    expect(marked.model.nodes.has('Nope:z')).toBe(false);
  });

  it('an opened issue replaces the canvas, is pinned and focused, and is in the URL', () => {
    const res: DocumentGraphResponse = {
      document: { id: 'doc:1', title: 'Issue one', publication: 'P', issue: '1', date: '2025-01-06', url: null },
      elements: {
        nodes: [{ data: { id: 'doc:1', label: 'Issue one', kind: 'document', type: 'Document' } }, { data: node('Method:a') }, { data: node('Method:b') }],
        edges: [edge('doc:1', 'Method:a', 'MENTIONS'), edge('doc:1', 'Method:b', 'MENTIONS'), edge('Method:a', 'Method:b', 'IMPROVES_ON')],
      },
      total: 2,
      more: 0,
    };
    let s = S.toggleType(S.place(S.initialState(), node('Lab:old', 'Lab')), 'node', 'Document', false);
    s = S.showIssue(s, res);
    expect([...s.model.nodes.keys()].sort()).toEqual(['Method:a', 'Method:b', 'doc:1']);
    expect(s.model.pinned.has('doc:1')).toBe(true);
    expect(s.hiddenTypes.has('Document')).toBe(false);
    expect([s.issue, s.focus]).toEqual(['doc:1', null]);
    const v = S.derive(s).url;
    expect(v.issue).toBe('doc:1');
    expect(decodeViewState(`?${encodeViewState(v)}`).issue).toBe('doc:1');
    expect(S.clearCanvas(s).issue).toBeNull();
  });

  it('the Issues and New tabs are remembered as the panel', () => {
    expect(S.derive(S.openTab(S.initialState(), 'issues')).url.panel).toBe('issues');
    expect(decodeViewState('?panel=new').panel).toBe('new');
  });
});

describe('What is new on the canvas', () => {
  const ref = (id: string, type = 'Model') => ({ id, name: id, type: type as 'Model' });
  const doc = { id: 'd', title: 'D', publication: null, issue: null, date: '2025-03-03', url: null };
  const res: TrendsResponse = {
    period: { from: '2025-03-01', to: '2025-03-31', documents: 2 },
    previous: { from: '2025-01-29', to: '2025-02-28', documents: 1 },
    undatedDocuments: 0,
    newEntities: { total: 3, items: ['Model:n1', 'Model:n2', 'Model:n3'].map((id, i) => ({ ...ref(id), mentions: 5 - i, documents: 1, firstSeen: doc })) },
    rising: { total: 2, items: ['Model:r1', 'Model:r2'].map((id) => ({ ...ref(id), mentions: 4, previousMentions: 1, change: 3, documents: 2, previousDocuments: 1, documentChange: 1 })) },
    newRelations: { total: 2, items: [
      { source: ref('Model:n1'), type: 'IMPROVES_ON', target: ref('Model:old'), documents: 1, evidence: 'n1 beats old', document: doc },
      { source: ref('Model:r1'), type: 'EVALUATED_ON', target: ref('Benchmark:b', 'Benchmark'), documents: 2, evidence: 'r1 on b', document: doc },
    ] },
  };

  it('new and rising entities, marked, joined by the new relations (their other ends come too, unmarked)', () => {
    const g: GraphElements = trendsElements(res);
    const byId = new Map(g.nodes.map((n) => [n.data.id, n.data]));
    expect([...byId.keys()].sort()).toEqual(['Benchmark:b', 'Model:n1', 'Model:n2', 'Model:n3', 'Model:old', 'Model:r1', 'Model:r2']);
    expect(byId.get('Model:n1')).toMatchObject({ trend: 'new', mentionCount: 5 });
    expect(byId.get('Model:r2')).toMatchObject({ trend: 'rising' });
    expect(byId.get('Model:old')!.trend).toBeUndefined();
    expect(g.edges.map((e) => e.data.id)).toEqual(['Model:n1|IMPROVES_ON|Model:old', 'Model:r1|EVALUATED_ON|Benchmark:b']);
    expect(g.edges.every((e) => e.data.trend === 'new')).toBe(true);
  });

  it('stays under the node budget, keeping both kinds of news', () => {
    const g = trendsElements(res, 5);
    expect(g.nodes.length).toBe(5);
    expect(g.edges.every((e) => g.nodes.some((n) => n.data.id === e.data.source) && g.nodes.some((n) => n.data.id === e.data.target))).toBe(true);
    expect(risingLabel({ change: 3, documentChange: 1 }, 'mentions')).toBe('+3 mentions');
    expect(risingLabel({ change: 3, documentChange: 1 }, 'documents')).toBe('+1 issue');
  });
});

describe('the by-issue chart: bars and dates never overlap', () => {
  const many = Array.from({ length: 130 }, (_, i) => ({ document: { id: `d${i}`, title: `T${i}`, date: addDays('2024-01-01', i * 3) }, count: 1 + (i % 4) }));

  it('bars keep a minimum slot (the chart scrolls instead), never drawn on top of each other', () => {
    const bins = binTimeline(many, 'issue');
    const W = chartWidth(bins.length, 300);
    expect(W).toBe(130 * MIN_SLOT);
    const bars = barGeometry(bins, W, 70, 1);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.x).toBeGreaterThanOrEqual(bars[i - 1]!.x + bars[i - 1]!.width);
    expect(chartWidth(10, 300)).toBe(300);
  });

  it('axis labels keep apart, stay inside the chart, and a repeated date is written once', () => {
    const bins = binTimeline(many, 'issue');
    const W = chartWidth(bins.length, 300);
    const bars = barGeometry(bins, W, 70, 1);
    const labels = axisLabels(bars, W, { charWidth: 5.6, gap: 6 });
    expect(labels.length).toBeGreaterThan(3);
    for (let i = 1; i < labels.length; i++) {
      const a = labels[i - 1]!, b = labels[i]!;
      expect(b.x - (b.text.length * 5.6) / 2).toBeGreaterThanOrEqual(a.x + (a.text.length * 5.6) / 2 + 6);
    }
    for (const l of labels) expect(l.x - (l.text.length * 5.6) / 2).toBeGreaterThanOrEqual(0);
    const sameDay = binTimeline([1, 2, 3].map((i) => ({ document: { id: `s${i}`, title: 'x', date: '2025-01-06' }, count: 1 })), 'issue');
    expect(axisLabels(barGeometry(sameDay, 300, 70), 300).map((l) => l.text)).toEqual(['6 Jan ’25']);
    expect(shortDate('2025-03')).toBe('Mar ’25');
    expect(shortDate('undated')).toBe('undated');
  });
});
