/**
 * The API contract shared by server and client. The server parses every input with these schemas (so a bad
 * request is a 400 with zod's message) and the client types its calls from the same definitions.
 * /api/openapi.json is generated from them.
 *
 * Graph elements follow Cytoscape's JSON: nodes `{data:{id,...}}`, edges `{data:{id,source,target,...}}`.
 * Entity node ids are entity ids ("Method:grpo"); document node ids are document ids; other nodes (from the
 * Cypher console) use Neo4j's elementId.
 */
import { z } from 'zod';
import { ENTITY_REL_TYPES, ENTITY_TYPES, RELATION_TYPES } from '../core/vocabulary.ts';

// ---------- shared pieces ----------
export const EntityTypeEnum = z.enum(ENTITY_TYPES);
export const RelationTypeEnum = z.enum(ENTITY_REL_TYPES);

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** A comma-separated query parameter ("Method,Lab") parsed into a checked list. */
const csvOf = <const E extends readonly [string, ...string[]]>(values: E) =>
  z
    .string()
    .max(1000)
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(values)).optional())
    .describe(`Comma-separated list of: ${values.join(', ')}`);

const limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
/** Ids are opaque strings; bounded and free of control characters so they can be echoed in messages. */
// eslint-disable-next-line no-control-regex -- the point of this regex is to reject control characters
export const IdParam = z.string().min(1).max(300).regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters');
/** A calendar day as documents store it (`d.date`, YYYY-MM-DD); compared as strings, which sorts like dates. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real calendar date');

/**
 * The time filter of the read routes: only what issues dated in [from, to] say (both days included, either bound
 * optional; once a bound is given, undated issues are out). Without both, every issue counts, dated or not.
 */
