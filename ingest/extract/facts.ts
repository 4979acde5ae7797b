import { FACT_FIELDS, type DocumentRecord, type EntityRecord, type FactLink } from '../model.ts';
import type { EntityRegistry } from '../resolve/registry.ts';

/**
 * Front-matter facts ("companies: [google-deepmind]", "people: [jeffdean]") resolved to entities: first one this
 * document's text names (a slug or handle folds onto "Google DeepMind", "Jeff Dean", "@JeffDean"), then any known
 * entity, else a new one named as listed. They are links from the document (reason `front-matter-<field>`), never
 * mentions: no text offset is claimed for them.
 */
export function resolveFacts(
  doc: DocumentRecord,
  registry: EntityRegistry,
  entities: EntityRecord[],
): { facts: FactLink[]; listedOnly: EntityRecord[] } {
  const facts: FactLink[] = [];
  const listedOnly = new Map<string, EntityRecord>();
  const here = new Set(entities.map((e) => e.id));
  for (const fact of doc.facts ?? []) {
    const type = FACT_FIELDS[fact.field];
    if (type === null) continue;
    const spaced = fact.value.replace(/[-_]+/g, ' ');
    const ref =
      registry.peek(fact.value, type) ??
      registry.peek(spaced, type) ??
      registry.resolve(type === 'Person' && !/\s/.test(fact.value) ? `@${fact.value}` : fact.value, type, { fuzzy: false });
    if (!here.has(ref.id) && !listedOnly.has(ref.id)) {
      listedOnly.set(ref.id, { id: ref.id, name: ref.name, type: ref.type, aliases: registry.aliasesOf(ref.id), mentions: [] });
    }
    if (!facts.some((f) => f.entityId === ref.id && f.field === fact.field)) {
      facts.push({ documentId: doc.id, entityId: ref.id, field: fact.field, value: fact.value, reason: fact.reason });
    }
  }
  return { facts, listedOnly: [...listedOnly.values()] };
}
