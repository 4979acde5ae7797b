/**
 * The graph's vocabulary: every entity type and relationship type, once, with the name a person reads. The
 * extractor, the writer, the schema, the queries, the API contract and the explorer's legend all take their
 * lists from here.
 */

/** Entity types: each is also a Neo4j label beside `:Entity`. */
export const ENTITY_TYPES = ['Paper', 'Lab', 'Person', 'Method', 'Benchmark', 'Model', 'Tool', 'Dataset'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Typed relations between two entities, read from one sentence by a rule. */
export const RELATION_TYPES = [
  'PROPOSES',
  'INTRODUCES',
  'IMPROVES_ON',
  'VARIANT_OF',
  'COMPARED_WITH',
  'EVALUATED_ON',
  'AUTHORED_BY',
  'FROM_LAB',
  'AFFILIATED_WITH',
  'USES',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Sentence-level co-occurrence, stored apart from the typed relations above. */
export const CO_MENTION = 'CO_MENTIONED' as const;

/** Every relationship type between two entities: the typed relations and co-mentions. */
export const ENTITY_REL_TYPES = [...RELATION_TYPES, CO_MENTION] as const;
export type EntityRelType = (typeof ENTITY_REL_TYPES)[number];

/** The document → entity link (with a mention count). */
export const MENTIONS = 'MENTIONS' as const;

/** Every relationship type that can join two nodes on the canvas (and a path of GET /api/paths). */
export const EDGE_TYPES = [...ENTITY_REL_TYPES, MENTIONS] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** The node type of an issue (a `:Document`), beside the entity types. */
const DOCUMENT = 'Document' as const;
export const NODE_TYPES = [...ENTITY_TYPES, DOCUMENT] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** What a person reads for each type (the legend, the details panel). */
const DISPLAY_NAMES: Record<NodeType | EdgeType, string> = {
  Paper: 'Paper',
  Lab: 'Lab',
  Person: 'Person',
  Method: 'Method',
  Benchmark: 'Benchmark',
  Model: 'Model',
  Tool: 'Tool',
  Dataset: 'Dataset',
  Document: 'Document',
  PROPOSES: 'proposes',
  INTRODUCES: 'introduces',
  IMPROVES_ON: 'improves on',
  VARIANT_OF: 'variant of',
  COMPARED_WITH: 'compared with',
  EVALUATED_ON: 'evaluated on',
  AUTHORED_BY: 'authored by',
  FROM_LAB: 'from lab',
  AFFILIATED_WITH: 'affiliated with',
  USES: 'uses',
  CO_MENTIONED: 'co mentioned',
  MENTIONS: 'mentions',
};

/** The display name of a node or edge type; a type outside the vocabulary (a Cypher console label) goes through `other`. */
export function displayName(type: string, other: (type: string) => string = (t) => t): string {
  return Object.hasOwn(DISPLAY_NAMES, type) ? DISPLAY_NAMES[type as NodeType | EdgeType] : other(type);
}
