import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../ingest/extract/index.ts';
import { CO_MENTION, type DocumentRecord, ENTITY_TYPES, type Extraction, RELATION_TYPES } from '../../ingest/model.ts';
import { readInputs } from '../../ingest/readers/index.ts';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = process.env.SHARED_CORPUS ?? join(REPO, '../shared/corpus');
const DEMO = join(REPO, 'demo/corpus');

async function read(paths: string[]): Promise<DocumentRecord[]> {
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(paths)) if (o.kind === 'document') docs.push(o.doc);
  return docs;
}

function checkIntegrity(result: Extraction): void {
  const texts = new Map(result.documents.map((d) => [d.id, d.text]));
  const ids = new Set(result.entities.map((e) => e.id));
  for (const e of result.entities) {
    expect(ENTITY_TYPES).toContain(e.type);
    expect(e.id.startsWith(`${e.type}:`)).toBe(true);
    for (const m of e.mentions) {
      const text = texts.get(m.documentId)!;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.sentenceStart).toBeLessThanOrEqual(m.start);
      expect(m.sentenceEnd).toBeGreaterThanOrEqual(m.end);
      expect(m.reason).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  }
  for (const r of result.relations) {
    expect([...RELATION_TYPES, CO_MENTION]).toContain(r.type);
    expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
    const text = texts.get(r.documentId)!;
    expect(text.slice(r.evidenceStart, r.evidenceStart + r.evidence.length)).toBe(r.evidence);
    expect(r.reason).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    if (r.type === CO_MENTION) expect(r.source < r.target).toBe(true);
  }
}

describe('demo corpus', () => {
  it('keeps offsets exact and exercises every entity and relation type', async () => {
    const result = extractAll(await read([DEMO]));
    checkIntegrity(result);
    expect(new Set(result.entities.map((e) => e.type))).toEqual(new Set(ENTITY_TYPES));
    expect(new Set(result.relations.map((r) => r.type))).toEqual(new Set([...RELATION_TYPES, CO_MENTION]));
    // Two issues share GRPO and Mistral AI, so the graph is connected across documents.
    for (const id of ['Method:grpo', 'Lab:mistral-ai']) {
      expect(new Set(result.entities.find((e) => e.id === id)!.mentions.map((m) => m.documentId)).size).toBeGreaterThan(1);
    }
  });

  it('is deterministic, byte for byte', async () => {
    const a = JSON.stringify(extractAll(await read([DEMO])));
    const b = JSON.stringify(extractAll(await read([DEMO])));
    expect(a).toBe(b);
  });
});

describe.skipIf(!existsSync(CORPUS))(`shared corpus offsets (${CORPUS})`, () => {
  it('holds on every seed and potw issue', async () => {
    const dirs = ['seeds', 'potw'].map((d) => join(CORPUS, d)).filter((d) => existsSync(d));
    const result = extractAll(await read(dirs));
    expect(result.documents.length).toBeGreaterThan(0);
    checkIntegrity(result);
  });
});

if (!existsSync(CORPUS)) console.warn(`shared corpus not found at ${CORPUS}: skipping the corpus offset test`);
