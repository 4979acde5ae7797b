import { describe, expect, it } from 'vitest';
import { Extractor, extractAll } from '../../ingest/extract/index.ts';
import { EntityRegistry } from '../../ingest/resolve/registry.ts';
import { isMisspelling } from '../../ingest/resolve/similarity.ts';
import { LEXICON } from '../../ingest/rules/lexicon.ts';
import { doc } from './helpers.ts';

describe('registry', () => {
  const registry = () => new EntityRegistry([], LEXICON);

  it('folds case, punctuation, possessives and plurals', () => {
    const r = registry();
    const a = r.resolve('Hooli Labs', 'Lab');
    expect(r.resolve("HOOLI LABS's", 'Lab').id).toBe(a.id);
    const m = r.resolve('RLM', 'Method');
    expect(r.resolve('RLMs', 'Method').id).toBe(m.id);
  });

  it('maps speech-to-text misspellings onto known names', () => {
    const r = registry();
    expect(r.resolve('Open AI', 'Lab').id).toBe('Lab:openai');
    expect(r.resolve('Hugging Pace', 'Lab').id).toBe('Lab:hugging-face');
    expect(r.resolve('John Schillman', 'Person').id).toBe('Person:john-schulman');
    expect(r.get('Person:john-schulman')).toBeDefined();
  });

  it('never merges short acronyms or different versions', () => {
    const r = registry();
    expect(r.resolve('GDPO', 'Method').id).not.toBe(r.resolve('GRPO', 'Method').id);
    expect(r.resolve('DPO', 'Method').id).toBe('Method:dpo');
    expect(isMisspelling('Llama 3', 'Llama 4')).toBe(false);
    expect(isMisspelling('Benchmarks', 'Benchmark^2')).toBe(false);
    expect(isMisspelling('Lama 4', 'Llama 4')).toBe(true);
  });

  it('resolves against entities already in the database', () => {
    const r = new EntityRegistry([{ id: 'Method:flowmix', name: 'FlowMix', type: 'Method', aliases: ['Flow Mixing'] }], LEXICON);
    expect(r.resolve('flow-mixing', 'Method').id).toBe('Method:flowmix');
  });

  it('throws on bad known entities, naming the value', () => {
    expect(() => new EntityRegistry([{ id: 1 } as never])).toThrow(/invalid known entity: \{"id":1\}/);
    expect(() => new Extractor('nope' as never)).toThrow(/got "nope"/);
  });
});

describe('across documents', () => {
  it('a misspelt model family resolves to the canonical model', () => {
    const out = new Extractor().extract(doc('People keep asking about Lama 4 and what comes next.'));
    const model = out.entities.find((e) => e.type === 'Model')!;
    expect(model).toMatchObject({ id: 'Model:llama-4', name: 'Llama 4' });
    expect(model.aliases).toContain('Lama 4');
  });

  it('names found in one issue are recognised in the next, and known() lists them', () => {
    const result = extractAll([doc('ZetaNorm, a normalisation method, is introduced here.', 'd1'), doc('Later work tunes ZetaNorm further.', 'd2')]);
    const zeta = result.entities.find((e) => e.name === 'ZetaNorm')!;
    expect(new Set(zeta.mentions.map((m) => m.documentId))).toEqual(new Set(['d1', 'd2']));
    const ex = new Extractor([{ id: 'Lab:hooli', name: 'Hooli', type: 'Lab', aliases: [] }]);
    ex.extract(doc('Hooli shipped ZetaNorm.'));
    expect(ex.known().map((k) => k.id)).toEqual(expect.arrayContaining(['Lab:hooli']));
  });
});
