import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../ingest/extract/index.ts';
import type { DocumentRecord } from '../../ingest/model.ts';
import { readInputs } from '../../ingest/readers/index.ts';

const CORPUS = process.env.SHARED_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus');
const SEEDS = join(CORPUS, 'seeds');
if (!existsSync(SEEDS)) console.warn(`seed corpus not found at ${SEEDS}: skipping the seed checks`);

describe.skipIf(!existsSync(SEEDS))('seed newsletters', () => {
  it('resolves OpenAI across files, the spoken "Open AI" included, and links GDPO to GRPO', async () => {
    const docs: DocumentRecord[] = [];
    for await (const o of readInputs([SEEDS])) if (o.kind === 'document') docs.push(o.doc);
    const result = extractAll(docs);
    const openai = result.entities.find((e) => e.id === 'Lab:openai')!;
    const naming = docs.filter((d) => /open\s?ai/i.test(d.text));
    expect(new Set(openai.mentions.map((m) => m.documentId))).toEqual(new Set(naming.map((d) => d.id)));
    expect(openai.mentions.some((m) => m.text === 'Open AI')).toBe(true);
    expect(openai.aliases).toContain('Open AI');
    const link = result.relations.find((r) => r.source === 'Method:gdpo' && r.target === 'Method:grpo' && r.type !== 'CO_MENTIONED');
    expect(link?.type).toMatch(/IMPROVES_ON|COMPARED_WITH/);
    expect(link!.evidence).toContain('GRPO');
    for (const [surface, id] of [['John Schillman', 'Person:john-schulman'], ['Hugging Pace', 'Lab:hugging-face'], ['Lama 4', 'Model:llama-4']]) {
      expect(result.entities.find((e) => e.id === id)?.mentions.some((m) => m.text === surface)).toBe(true);
    }
  });
});
