/**
 * Read statements behind the API. Every value is a $param; nothing user-typed is concatenated.
 *
 * A few statements are templates: relationship types, hop counts and sort keys cannot be parameters in Cypher,
 * so they are spliced in — but only from the zod-enum whitelists below, re-checked here (`relPattern`,
 * `DOCUMENT_SORT_KEYS`), so a value that did not come from the enum throws before any text is built.
 *
 * Offsets: mention/sentence offsets are UTF-16 indices (JavaScript's), while Cypher's substring() counts code
 * points, so sentences are cut in JavaScript — at ingest (stored as m.sentence) or, for mentions stored before
 * that, in server/services/text.ts — never with substring() here.
 */
import { CO_MENTION, EDGE_TYPES, ENTITY_REL_TYPES, RELATION_TYPES } from '../core/vocabulary.ts';

/** Entity relations and the document → entity link: every type a pattern may name. */
const ALLOWED_REL_TYPES = new Set<string>(EDGE_TYPES);

/** `PROPOSES|USES|...` for a relationship pattern; throws on anything outside the whitelist. */
export function relPattern(types: readonly string[]): string {
  if (types.length === 0) throw new Error('relPattern: no relationship types');
  for (const t of types) if (!ALLOWED_REL_TYPES.has(t)) throw new Error(`relPattern: ${JSON.stringify(t)} is not a relationship type`);
  return [...new Set(types)].join('|');
}

const ALL_ENTITY_RELS = relPattern(ENTITY_REL_TYPES);

/** Inside `CALL (d) { … }`: the typed relations stated in document d, one index seek per type (rel_document_*). */
const TYPED_IN_DOCUMENT = RELATION_TYPES.map((t) => `MATCH (s:Entity)-[r:${relPattern([t])}]->(t:Entity) USING INDEX r:${relPattern([t])}(documentId) WHERE r.documentId = d.id RETURN s, '${t}' AS type, t`).join(
  '\n          UNION ALL\n          ',
);

/** The DocumentRef shape of the contract, for a Document bound to `v`. */
const docRef = (v: string) =>
  `{id: ${v}.id, title: coalesce(${v}.title, ${v}.path, ${v}.id), publication: ${v}.publication, issue: ${v}.issue, date: ${v}.date, url: ${v}.url}`;

/**
 * The time filter ($from, $to: YYYY-MM-DD or null). A Document bound to `v` is in when it is dated within the bounds
 * given; with no bound every document is in, dated or not (a null date never compares true).
 */
const inRange = (v: string) => `($from IS NULL OR ${v}.date >= $from) AND ($to IS NULL OR ${v}.date <= $to)`;
const NO_RANGE = '($from IS NULL AND $to IS NULL)';
/**
 * Binds `rangeDocs`: the ids of the documents in the range (empty without a range). Relations are stored per
 * document (r.documentId), so "stated in the range" is `inRangeRel('r')`; the list is built once per query.
 */
const RANGE_DOCS = `
    CALL () {
      WITH 1 AS ranged WHERE NOT ${NO_RANGE}
      MATCH (rd:Document) WHERE rd.date >= coalesce($from, '') AND rd.date <= coalesce($to, '9999-12-31')
      RETURN collect(rd.id) AS rangeDocs
    }`;
const inRangeRel = (r: string) => `(${NO_RANGE} OR ${r}.documentId IN rangeDocs)`;
/** An entity's mentions: all of them, or in the range (summed per issue from MENTIONS, one relationship per issue). */
const mentionCount = (e: string) =>
  `CASE WHEN ${NO_RANGE} THEN COUNT { (${e})<-[:REFERS_TO]-() } ELSE reduce(n = 0, c IN COLLECT { MATCH (md:Document)-[mr:MENTIONS]->(${e}) WHERE ${inRange('md')} RETURN mr.count } | n + c) END`;

