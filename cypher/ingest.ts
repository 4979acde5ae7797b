/**
 * Every statement the ingest writer runs. A changed document = one write transaction running the one-document
 * statements in order; new documents are written several whole documents per transaction with the batch ones.
 * Labels and relationship types are set with Cypher 5.26's dynamic `$(...)` syntax from values the writer has
 * already checked against ENTITY_TYPES / RELATION_TYPES, so nothing user-supplied is ever spliced into text.
 */
import { ENTITY_REL_TYPES } from '../core/vocabulary.ts';

export const INGEST = {
  /** Every stored document's content hash, read once before an ingest: unchanged files then cost no query at all. */
  documentHashes: `
    MATCH (d:Document)
    RETURN d.id AS id, d.contentHash AS contentHash, d.path AS path, d.identity AS identity, d.sourceHash AS sourceHash,
           d.wordCount AS wordCount, d.warnings AS warnings`,

  /** Source hashes of documents found unchanged by their text, stored so the next ingest skips their files unread. */
  setSourceHashes: `
    UNWIND $rows AS row
    MATCH (d:Document {id: row.id})
    SET d.sourceHash = row.sourceHash`,

  documentHash: `
    MATCH (d:Document {id: $id})
    RETURN d.contentHash AS contentHash`,

  /** Entities the document mentioned before, so orphans can be removed after a rewrite. */
  documentEntityIds: `
    MATCH (:Document {id: $id})-[:MENTIONS]->(e:Entity)
    RETURN collect(e.id) AS ids`,

  /**
   * Removes everything this document contributed, keeping the Document node itself. Its relations are found by the
   * relationship-property index of each type (rel_document_*, hinted: a type with no relationships yet would
   * otherwise be planned as a scan of its index), not by walking every relationship of every entity it mentions.
   */
  clearDocumentRelations: ENTITY_REL_TYPES.map((t) => `CALL () { MATCH ()-[r:${t}]->() USING INDEX r:${t}(documentId) WHERE r.documentId = $id DELETE r }`).join('\n'),
  clearDocumentMentions: `
    MATCH (d:Document {id: $id})
    OPTIONAL MATCH (m:Mention {documentId: $id})
    DETACH DELETE m
    WITH DISTINCT d
    OPTIONAL MATCH (d)-[r:MENTIONS]->()
    DELETE r`,

  upsertDocument: `
    MERGE (d:Document {id: $doc.id})
    SET d.path = $doc.path, d.title = $doc.title, d.publication = $doc.publication, d.issue = $doc.issue,
        d.date = $doc.date, d.url = $doc.url, d.text = $doc.text, d.contentHash = $doc.contentHash,
        d.wordCount = $doc.wordCount, d.identity = $doc.identity, d.topics = $doc.topics, d.warnings = $doc.warnings,
        d.sourceHash = $doc.sourceHash,
        d.ingestedAt = datetime()`,

  upsertEntities: `
    UNWIND $entities AS row
    MERGE (e:Entity {id: row.id})
    ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = []
    SET e:$(row.type), e.trusted = coalesce(e.trusted, false) OR coalesce(row.trusted, false)
    SET e.aliases = reduce(acc = coalesce(e.aliases, []), a IN row.aliases |
          CASE WHEN a IN acc OR a = e.name THEN acc ELSE acc + a END)`,

  createMentions: `
    MATCH (d:Document {id: $documentId})
    UNWIND $mentions AS row
    MATCH (e:Entity {id: row.targetId})
    MERGE (m:Mention {id: row.id})
    SET m.documentId = $documentId, m.entityId = row.entityId, m.start = row.start, m.end = row.end,
        m.text = row.text, m.sentenceStart = row.sentenceStart, m.sentenceEnd = row.sentenceEnd, m.sentence = row.sentence,
        m.reason = row.reason
    MERGE (d)-[:CONTAINS]->(m)
    MERGE (m)-[:REFERS_TO]->(e)`,

  mergeDocumentMentions: `
    MATCH (d:Document {id: $documentId})
    UNWIND $counts AS row
    MATCH (e:Entity {id: row.entityId})
    MERGE (d)-[r:MENTIONS]->(e)
    SET r.count = row.count`,

  /** Front-matter facts: the document LISTS an entity, with the field and reason, and no text offset. */
  clearDocumentFacts: `
    MATCH (:Document {id: $id})-[r:LISTS]->()
    DELETE r`,
  mergeFacts: `
    UNWIND $facts AS row
    MATCH (d:Document {id: row.documentId}), (e:Entity {id: row.entityId})
    MERGE (d)-[r:LISTS {field: row.field}]->(e)
    SET r.reason = row.reason, r.value = row.value, r.src = row.src`,
  /** Entities a document lists in its front matter, so orphans can be removed after a rewrite. */
  documentListedIds: `
    MATCH (:Document {id: $id})-[:LISTS]->(e:Entity)
    RETURN collect(e.id) AS ids`,

  mergeRelations: `
    UNWIND $relations AS row
    MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
    MERGE (a)-[r:$(row.type) {documentId: row.documentId}]->(b)
    SET r.evidence = row.evidence, r.evidenceStart = row.evidenceStart, r.reason = row.reason, r.weight = row.weight,
        r.src = row.src, r.dst = row.dst`,

  /**
   * Batched writes of NEW documents (not in the graph before): several whole documents per transaction, each row
   * carrying its documentId. Everything a new document brings is CREATEd, never MERGEd: a MERGE of a relationship
   * walks the relationships already on its nodes (a document's CONTAINS, a hub's CO_MENTIONED), which made the
   * write cost grow with the graph. The Document's unique id is the guard: if another ingest wrote one of these
   * documents meanwhile, the batch fails on the constraint and the pipeline writes its documents one by one with
   * the MERGE statements above. Relations and facts arrive de-duplicated per key (the last row's values, as a
   * MERGE + SET per row would leave them), and curated (ingest/write.ts): a mention REFERS_TO its row's targetId,
   * relations and facts carry the extractor's ends in src/dst when a decision moved them.
   */
  createDocuments: `
    UNWIND $docs AS doc
    CREATE (d:Document {id: doc.id})
    SET d.path = doc.path, d.title = doc.title, d.publication = doc.publication, d.issue = doc.issue,
        d.date = doc.date, d.url = doc.url, d.text = doc.text, d.contentHash = doc.contentHash,
        d.wordCount = doc.wordCount, d.identity = doc.identity, d.topics = doc.topics, d.warnings = doc.warnings,
        d.sourceHash = doc.sourceHash,
        d.ingestedAt = datetime()`,

  createMentionsBatch: `
    UNWIND $mentions AS row
    MATCH (d:Document {id: row.documentId})
    MATCH (e:Entity {id: row.targetId})
    CREATE (d)-[:CONTAINS]->(m:Mention {id: row.id})-[:REFERS_TO]->(e)
    SET m.documentId = row.documentId, m.entityId = row.entityId, m.start = row.start, m.end = row.end,
        m.text = row.text, m.sentenceStart = row.sentenceStart, m.sentenceEnd = row.sentenceEnd, m.sentence = row.sentence,
        m.reason = row.reason`,

  createDocumentMentionsBatch: `
    UNWIND $counts AS row
    MATCH (d:Document {id: row.documentId})
    MATCH (e:Entity {id: row.entityId})
    CREATE (d)-[:MENTIONS {count: row.count}]->(e)`,

  createRelations: `
    UNWIND $relations AS row
    MATCH (a:Entity {id: row.source})
    MATCH (b:Entity {id: row.target})
    CREATE (a)-[r:$(row.type)]->(b)
    SET r.documentId = row.documentId, r.evidence = row.evidence, r.evidenceStart = row.evidenceStart, r.reason = row.reason,
        r.weight = row.weight, r.src = row.src, r.dst = row.dst`,

  createFacts: `
    UNWIND $facts AS row
    MATCH (d:Document {id: row.documentId})
    MATCH (e:Entity {id: row.entityId})
    CREATE (d)-[r:LISTS {field: row.field}]->(e)
    SET r.reason = row.reason, r.value = row.value, r.src = row.src`,

  /**
   * Curation (core/curation.ts): the mentions of a deleted entity stay dormant — no CONTAINS, no REFERS_TO — and
   * the extractor's records of touched entities are kept apart; a document's hidden relations go with it.
   */
  createDormantMentions: `
    UNWIND $mentions AS row
    MERGE (m:Mention {id: row.id})
    SET m.documentId = row.documentId, m.entityId = row.entityId, m.start = row.start, m.end = row.end,
        m.text = row.text, m.sentenceStart = row.sentenceStart, m.sentenceEnd = row.sentenceEnd, m.sentence = row.sentence,
        m.reason = row.reason`,
  upsertExtracted: `
    UNWIND $entities AS row
    MERGE (x:ExtractedEntity {id: row.id})
    ON CREATE SET x.name = row.name, x.type = row.type, x.aliases = []
    SET x.trusted = coalesce(x.trusted, false) OR coalesce(row.trusted, false)
    SET x.aliases = reduce(acc = coalesce(x.aliases, []), a IN row.aliases |
          CASE WHEN a IN acc OR a = x.name THEN acc ELSE acc + a END)`,
  clearDocumentSuppressed: `
    MATCH (s:SuppressedRelation {documentId: $id})
    DELETE s`,

  /** Entities left with no mention anywhere (after a rewrite or a removal) go, with their edges. */
  deleteOrphanEntities: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    WHERE NOT EXISTS { (e)<-[:REFERS_TO]-(:Mention) } AND NOT EXISTS { (e)<-[:LISTS]-(:Document) }
    DETACH DELETE e`,

  /** After a removal, aliases are recomputed from the mentions that remain. */
  recomputeAliases: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    CALL (e) {
      MATCH (m:Mention)-[:REFERS_TO]->(e)
      WITH DISTINCT m.text AS t WHERE t <> e.name
      RETURN collect(t) AS aliases
    }
    SET e.aliases = aliases`,

  findDocument: `
    MATCH (d:Document)
    WHERE d.id = $key OR d.path = $key
    RETURN d.id AS id, d.path AS path, d.title AS title`,

  deleteDocument: `
    MATCH (d:Document {id: $id})
    DETACH DELETE d`,

  /**
   * What the extractor knows: the extractor's view, not the curated one — entities no decision touches as they
   * are, and the kept records of touched ones that still have a mention.
   */
  knownEntities: `
    MATCH (e:Entity)
    WHERE NOT e.id IN $touched
    RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, coalesce(e.trusted, true) AS trusted
    UNION ALL
    MATCH (x:ExtractedEntity)
    WHERE EXISTS { (x)<-[:EXTRACTED_AS]-(:Mention) }
    RETURN x.id AS id, x.name AS name, x.type AS type, coalesce(x.aliases, []) AS aliases, coalesce(x.trusted, true) AS trusted`,

  /**
   * The graph version: every ingest write transaction (and removal) ends with this, in the same transaction, so
   * the API's response cache (server/cache.ts) can tell when what it holds went stale. `epoch` is new whenever the
   * node is (re)created — after a wipe the counter restarts, and epoch + version still never repeats. It returns
   * the curation counter: a writer that projected its rows with older decisions writes again (ingest/write.ts).
   */
  bumpGraphVersion: `
    MERGE (v:GraphVersion {id: 'graph'})
    ON CREATE SET v.epoch = randomUUID()
    SET v.version = coalesce(v.version, 0) + 1
    RETURN coalesce(v.curation, 0) AS curation`,

  /** The GraphVersion bookkeeping node is not part of the graph (a graph holding only it counts as empty). */
  counts: `
    CALL () { MATCH (n) RETURN count(n) AS allNodes }
    CALL () { MATCH (v:GraphVersion) RETURN count(v) AS meta }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
    RETURN allNodes - meta AS nodes, relationships`,
} as const;
