/**
 * The graph's schema, applied idempotently at every start (IF NOT EXISTS).
 *
 * (:Document {id})-[:CONTAINS]->(:Mention {id})-[:REFERS_TO]->(:Entity:<Type> {id})
 * (:Document)-[:MENTIONS {count}]->(:Entity)
 * (:Entity)-[:<RELATION_TYPE> {documentId, evidence, evidenceStart, reason, weight}]->(:Entity)
 *   one relationship per (source, type, target, document), so a document's contribution can be removed exactly.
 */
import { ENTITY_REL_TYPES } from '../core/vocabulary.ts';

export const SCHEMA_STATEMENTS: Record<string, string> = {
  documentIdUnique: 'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  entityIdUnique: 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  mentionIdUnique: 'CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE',
  // One version node, even when two ingests make their first write at the same moment.
  graphVersionUnique: 'CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE',
  entityName: 'CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)',
  entityType: 'CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)',
  documentDate: 'CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date)',
  documentPublication: 'CREATE INDEX document_publication IF NOT EXISTS FOR (d:Document) ON (d.publication)',
  documentPath: 'CREATE INDEX document_path IF NOT EXISTS FOR (d:Document) ON (d.path)',
  mentionDocument: 'CREATE INDEX mention_document IF NOT EXISTS FOR (m:Mention) ON (m.documentId)',
  // An entity's mentions in one document, without walking all its mentions or all the document's (GET /mentions).
  mentionEntityDocument: 'CREATE INDEX mention_entity_document IF NOT EXISTS FOR (m:Mention) ON (m.entityId, m.documentId)',
  entitySearch: 'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]',
  documentSearch: 'CREATE FULLTEXT INDEX document_search IF NOT EXISTS FOR (d:Document) ON EACH [d.title, d.publication]',
  // Curation (core/curation.ts): decisions, the extractor's records of touched entities, hidden relations.
  curationIdUnique: 'CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (c:Curation) REQUIRE c.id IS UNIQUE',
  extractedEntityIdUnique: 'CREATE CONSTRAINT extracted_entity_id IF NOT EXISTS FOR (x:ExtractedEntity) REQUIRE x.id IS UNIQUE',
  suppressedDocument: 'CREATE INDEX suppressed_document IF NOT EXISTS FOR (s:SuppressedRelation) ON (s.documentId)',
  suppressedSource: 'CREATE INDEX suppressed_source IF NOT EXISTS FOR (s:SuppressedRelation) ON (s.source)',
  suppressedTarget: 'CREATE INDEX suppressed_target IF NOT EXISTS FOR (s:SuppressedRelation) ON (s.target)',
  // Relationship-property indexes let a document's relations be found without scanning every edge.
  ...Object.fromEntries(
    ENTITY_REL_TYPES.map((t) => [
      `relDocument_${t}`,
      `CREATE INDEX rel_document_${t.toLowerCase()} IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.documentId)`,
    ]),
  ),
};

export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

/**
 * Deletes everything in batches (one DETACH DELETE of a large graph would need one huge transaction): the
 * relationships first, then the nodes — a batch of 10,000 nodes that DETACH DELETEs hub entities drags their
 * hundreds of thousands of relationships into one transaction, past the transaction memory limit.
 */
export const WIPE_GRAPH = {
  relationships: 'MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
  nodes: 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
} as const;

/** Constraints are listed too: each owns an index of the same name. */
export const EXISTING_SCHEMA_NAMES = 'SHOW INDEXES YIELD name RETURN name';
