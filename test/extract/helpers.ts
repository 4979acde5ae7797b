import { createHash } from 'node:crypto';
import { Extractor, type KnownEntity } from '../../ingest/extract/index.ts';
import type { DocumentRecord, EntityRecord, RelationRecord } from '../../ingest/model.ts';

/** A document record built straight from a string, for rule tests. */
export function doc(text: string, id = createHash('sha256').update(text).digest('hex').slice(0, 16)): DocumentRecord {
  return { id, path: `${id}.txt`, title: text.split('\n')[0]!, publication: null, issue: null, date: null, url: null, text, contentHash: id, wordCount: text.split(/\s+/).length };
}

export function run(text: string, known: KnownEntity[] = []): { entities: EntityRecord[]; relations: RelationRecord[] } {
  return new Extractor(known).extract(doc(text));
}

export const names = (entities: EntityRecord[], type: string) => entities.filter((e) => e.type === type).map((e) => e.name);

export function typed(out: { entities: EntityRecord[]; relations: RelationRecord[] }): string[] {
  const name = (id: string) => out.entities.find((e) => e.id === id)?.name ?? id;
  return out.relations.filter((r) => r.type !== 'CO_MENTIONED').map((r) => `${name(r.source)} ${r.type} ${name(r.target)}`);
}
