/**
 * Curation statements (core/curation.ts explains the model). The curation API reads the part of the graph a
 * decision touches as the extractor wrote it — mentions by their extractor entity, relations by their extractor
 * ends (`src`/`dst` when they were moved), hidden ones from (:SuppressedRelation) — and writes it back under the new
 * list of decisions; the ingest writer shares the statements for what only curation creates.
 * Relationship types and labels come from the vocabulary (checked before they get here), set with `$(...)`.
 */
export const CURATION = {
  /** The graph version's curation counter, read at the start of every ingest write transaction. */
  state: `
    OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
    CALL () { MATCH (c:Curation) RETURN count(c) AS decisions }
    RETURN v.epoch AS epoch, coalesce(v.curation, 0) AS count, decisions`,

  /**
   * The FIRST statement of every curation write: it bumps the graph version (the API's cache follows it) and the
   * curation counter, and holds the version node's lock to the end — so curation writes run one at a time, and an
   * ingest transaction (which takes that lock last, in bumpGraphVersion) either commits before this one reads, or
   * sees the counter moved and writes again with the new decisions (ingest/write.ts).
   */
  lock: `
    MERGE (v:GraphVersion {id: 'graph'})
    ON CREATE SET v.epoch = randomUUID()
    SET v.version = coalesce(v.version, 0) + 1, v.curation = coalesce(v.curation, 0) + 1
    RETURN v.curation AS seq`,

  decisions: `
    MATCH (c:Curation)
    RETURN properties(c) AS props
    ORDER BY c.seq`,

  createDecision: `
    CREATE (c:Curation)
    SET c = $props`,

  deleteDecision: `
    MATCH (c:Curation {id: $id})
    DELETE c`,

  /** An entity as the explorer shows it, to check a decision against. */
  entity: `
    MATCH (e:Entity {id: $id})
    RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases`,

  existing: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    RETURN e.id AS id`,

  /** How many relationships of `$type` go from `$source` to `$target` (the type is compared, not spliced). */
  relationCount: `
    MATCH (:Entity {id: $source})-[r]->(:Entity {id: $target})
    WHERE type(r) = $type
    RETURN count(r) AS count`,

  // ---------- reading a region (ids: extractor and curated entity ids of the decisions' connected part) ----------

  /** The extractor's record of each id: the kept one (touched before), and the live node (its record if untouched). */
  records: `
    UNWIND $ids AS id
    OPTIONAL MATCH (x:ExtractedEntity {id: id})
    OPTIONAL MATCH (e:Entity {id: id})
    RETURN id,
           x {.name, .type, aliases: coalesce(x.aliases, []), trusted: coalesce(x.trusted, true)} AS kept,
           e {.name, .type, aliases: coalesce(e.aliases, []), trusted: coalesce(e.trusted, true)} AS live`,

  /** Every mention of the region: live ones through REFERS_TO, dormant (and touched) ones through EXTRACTED_AS. */
  mentions: `
    CALL () {
      UNWIND $ids AS id
      MATCH (:Entity {id: id})<-[:REFERS_TO]-(m:Mention)
      RETURN m
      UNION
      UNWIND $ids AS id
      MATCH (:ExtractedEntity {id: id})<-[:EXTRACTED_AS]-(m:Mention)
      RETURN m
    }
    OPTIONAL MATCH (m)-[:REFERS_TO]->(e:Entity)
    RETURN m.id AS id, m.documentId AS documentId, m.entityId AS entityId, m.text AS text, m.sentenceStart AS sentenceStart, e.id AS currentId`,

  /** Live relations with an end in the region, with their extractor ends. */
  relations: `
    CALL () {
      UNWIND $ids AS id
      MATCH (:Entity {id: id})-[r]->(:Entity)
      RETURN r
      UNION
      UNWIND $ids AS id
      MATCH (:Entity)-[r]->(:Entity {id: id})
      RETURN r
    }
    WITH r WHERE type(r) IN $types
    RETURN elementId(r) AS elementId, type(r) AS type, r.documentId AS documentId,
           coalesce(r.src, startNode(r).id) AS source, coalesce(r.dst, endNode(r).id) AS target,
           r.evidence AS evidence, r.evidenceStart AS evidenceStart, r.reason AS reason, r.weight AS weight`,

  /** Hidden relations and front-matter links with an end in the region. */
  suppressed: `
    CALL () {
      UNWIND $ids AS id
      MATCH (s:SuppressedRelation {source: id})
      RETURN s
      UNION
      UNWIND $ids AS id
      MATCH (s:SuppressedRelation {target: id})
      RETURN s
    }
    RETURN elementId(s) AS elementId, properties(s) AS props`,

  /** Live front-matter links to the region's entities, with their extractor entity. */
  facts: `
    UNWIND $ids AS id
    MATCH (d:Document)-[l:LISTS]->(e:Entity {id: id})
    RETURN elementId(l) AS elementId, d.id AS documentId, coalesce(l.src, e.id) AS entityId, l.field AS field, l.value AS value, l.reason AS reason`,

  /** Mentions of the far end of a relation in its document: how it is written there (for a split alias). */
  contextMentions: `
    UNWIND $pairs AS p
    MATCH (m:Mention {documentId: p.documentId})
    WHERE m.entityId = p.entityId
    RETURN m.id AS id, m.documentId AS documentId, m.entityId AS entityId, m.text AS text, m.sentenceStart AS sentenceStart`,

  // ---------- writing a region back ----------

  deleteRelationships: `
    UNWIND $ids AS eid
    MATCH ()-[r]->()
    WHERE elementId(r) = eid
    DELETE r`,

  deleteSuppressed: `
    UNWIND $ids AS eid
    MATCH (s:SuppressedRelation)
    WHERE elementId(s) = eid
    DELETE s`,

  /** Unhooks mentions whose entity changes (their Mention nodes, with the extractor's data, stay). */
  detachMentions: `
    UNWIND $ids AS id
    MATCH (m:Mention {id: id})
    OPTIONAL MATCH (m)-[r:REFERS_TO]->()
    DELETE r
    WITH DISTINCT m
    OPTIONAL MATCH (m)<-[c:CONTAINS]-()
    DELETE c`,

  /** Document → entity counts of the region's entities: recomputed from the live mentions. */
  clearCounts: `
    UNWIND $ids AS id
    MATCH (:Document)-[r:MENTIONS]->(:Entity {id: id})
    DELETE r`,

  deleteEntities: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    DETACH DELETE e`,

  upsertEntities: `
    UNWIND $entities AS row
    MERGE (e:Entity {id: row.id})
    SET e:$(row.type), e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.trusted = row.trusted`,

  attachMentions: `
    UNWIND $mentions AS row
    MATCH (m:Mention {id: row.id})
    MATCH (d:Document {id: row.documentId})
    MATCH (e:Entity {id: row.targetId})
    MERGE (d)-[:CONTAINS]->(m)
    MERGE (m)-[:REFERS_TO]->(e)`,

  mergeCounts: `
    UNWIND $counts AS row
    MATCH (d:Document {id: row.documentId})
    MATCH (e:Entity {id: row.entityId})
    MERGE (d)-[r:MENTIONS]->(e)
    SET r.count = row.count`,

  createRelations: `
    UNWIND $relations AS row
    MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
    CREATE (a)-[r:$(row.type)]->(b)
    SET r.documentId = row.documentId, r.evidence = row.evidence, r.evidenceStart = row.evidenceStart,
        r.reason = row.reason, r.weight = row.weight, r.src = row.src, r.dst = row.dst`,

  createFacts: `
    UNWIND $facts AS row
    MATCH (d:Document {id: row.documentId}), (e:Entity {id: row.entityId})
    MERGE (d)-[l:LISTS {field: row.field}]->(e)
    SET l.reason = row.reason, l.value = row.value, l.src = row.src`,

  /** The exact record set (the region's reads computed it). */
  setExtracted: `
    UNWIND $records AS row
    MERGE (x:ExtractedEntity {id: row.id})
    SET x.name = row.name, x.type = row.type, x.aliases = row.aliases, x.trusted = row.trusted`,

  deleteExtracted: `
    UNWIND $ids AS id
    MATCH (x:ExtractedEntity {id: id})
    DETACH DELETE x`,

  // ---------- shared with the ingest writer ----------

  /** Hidden relations / links, one node each, with the extractor's row (documentId, type, source, target, ...). */
  createSuppressed: `
    UNWIND $rows AS row
    CREATE (s:SuppressedRelation)
    SET s = row`,

  /** A mention of a touched extractor entity points at that entity's record, live or dormant. */
  linkExtracted: `
    UNWIND $links AS row
    MATCH (m:Mention {id: row.id})
    MATCH (x:ExtractedEntity {id: row.entityId})
    MERGE (m)-[:EXTRACTED_AS]->(x)`,
} as const;
