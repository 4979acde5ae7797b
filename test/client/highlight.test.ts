import { describe, expect, it } from 'vitest';
import { excerpt, highlightSegments } from '../../client/src/model/highlight.ts';

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('highlightSegments', () => {
  const text = 'NVIDIA’s GDPO improves on GRPO.';

  it('covers the text exactly with highlighted and plain segments', () => {
    const segs = highlightSegments(text, [{ start: 9, end: 13, ref: 'Method:gdpo' }, { start: 26, end: 30, ref: 'Method:grpo' }]);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.span).map((s) => s.text)).toEqual(['GDPO', 'GRPO']);
    expect(segs.find((s) => s.text === 'GRPO')!.span!.ref).toBe('Method:grpo');
  });

  it('sorts spans, drops overlaps (first/longest wins), clamps and ignores bad spans', () => {
    const segs = highlightSegments(text, [
      { start: 26, end: 30 },
      { start: 0, end: 6 },
      { start: 0, end: 8 },
      { start: 3, end: 5 },
      { start: 20, end: 10 },
      { start: 1.5, end: 4 },
      { start: 28, end: 999 },
    ]);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.span).map((s) => [s.start, s.end])).toEqual([[0, 8], [26, 30]]);
  });

  it('handles a span at the very end and an empty text', () => {
    expect(highlightSegments('ab', [{ start: 1, end: 2 }]).map((s) => [s.text, !!s.span])).toEqual([['a', false], ['b', true]]);
    expect(highlightSegments('', [])).toEqual([{ text: '', start: 0, end: 0, span: null }]);
  });

  it('keeps offsets as UTF-16 indices (emoji, curly quotes)', () => {
    const t = '📄 GRPO — “quoted”';
    const start = t.indexOf('GRPO');
    const segs = highlightSegments(t, [{ start, end: start + 4 }]);
    expect(segs[1]!.text).toBe('GRPO');
  });
});

describe('excerpt', () => {
  it('returns short sentences whole', () => {
    expect(excerpt('short sentence', 0, 5)).toEqual({ text: 'short sentence', offset: 0, cutLeft: false, cutRight: false });
  });
  it('cuts long sentences around the mention at word boundaries', () => {
    const long = `${'word '.repeat(100)}GRPO${' tail'.repeat(100)}`;
    const at = long.indexOf('GRPO');
    const ex = excerpt(long, at, at + 4, 30);
    expect(ex.cutLeft && ex.cutRight).toBe(true);
    expect(ex.text.slice(at - ex.offset, at - ex.offset + 4)).toBe('GRPO');
    expect(ex.text.startsWith('word')).toBe(true);
  });
});