/** Sort keys of GET /api/documents → the expression each sorts by. */
const DOCUMENT_SORT_KEYS = {
  date: 'd.date',
  title: 'toLower(d.title)',
  publication: 'toLower(d.publication)',
  mentions: 'mentionCount',
} as const;
export type DocumentSortKey = keyof typeof DOCUMENT_SORT_KEYS;

export const QUERIES = {
  health: `
    CALL dbms.components() YIELD versions, edition
    CALL () { MATCH (n) RETURN count(n) AS allNodes }
    CALL () { MATCH (v:GraphVersion) RETURN count(v) AS meta }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
    CALL () { MATCH (d:Document) RETURN count(d) AS documents }
    CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
    RETURN versions[0] AS version, edition, allNodes - meta AS nodes, relationships, documents, entities`,

  /**
   * The graph version the response cache compares (server/cache.ts): '' when the node is missing (a wiped
   * graph), which differs from every real version. Several nodes (concurrent first writes) all get bumped.
   */
  graphVersion: `
    MATCH (v:GraphVersion {id: 'graph'})
    WITH v ORDER BY v.epoch
    RETURN reduce(acc = '', x IN collect(v.epoch + ':' + toString(v.version)) | acc + x + ';') AS version`,

  stats: `
    CALL () {
      MATCH (e:Entity)
      WITH e.type AS type, count(*) AS count ORDER BY count DESC, type
      RETURN collect({type: type, count: count}) AS entitiesByType
    }
    CALL () {
      MATCH (:Entity)-[r:${ALL_ENTITY_RELS}]->(:Entity)
      WITH type(r) AS type, count(*) AS count ORDER BY count DESC, type
      RETURN collect({type: type, count: count}) AS relationsByType
    }
    CALL () {
      MATCH (d:Document)
      WITH coalesce(d.publication, 'unknown') AS publication, count(*) AS count ORDER BY count DESC, publication
      RETURN collect({publication: publication, count: count}) AS documentsByPublication
    }
    CALL () {
      MATCH (d:Document)
      WITH coalesce(left(d.date, 7), 'unknown') AS month, count(*) AS count ORDER BY month
      RETURN collect({month: month, count: count}) AS documentsByMonth
    }
    RETURN entitiesByType, relationsByType, documentsByPublication, documentsByMonth`,

  /**
   * Candidates for a search, best Lucene score first; $lucene is built by server/services/search.ts from
   * escaped tokens, and the final ranking (exact names first) happens there.
   */
  search: `
    CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $indexLimit}) YIELD node AS e, score
    WHERE ($types IS NULL OR e.type IN $types)
      AND (($from IS NULL AND $to IS NULL)
           OR EXISTS { MATCH (d:Document)-[:MENTIONS]->(e) WHERE ($from IS NULL OR d.date >= $from) AND ($to IS NULL OR d.date <= $to) })
    WITH e, score ORDER BY score DESC LIMIT $candidates
    RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases,
           COUNT { (e)<-[:REFERS_TO]-() } AS mentionCount, score`,

  /** Issues by title/publication for a search, best Lucene score first (re-ranked in server/services/search.ts). */
  searchDocuments: `
    CALL db.index.fulltext.queryNodes('document_search', $lucene, {limit: $indexLimit}) YIELD node AS d, score
    WHERE ($from IS NULL OR d.date >= $from) AND ($to IS NULL OR d.date <= $to)
    WITH d, score ORDER BY score DESC LIMIT $candidates
    RETURN d.id AS id, coalesce(d.title, d.path, d.id) AS title, d.publication AS publication, d.issue AS issue,
           d.date AS date, d.url AS url, score`,

  /** With a range, every count, the first/last issue and the relations are those of the issues in it. */
  entity: `
    MATCH (e:Entity {id: $id})
    CALL (e) {
      MATCH (d:Document)-[:MENTIONS]->(e)
      WHERE ${inRange('d')}
      WITH d ORDER BY d.date IS NULL, d.date, d.title, d.id
      WITH collect(${docRef('d')}) AS docs
      RETURN size(docs) AS documentCount, docs[0] AS firstSeen,
             coalesce(last([x IN docs WHERE x.date IS NOT NULL]), last(docs)) AS lastSeen
    }
    ${RANGE_DOCS}
    CALL (e, rangeDocs) {
      MATCH (e)-[r:${ALL_ENTITY_RELS}]-(o:Entity)
      WHERE o <> e AND ${inRangeRel('r')}
      WITH type(r) AS type, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction, count(DISTINCT o) AS count
      ORDER BY count DESC, type, direction
      RETURN collect({type: type, direction: direction, count: count}) AS relationCounts
    }
    RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases,
           coalesce(${mentionCount('e')}, 0) AS mentionCount, documentCount, firstSeen, lastSeen, relationCounts,
           CASE WHEN ${NO_RANGE} THEN null ELSE {from: $from, to: $to} END AS range`,

  /**
   * One page of mentions, each with the sentence stored on it at ingest (no document text travels). In document
   * order (date, title, id), then by offset. The documents are ordered from the MENTIONS links (one per document,
   * each with its mention count), so only the documents the page falls in are opened — a lab mentioned 2,000 times
   * costs a page, not 2,000 mentions — and their mentions of the entity are found by the (entityId, documentId)
   * index. With a range, only the issues in it (and `total` counts their mentions). A mention belongs to the entity
   * it REFERS_TO (curation may have moved it), so the index seek is checked against the MENTIONS count.
   * Mentions written before sentences were stored have none: only for those, the document text comes back.
   */
  entityMentions: `
    MATCH (e:Entity {id: $id})
    CALL (e) {
      MATCH (d:Document)-[r:MENTIONS]->(e)
      WHERE ${inRange('d')}
      WITH d, r.count AS n ORDER BY d.date IS NULL, d.date, d.title, d.id
      WITH collect({d: d, n: n}) AS docs
      WITH docs, reduce(acc = [0], x IN docs | acc + (acc[-1] + x.n)) AS before
      UNWIND range(0, size(docs) - 1) AS i
      WITH docs[i].d AS d, docs[i].n AS n, before[i] AS skipped
      WHERE before[i + 1] > $offset AND skipped < $offset + $limit
      CALL (d, e, n) {
        // From each mention to the one entity it refers to, never from the entity (a hub has thousands of REFERS_TO).
        CALL (d, e) {
          MATCH (m:Mention {entityId: e.id, documentId: d.id})-[:REFERS_TO]->(t)
          USING INDEX m:Mention(entityId, documentId)
          WHERE elementId(t) = elementId(e)
          RETURN collect(m) AS direct
        }
        // m.entityId is the extractor's entity: when a curation decision moved other mentions onto e, the index
        // finds fewer than the MENTIONS count, and only then is the document's every mention looked at (the UNWIND
        // keeps the planner from seeking before the test).
        CALL (d, e, n, direct) {
          UNWIND CASE WHEN size(direct) <> n THEN [d.id] ELSE [] END AS documentId
          MATCH (m:Mention {documentId: documentId})-[:REFERS_TO]->(t)
          USING INDEX m:Mention(documentId)
          WHERE elementId(t) = elementId(e)
          RETURN collect(m) AS referring
        }
        UNWIND CASE WHEN size(direct) = n THEN direct ELSE referring END AS m
        RETURN m ORDER BY m.start, m.end
      }
      WITH d, skipped, collect(m) AS ms
      UNWIND range(0, size(ms) - 1) AS j
      WITH d, ms[j] AS m, skipped + j AS at
      WHERE at >= $offset AND at < $offset + $limit
      WITH d, m ORDER BY at
      RETURN collect({id: m.id, documentId: d.id, document: ${docRef('d')}, text: m.text, start: m.start, end: m.end,
                      sentenceStart: m.sentenceStart, sentenceEnd: m.sentenceEnd, sentence: m.sentence, reason: m.reason}) AS mentions,
             collect(DISTINCT CASE WHEN m.sentence IS NULL THEN d END) AS legacy
    }
    RETURN coalesce(${mentionCount('e')}, 0) AS total, mentions, [d IN legacy | {id: d.id, text: d.text}] AS texts`,

  /**
   * Neighbours ranked by summed weight (typed relations count double: one stated relation says more than one
   * shared sentence); `total` counts all that match, edges are aggregated per (source, type, target) among
   * the centre and the neighbours kept. `direction` (a closed set, never user text) picks the relations that leave
   * the centre, reach it, or either. Relations are stored per document, so a hub has thousands: they are summed
   * per neighbour before any neighbour property is read (entity relationship types only join entities, so the
   * far end needs no label check).
   */
  entityNeighbors: (rels: string, direction: 'both' | 'out' | 'in' = 'both') => `
    MATCH (c:Entity {id: $id})
    ${RANGE_DOCS}
    CALL (c, rangeDocs) {
      MATCH (c)${direction === 'in' ? '<-' : '-'}[r:${rels}]${direction === 'out' ? '->' : '-'}(n)
      WHERE n <> c AND ${inRangeRel('r')}
      WITH n, sum(coalesce(r.weight, 1) * CASE type(r) WHEN '${CO_MENTION}' THEN 1 ELSE 2 END) AS strength
      WHERE $types IS NULL OR n.type IN $types
      ORDER BY strength DESC, n.name, n.id
      WITH collect(n) AS ranked
      RETURN size(ranked) AS total, ranked[0..$limit] AS picked
    }
    WITH total, [c] + picked AS members, rangeDocs
    CALL (members) {
      UNWIND members AS n
      RETURN collect({id: n.id, name: n.name, type: n.type, mentionCount: coalesce(${mentionCount('n')}, 0)}) AS nodes
    }
    CALL (members, rangeDocs) {
      UNWIND members AS a
      MATCH (a)-[r:${rels}]->(b)
      WHERE b IN members AND b <> a AND ${inRangeRel('r')}
      WITH a, type(r) AS type, b, sum(coalesce(r.weight, 1)) AS weight, count(r) AS evidenceCount, collect(r.reason)[0] AS reason
      RETURN collect({source: a.id, type: type, target: b.id, weight: weight, evidenceCount: evidenceCount, reason: reason}) AS edges
    }
    RETURN total, nodes, edges`,

  entityTimeline: `
    MATCH (e:Entity {id: $id})
    CALL (e) {
      MATCH (d:Document)-[r:MENTIONS]->(e)
      WHERE ${inRange('d')}
      WITH d, r ORDER BY d.date IS NULL, d.date, d.title, d.id
      RETURN collect({document: ${docRef('d')}, count: r.count}) AS points
    }
    RETURN e.id AS entityId, points`,

  /** Evidence of the relation(s) between two entities, either direction; typed relations before co-mentions. */
  edgeEvidence: (rels: string) => `
    OPTIONAL MATCH (a:Entity {id: $source})
    OPTIONAL MATCH (b:Entity {id: $target})
    CALL (a, b) {
      WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
      MATCH (a)-[r:${rels}]-(b)
      MATCH (d:Document {id: r.documentId})
      WHERE ${inRange('d')}
      WITH r, d ORDER BY CASE type(r) WHEN '${CO_MENTION}' THEN 1 ELSE 0 END, type(r), d.date IS NULL, d.date, d.id, r.evidenceStart
      WITH collect({type: type(r), source: startNode(r).id, target: endNode(r).id, reason: r.reason,
                    evidence: coalesce(r.evidence, ''), document: ${docRef('d')}, weight: coalesce(r.weight, 1)}) AS found
      RETURN size(found) AS total, found[0..$limit] AS items
    }
    RETURN a IS NOT NULL AS sourceFound, b IS NOT NULL AS targetFound, total, items`,

  /** Sorted by a whitelisted key (DOCUMENT_SORT_KEYS), undated/untitled last whatever the direction. */
  documents: (sort: DocumentSortKey, order: 'asc' | 'desc') => {
    const key = DOCUMENT_SORT_KEYS[sort];
    if (!key) throw new Error(`documents: unknown sort key ${JSON.stringify(sort)}`);
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    return `
    MATCH (d:Document)
    WHERE ($q IS NULL OR replace(toLower(coalesce(d.title, '')), '’', "'") CONTAINS $q OR toLower(coalesce(d.publication, '')) CONTAINS $q
           OR toLower(coalesce(d.issue, '')) CONTAINS $q OR toLower(coalesce(d.path, '')) CONTAINS $q OR coalesce(d.date, '') STARTS WITH $q)
      AND ($publication IS NULL OR d.publication = $publication)
      AND ${inRange('d')}
    WITH d, COUNT { (d)-[:CONTAINS]->() } AS mentionCount, COUNT { (d)-[:MENTIONS]->() } AS entityCount
    ORDER BY ${key} IS NULL, ${key} ${dir}, d.id ${dir}
    WITH collect({id: d.id, title: coalesce(d.title, d.path, d.id), publication: d.publication, issue: d.issue,
                  date: d.date, url: d.url, path: coalesce(d.path, ''), wordCount: coalesce(d.wordCount, 0),
                  mentionCount: mentionCount, entityCount: entityCount}) AS found
    RETURN size(found) AS total, found[$offset..($offset + $limit)] AS documents`;
  },

  /** Issues per day for the time filter's histogram; a date not written YYYY-MM-DD cannot be placed, so it counts as undated. */
  documentDates: `
    CALL () {
      MATCH (d:Document) WHERE d.date =~ '\\d{4}-\\d{2}-\\d{2}'
      WITH d.date AS date, count(*) AS count ORDER BY date
      RETURN collect({date: date, count: count}) AS days
    }
    CALL () {
      MATCH (d:Document) WHERE d.date IS NULL OR NOT d.date =~ '\\d{4}-\\d{2}-\\d{2}'
      RETURN count(d) AS undated
    }
    RETURN days, undated`,

  /**
   * One issue as a graph: its most mentioned entities (mention counts in the issue on the MENTIONS links, the
   * entities' own counts archive-wide) and the relations this issue states among them (r.documentId).
   */
  documentGraph: (rels: string) => `
    MATCH (d:Document {id: $id})
    CALL (d) {
      MATCH (d)-[m:MENTIONS]->(e:Entity)
      WHERE $types IS NULL OR e.type IN $types
      WITH e, m.count AS count ORDER BY count DESC, e.name, e.id
      WITH collect({e: e, count: count}) AS ranked
      RETURN size(ranked) AS total, ranked[0..$limit] AS picked
    }
    WITH d, total, picked, [x IN picked | x.e] AS members
    CALL (d, members) {
      UNWIND members AS a
      MATCH (a)-[r:${rels}]->(b:Entity)
      WHERE r.documentId = d.id AND b IN members AND b <> a
      WITH a, type(r) AS type, b, sum(coalesce(r.weight, 1)) AS weight, count(r) AS evidenceCount, collect(r.reason)[0] AS reason
      RETURN collect({source: a.id, type: type, target: b.id, weight: weight, evidenceCount: evidenceCount, reason: reason}) AS edges
    }
    CALL (picked) {
      UNWIND picked AS x
      WITH x.e AS e, x.count AS count
      RETURN collect({id: e.id, name: e.name, type: e.type, count: count, mentionCount: COUNT { (e)<-[:REFERS_TO]-() }}) AS entities
    }
    RETURN ${docRef('d')} AS document, total, entities, edges`,

  document: `
    MATCH (d:Document {id: $id})
    CALL (d) {
      // The entity a mention refers to now (m.entityId is the extractor's, which a curation merge may have moved).
      MATCH (d)-[:CONTAINS]->(m:Mention)-[:REFERS_TO]->(e:Entity)
      WITH m, e ORDER BY m.start, m.end, e.id
      RETURN collect({id: m.id, entityId: e.id, start: m.start, end: m.end, text: m.text}) AS mentions
    }
    CALL (d) {
      MATCH (d)-[r:MENTIONS]->(e:Entity)
      WITH e, r ORDER BY r.count DESC, e.name
      RETURN collect({id: e.id, name: e.name, type: e.type, count: r.count}) AS entities
    }
    RETURN {id: d.id, title: coalesce(d.title, d.path, d.id), publication: d.publication, issue: d.issue, date: d.date,
            url: d.url, path: coalesce(d.path, ''), wordCount: coalesce(d.wordCount, 0), text: coalesce(d.text, ''),
            mentionCount: size(mentions), entityCount: size(entities)} AS document, mentions, entities`,

  /**
   * Shortest paths between two entities/documents. Distinct node sequences only (parallel per-document
   * relationships would otherwise multiply one route into many), preferring routes through fewer documents,
   * then routes along more typed relations; the LIMIT 1000 before grouping keeps the enumeration lazy
   * between hubs. For two documents, the entities
   * both mention. Node data for every node on a kept path comes back too.
   */
  paths: (rels: string, maxHops: number) => {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 10) throw new Error(`paths: bad maxHops ${maxHops}`);
    return `
    OPTIONAL MATCH (fe:Entity {id: $source})
    OPTIONAL MATCH (fd:Document {id: $source})
    OPTIONAL MATCH (te:Entity {id: $target})
    OPTIONAL MATCH (td:Document {id: $target})
    WITH coalesce(fe, fd) AS a, coalesce(te, td) AS b
    ${RANGE_DOCS}
    CALL (a, b, rangeDocs) {
      WITH a, b, rangeDocs WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
      MATCH p = allShortestPaths((a)-[:${rels}*..${maxHops}]-(b))
      WHERE all(r IN relationships(p) WHERE type(r) = 'MENTIONS' OR ${inRangeRel('r')})
        AND all(n IN nodes(p) WHERE NOT n:Document OR ${NO_RANGE} OR n.id IN rangeDocs)
      WITH p LIMIT 1000
      WITH [n IN nodes(p) | elementId(n)] AS ids,
           size([n IN nodes(p) WHERE n:Document]) AS documentHops,
           size([r IN relationships(p) WHERE NOT type(r) IN ['${CO_MENTION}', 'MENTIONS']]) AS typedSteps
      WITH ids, min(documentHops) AS documentHops, max(typedSteps) AS typedSteps
      ORDER BY documentHops, typedSteps DESC
      LIMIT $limit
      RETURN collect(ids) AS paths
    }
    CALL (a, b) {
      WITH a, b WHERE a:Document AND b:Document
      MATCH (a)-[ra:MENTIONS]->(e:Entity)<-[rb:MENTIONS]-(b)
      WITH e, ra.count AS fromCount, rb.count AS toCount
      ORDER BY CASE WHEN fromCount < toCount THEN fromCount ELSE toCount END DESC, fromCount + toCount DESC, e.name
      LIMIT 100
      RETURN collect({id: e.id, name: e.name, type: e.type, fromCount: fromCount, toCount: toCount}) AS shared
    }
    CALL (a, b, paths) {
      UNWIND [x IN [a, b] WHERE x IS NOT NULL | elementId(x)] + reduce(acc = [], ids IN paths | acc + ids) AS eid
      WITH DISTINCT eid
      MATCH (n) WHERE elementId(n) = eid
      RETURN collect({elementId: eid, id: n.id, document: n:Document, label: coalesce(n.name, n.title, n.id),
                      type: CASE WHEN n:Document THEN 'Document' ELSE n.type END,
                      mentionCount: CASE WHEN n:Entity THEN COUNT { (n)<-[:REFERS_TO]-() } END}) AS nodes
    }
    RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths, shared, nodes`;
  },

  /**
   * For each consecutive pair on the kept paths: the strongest relationship (typed, then co-mention, then
   * MENTIONS) aggregated over documents, with its earliest evidence — or, for MENTIONS, the first mention with
   * its stored sentence (the document's text only for a mention stored without one).
   */
  pathSteps: (rels: string) => `
    ${RANGE_DOCS.trim()}
    UNWIND $pairs AS pair
    MATCH (x) WHERE elementId(x) = pair[0]
    MATCH (y) WHERE elementId(y) = pair[1]
    CALL (x, y, rangeDocs) {
      MATCH (x)-[r:${rels}]-(y)
      WHERE type(r) = 'MENTIONS' OR ${inRangeRel('r')}
      WITH startNode(r) AS s, type(r) AS type, endNode(r) AS t, collect(r) AS rs
      WITH s, type, t, rs, CASE type WHEN 'MENTIONS' THEN 2 WHEN '${CO_MENTION}' THEN 1 ELSE 0 END AS rank,
           reduce(w = 0.0, r IN rs | w + coalesce(r.weight, r.count, 1)) AS weight
      ORDER BY rank, weight DESC
      LIMIT 1
      RETURN s, type, t, rs, weight
    }
    OPTIONAL CALL (s, type, t, rs) {
      WITH s, type, t, rs WHERE type <> 'MENTIONS'
      UNWIND rs AS r
      MATCH (d:Document {id: r.documentId})
      WITH r, d ORDER BY d.date IS NULL, d.date, d.id, r.evidenceStart
      LIMIT 1
      RETURN r.evidence AS evidence, ${docRef('d')} AS document, null AS text, null AS mention
      UNION ALL
      WITH s, type, t WHERE type = 'MENTIONS'
      MATCH (s)-[:CONTAINS]->(m:Mention)-[:REFERS_TO]->(t)
      WITH s, m ORDER BY m.start
      LIMIT 1
      RETURN null AS evidence, ${docRef('s')} AS document, CASE WHEN m.sentence IS NULL THEN s.text END AS text,
             m {.start, .end, .sentenceStart, .sentenceEnd, .sentence} AS mention
    }
    RETURN pair, s.id AS source, type, t.id AS target, weight,
           CASE type WHEN 'MENTIONS' THEN reduce(c = 0, r IN rs | c + coalesce(r.count, 1)) ELSE size(rs) END AS evidenceCount,
           rs[0].reason AS reason, evidence, document, text, mention`,

  /**
   * What is new in [$from, $to] against [$prevFrom, $from): dated issues only (dates are YYYY-MM-DD strings, so
   * string comparison orders them; a null date never compares true). New entities: mentioned in the period and
   * in no dated issue before it. Rising: seen before the period, more mentions (or, $risingBy = 'documents', more
   * issues) in it than in the previous one.
   * New relations: typed relations whose earliest dated evidence is in the period (found from the period's issues:
   * a relation is stored per document, with documentId).
   * Cost: one pass over the MENTIONS of the issues in both periods serves new and rising entities (the look further
   * back runs once per entity, and only for those not seen in the previous period); the period's relations are
   * found through the relationship-property indexes on documentId (one seek per type and issue), never by walking
   * every typed relation of every entity the issues mention.
   */
  trends: `
    CALL () {
      MATCH (d:Document) WHERE d.date >= $prevFrom AND d.date <= $to
      RETURN count(CASE WHEN d.date >= $from THEN 1 END) AS currentDocuments, count(CASE WHEN d.date < $from THEN 1 END) AS previousDocuments
    }
    CALL () {
      MATCH (d:Document) WHERE d.date IS NULL
      RETURN count(d) AS undatedDocuments
    }
    CALL () {
      MATCH (d:Document) WHERE d.date >= $prevFrom AND d.date <= $to
      MATCH (d)-[r:MENTIONS]->(e:Entity)
      WHERE $types IS NULL OR e.type IN $types
      WITH e, d, r ORDER BY d.date, d.title, d.id
      WITH e, sum(CASE WHEN d.date >= $from THEN r.count ELSE 0 END) AS mentions,
           sum(CASE WHEN d.date < $from THEN r.count ELSE 0 END) AS previousMentions,
           count(CASE WHEN d.date < $from THEN 1 END) AS previousDocuments,
           [x IN collect(d) WHERE x.date >= $from] AS docs
      WHERE size(docs) > 0
      WITH e, mentions, previousMentions, previousDocuments, docs,
           previousDocuments > 0 OR EXISTS { MATCH (p:Document)-[:MENTIONS]->(e) WHERE p.date < $prevFrom } AS seenBefore
      WITH collect({e: e, mentions: mentions, previousMentions: previousMentions, previousDocuments: previousDocuments,
                    docs: docs, seenBefore: seenBefore}) AS rows
      CALL (rows) {
        UNWIND rows AS x
        WITH x WHERE NOT x.seenBefore
        WITH x.e AS e, x.mentions AS mentions, size(x.docs) AS documents, x.docs[0] AS first
        ORDER BY mentions DESC, documents DESC, e.name, e.id
        WITH collect({id: e.id, name: e.name, type: e.type, mentions: mentions, documents: documents, firstSeen: ${docRef('first')}}) AS found
        RETURN {total: size(found), items: found[0..$limit]} AS newEntities
      }
      CALL (rows) {
        UNWIND rows AS x
        WITH x WHERE x.seenBefore
        WITH x.e AS e, x.mentions AS mentions, x.previousMentions AS previousMentions, size(x.docs) AS documents,
             x.previousDocuments AS previousDocuments
        WITH e, mentions, previousMentions, documents, previousDocuments,
             CASE $risingBy WHEN 'documents' THEN documents - previousDocuments ELSE mentions - previousMentions END AS gain
        WHERE gain > 0
        ORDER BY gain DESC, mentions DESC, documents DESC, e.name, e.id
        WITH collect({id: e.id, name: e.name, type: e.type, mentions: mentions, previousMentions: previousMentions,
                      change: mentions - previousMentions, documents: documents, previousDocuments: previousDocuments,
                      documentChange: documents - previousDocuments}) AS found
        RETURN {total: size(found), items: found[0..$limit]} AS rising
      }
      RETURN newEntities, rising
    }
    CALL () {
      MATCH (d:Document) WHERE d.date >= $from AND d.date <= $to
      CALL (d) {
          ${TYPED_IN_DOCUMENT}
      }
      WITH DISTINCT d, s, type, t WHERE ($types IS NULL OR s.type IN $types OR t.type IN $types) AND EXISTS { (d)-[:MENTIONS]->(s) }
      WITH DISTINCT s, type, t
      CALL (s, type, t) {
        MATCH (s)-[x:$(type)]->(t)
        MATCH (xd:Document {id: x.documentId}) WHERE xd.date IS NOT NULL
        WITH x, xd ORDER BY xd.date, xd.id, x.evidenceStart
        WITH collect({x: x, d: xd}) AS ev
        RETURN ev[0].x AS first, ev[0].d AS firstDoc, size([v IN ev WHERE v.d.date >= $from AND v.d.date <= $to]) AS documents
      }
      WITH s, type, t, first, firstDoc, documents WHERE firstDoc.date >= $from
      ORDER BY documents DESC, firstDoc.date, s.name, type, t.name, s.id, t.id
      WITH collect({source: {id: s.id, name: s.name, type: s.type}, type: type, target: {id: t.id, name: t.name, type: t.type},
                    documents: documents, evidence: coalesce(first.evidence, ''), document: ${docRef('firstDoc')}}) AS found
      RETURN {total: size(found), items: found[0..$limit]} AS newRelations
    }
    RETURN currentDocuments, previousDocuments, undatedDocuments, newEntities, rising, newRelations`,

  /**
   * Cypher console: endpoints of relationships whose nodes were not themselves returned, and mention counts
   * of returned entities, so the console's graph never has a dangling edge.
   */
  consoleNodes: `
    UNWIND $ids AS eid
    MATCH (n) WHERE elementId(n) = eid
    RETURN eid, n, CASE WHEN n:Entity THEN COUNT { (n)<-[:REFERS_TO]-() } END AS mentionCount`,
} as const;