export const DateRange = { from: IsoDate.optional(), to: IsoDate.optional() };
const rangeInOrder: [(q: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (q) => !q.from || !q.to || q.from <= q.to,
  { message: 'from must not be after to', path: ['to'] },
];

export const DocumentRef = z.object({
  id: z.string(),
  title: z.string(),
  publication: z.string().nullable(),
  issue: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const NodeData = z
  .object({
    id: z.string(),
    label: z.string(),
    /** 'entity' | 'document' | 'mention' | 'other' (console results). */
    kind: z.enum(['entity', 'document', 'mention', 'other']),
    /** Entity type, 'Document', or the first Neo4j label for other nodes. */
    type: z.string(),
    mentionCount: z.number().int().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export const EdgeData = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    /** Co-mentions: sentences shared; typed relations and MENTIONS: evidence count / mention count. */
    weight: z.number(),
    evidenceCount: z.number().int(),
    reason: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export const GraphElements = z.object({
  nodes: z.array(z.object({ data: NodeData })),
  edges: z.array(z.object({ data: EdgeData })),
});
export type NodeData = z.infer<typeof NodeData>;
export type EdgeData = z.infer<typeof EdgeData>;
export type GraphElements = z.infer<typeof GraphElements>;

// ---------- GET /api/health ----------
export const HealthResponse = z.object({
  status: z.literal('ok'),
  neo4j: z.object({ version: z.string(), edition: z.string(), source: z.enum(['uri', 'embedded', 'embedded-shared']) }),
  counts: z.object({ nodes: z.number().int(), relationships: z.number().int(), documents: z.number().int(), entities: z.number().int() }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------- GET /api/stats ----------
const Count = <K extends string>(key: K) => z.object({ [key]: z.string(), count: z.number().int() } as { [P in K]: z.ZodString } & { count: z.ZodNumber });
export const StatsResponse = z.object({
  entitiesByType: z.array(Count('type')),
  relationsByType: z.array(Count('type')),
  documentsByPublication: z.array(Count('publication')),
  /** "YYYY-MM" → documents; undated documents under "unknown". */
  documentsByMonth: z.array(Count('month')),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

// ---------- GET /api/search ----------
export const SearchQuery = z
  .object({
    q: z.string().trim().min(1).max(200),
    types: csvOf(ENTITY_TYPES),
    /** Only entities mentioned in an issue dated on or after / on or before this day (undated issues never match). */
    ...DateRange,
    limit: limit(10, 100),
    /** Up to this many issues whose title (or publication) matches, beside the entities (none by default). */
    docLimit: z.coerce.number().int().min(0).max(50).default(0),
  })
  .refine(...rangeInOrder);
export const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityTypeEnum,
  aliases: z.array(z.string()),
  mentionCount: z.number().int(),
  score: z.number(),
});
export const DocumentHit = DocumentRef.extend({ score: z.number() });
export const SearchResponse = z.object({
  query: z.string(),
  hits: z.array(SearchHit),
  /** Issues by title, exact title first: `docLimit` of them (GET /api/search always sends the list; the MCP tool searches entities only). */
  documents: z.array(DocumentHit).optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export type DocumentHit = z.infer<typeof DocumentHit>;
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---------- GET /api/entities/:id ----------
export const EntityParams = z.object({ id: IdParam });
/** GET /api/entities/:id and /timeline: counted over the issues in the range only. */
export const EntityQuery = z.object({ ...DateRange }).refine(...rangeInOrder);
export const EntityDetail = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityTypeEnum,
  aliases: z.array(z.string()),
  mentionCount: z.number().int(),
  documentCount: z.number().int(),
  /** Earliest / latest issue (by date, then title) that mentions the entity. */
  firstSeen: DocumentRef.nullable(),
  lastSeen: DocumentRef.nullable(),
  /** Typed relations by type and direction, for the details panel. */
  relationCounts: z.array(z.object({ type: z.string(), direction: z.enum(['out', 'in']), count: z.number().int() })),
  /** The time filter the counts above were computed under (null: the whole archive). */
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable().optional(),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

// ---------- GET /api/entities/:id/mentions ----------
export const MentionsQuery = z.object({ limit: limit(50, 500), offset, ...DateRange }).refine(...rangeInOrder);
export const MentionItem = z.object({
  id: z.string(),
  document: DocumentRef,
  /** The surface text as written ("Open AI"). */
  text: z.string(),
  /** Offsets into the document's plain text. */
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.string(),
  /** Offsets of the surface text inside `sentence`, for highlighting. */
  highlightStart: z.number().int(),
  highlightEnd: z.number().int(),
  reason: z.string().nullable(),
});
export const MentionsResponse = z.object({
  entityId: z.string(),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  mentions: z.array(MentionItem),
});
export type MentionItem = z.infer<typeof MentionItem>;
export type MentionsResponse = z.infer<typeof MentionsResponse>;

// ---------- GET /api/entities/:id/neighbors ----------
export const NeighborsQuery = z.object({
  types: csvOf(ENTITY_TYPES),
  relTypes: csvOf(ENTITY_REL_TYPES),
  limit: limit(25, 200),
  /** Relations leaving the entity ('out'), reaching it ('in'), or either ('both', the default). */
  direction: z.enum(['both', 'out', 'in']).default('both'),
  /** Only relations stated (or co-mentions seen) in issues dated in the range; mention counts in the range too. */
  ...DateRange,
}).refine(...rangeInOrder);
export const NeighborsResponse = z.object({
  center: z.string(),
  elements: GraphElements,
  /** Neighbours matching the filters in all; `elements` holds at most `limit` of them (strongest first). */
  total: z.number().int(),
  more: z.number().int(),
});
export type NeighborsResponse = z.infer<typeof NeighborsResponse>;

// ---------- GET /api/entities/:id/timeline ----------
export const TimelineResponse = z.object({
  entityId: z.string(),
  points: z.array(z.object({ document: DocumentRef, count: z.number().int() })),
});
export type TimelineResponse = z.infer<typeof TimelineResponse>;

// ---------- GET /api/edges (details of the edge(s) between two entities) ----------
export const EdgeQuery = z.object({
  source: IdParam,
  target: IdParam,
  type: RelationTypeEnum.optional(),
  limit: limit(20, 200),
  ...DateRange,
}).refine(...rangeInOrder);
const EdgeEvidence = z.object({
  type: z.string(),
  source: z.string(),
  target: z.string(),
  reason: z.string().nullable(),
  evidence: z.string(),
  document: DocumentRef,
  weight: z.number(),
});
export const EdgeResponse = z.object({ source: z.string(), target: z.string(), total: z.number().int(), items: z.array(EdgeEvidence) });
export type EdgeResponse = z.infer<typeof EdgeResponse>;

// ---------- GET /api/documents, /api/documents/:id ----------
const DocumentSort = z.enum(['date', 'title', 'publication', 'mentions']);
export const DocumentsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  publication: z.string().max(200).optional(),
  sort: DocumentSort.default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: limit(50, 500),
  offset,
  /** Issues dated in the range (undated ones are out once a bound is given). */
  ...DateRange,
}).refine(...rangeInOrder);
export const DocumentSummary = DocumentRef.extend({
  path: z.string(),
  wordCount: z.number().int(),
  mentionCount: z.number().int(),
  entityCount: z.number().int(),
});
export const DocumentsResponse = z.object({ total: z.number().int(), documents: z.array(DocumentSummary) });
export const DocumentDetail = z.object({
  document: DocumentSummary.extend({ text: z.string() }),
  mentions: z.array(z.object({ id: z.string(), entityId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })),
  entities: z.array(z.object({ id: z.string(), name: z.string(), type: EntityTypeEnum, count: z.number().int() })),
});
/** GET /api/documents/dates: the archive's issues per day, for the time filter's histogram. */
export const DocumentDatesResponse = z.object({
  /** Days with at least one dated issue, in order. */
  days: z.array(z.object({ date: z.string(), count: z.number().int() })),
  undated: z.number().int(),
});
export type DocumentDatesResponse = z.infer<typeof DocumentDatesResponse>;

/** GET /api/documents/:id/graph: the issue and the entities it mentions, with the relations it states. */
export const DocumentGraphQuery = z.object({
  limit: limit(40, 200),
  types: csvOf(ENTITY_TYPES),
  /** Also the sentence co-mentions among the entities kept (off by default: an issue has many). */
  coMentions: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const DocumentGraphResponse = z.object({
  document: DocumentRef,
  /** The issue node, its entities (most mentioned first) linked by MENTIONS, and the typed relations it states. */
  elements: GraphElements,
  /** Entities the issue mentions (matching `types`); `elements` holds at most `limit` of them. */
  total: z.number().int(),
  more: z.number().int(),
});
export type DocumentGraphResponse = z.infer<typeof DocumentGraphResponse>;
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type DocumentsResponse = z.infer<typeof DocumentsResponse>;
export type DocumentDetail = z.infer<typeof DocumentDetail>;

// ---------- GET /api/paths ----------
export const PathsQuery = z.object({
  from: IdParam,
  to: IdParam,
  maxHops: z.coerce.number().int().min(1).max(8).default(4),
  limit: limit(5, 25),
  /** Include sentence co-mentions as steps (on by default: issues often connect only through them). */
  coMentions: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * The time filter: only steps stated in, and issues dated in, [fromDate, toDate] (from/to name the ends here).
   */
  fromDate: IsoDate.optional(),
  toDate: IsoDate.optional(),
}).refine((q) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate, { message: 'fromDate must not be after toDate', path: ['toDate'] });
/** source/target follow the relationship's own direction; `nodes` gives the order along the path. */
export const PathStep = z.object({
  source: z.string(),
  target: z.string(),
  type: z.string(),
  evidence: z.string().nullable(),
  document: DocumentRef.nullable(),
});
export const PathsResponse = z.object({
  from: z.string(),
  to: z.string(),
  paths: z.array(z.object({ length: z.number().int(), nodes: z.array(z.string()), steps: z.array(PathStep) })),
  elements: GraphElements,
  /** When both ends are documents: entities both mention, strongest first. */
  shared: z.array(
    z.object({ id: z.string(), name: z.string(), type: EntityTypeEnum, fromCount: z.number().int(), toCount: z.number().int() }),
  ),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

// ---------- GET /api/trends ----------
export const TrendsQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    types: csvOf(ENTITY_TYPES),
    /** Items per list (new entities, rising, new relations). */
    limit: limit(20, 100),
    /** Rising fastest by mentions gained (default) or by issues gained. */
    risingBy: z.enum(['mentions', 'documents']).default('mentions'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
const Period = z.object({ from: z.string(), to: z.string(), documents: z.number().int() });
const EntityRef = z.object({ id: z.string(), name: z.string(), type: EntityTypeEnum });
export const TrendsResponse = z.object({
  /** The period asked for, both days included, and the dated issues in it. */
  period: Period,
  /** The period of the same length just before it. */
  previous: Period,
  /** Issues without a date: they cannot be placed in time, so no trend counts them. */
  undatedDocuments: z.number().int(),
  /** Entities whose earliest dated mention falls in the period, most mentioned first. */
  newEntities: z.object({
    total: z.number().int(),
    items: z.array(EntityRef.extend({ mentions: z.number().int(), documents: z.number().int(), firstSeen: DocumentRef })),
  }),
  /**
   * Entities seen before the period that gained in it against the previous one — more mentions (risingBy=mentions)
   * or more issues (risingBy=documents) — biggest gain first.
   */
  rising: z.object({
    total: z.number().int(),
    items: z.array(
      EntityRef.extend({
        mentions: z.number().int(),
        previousMentions: z.number().int(),
        change: z.number().int(),
        documents: z.number().int(),
        previousDocuments: z.number().int(),
        documentChange: z.number().int(),
      }),
    ),
  }),
  /** Typed relations (not co-mentions) first stated in the period, with the earliest evidence sentence. */
  newRelations: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({ source: EntityRef, type: z.string(), target: EntityRef, documents: z.number().int(), evidence: z.string(), document: DocumentRef }),
    ),
  }),
});
export type TrendsResponse = z.infer<typeof TrendsResponse>;

// ---------- POST /api/cypher ----------
export const CypherRequest = z
  .object({
    query: z.string().trim().min(1).max(20_000),
    params: z.record(z.string().max(100), z.unknown()).default({}),
  })
  .strict();
export const CypherResponse = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
  graph: GraphElements,
  summary: z.object({
    queryType: z.string(),
    timeMs: z.number(),
    rowCount: z.number().int(),
    truncated: z.boolean(),
    /** True when the result held more nodes or relationships than the graph view keeps (2000 each). */
    graphTruncated: z.boolean().optional(),
    /** Neo4j's planner notifications (cartesian products, unbounded patterns, deprecations...). */
    notifications: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), severity: z.string() })).optional(),
  }),
});
export type CypherRequest = z.input<typeof CypherRequest>;
export type CypherResponse = z.infer<typeof CypherResponse>;

// ---------- /api/curation ----------
/** One decision, as POSTed: the actions of core/curation.ts, entity ids as the API gives them, types from the vocabulary. */
export const CurationRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('merge'), from: IdParam, into: IdParam }).strict(),
  z.object({ action: z.literal('rename'), id: IdParam, name: z.string().trim().min(1).max(200) }).strict(),
  z.object({ action: z.literal('retype'), id: IdParam, type: EntityTypeEnum }).strict(),
  z.object({ action: z.literal('split-alias'), id: IdParam, alias: z.string().trim().min(1).max(300) }).strict(),
  z.object({ action: z.literal('delete'), id: IdParam }).strict(),
  z.object({ action: z.literal('reject-relation'), source: IdParam, type: z.enum(RELATION_TYPES), target: IdParam }).strict(),
]);
export type CurationRequest = z.infer<typeof CurationRequest>;
export const CurationParams = z.object({ id: IdParam });
export const CurationDecision = z.object({
  /** The decision's id (DELETE /api/curation/:id undoes it). */
  id: z.string(),
  /** Its place in the order decisions apply in. */
  seq: z.number().int(),
  /** When it was made (ISO 8601). */
  at: z.string(),
  /** What it did, in words, with the names it saw ("merged “Open AI” into “OpenAI”"). */
  summary: z.string(),
  /** Entity id → its name when the decision was made. */
  labels: z.record(z.string(), z.string()),
  input: CurationRequest,
});
export type CurationDecision = z.infer<typeof CurationDecision>;
export const CurationListResponse = z.object({
  /** Active decisions, in the order they apply. */
  decisions: z.array(CurationDecision),
  /** Whether this server takes curation writes: 'open' (loopback bind), 'token' (CURATION_TOKEN required) or 'off'. */
  writes: z.enum(['open', 'token', 'off']),
});
export type CurationListResponse = z.infer<typeof CurationListResponse>;
export const CurationCreated = z.object({
  id: z.string(),
  decision: CurationDecision,
  /** The entity to show afterwards (merge: the target; retype/split: the new entity; delete: null). */
  entityId: z.string().nullable(),
  /** Entities the decision names or creates that no longer exist (a merged-away or deleted one, say). */
  gone: z.array(z.string()),
});
export type CurationCreated = z.infer<typeof CurationCreated>;
export const CurationUndone = z.object({
  id: z.string(),
  undone: CurationDecision,
  /** Entities the decision named or created that no longer exist (a split-off entity, say). */
  gone: z.array(z.string()),
});
export type CurationUndone = z.infer<typeof CurationUndone>;
