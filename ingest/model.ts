/**
 * The extraction's output, shared by the extractor, the Neo4j writer and `npm run extract -- --format json`.
 * Offsets are UTF-16 code-unit offsets into `DocumentRecord.text` (JavaScript string indices), so
 * `text.slice(start, end) === mention.text` always holds.
 */
import type { CO_MENTION, EntityType, RelationType } from '../core/vocabulary.ts';

// The vocabulary lives in core/ (the contract, the queries and the explorer read it too); re-exported for the pipeline.
export { CO_MENTION, ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../core/vocabulary.ts';

/**
 * What the readers keep of a document's structure, in plain-text offsets: the strongest signals a newsletter
 * carries (what a name links to, what is emphasised, headings, list items, table cells, speaker labels).
 * `code` blocks are kept in the text but excluded from extraction.
 */
export const STRUCTURE_KINDS = [
  'link',
  'emphasis',
  'strong',
  'heading',
  'list-item',
  'table-cell',
  'blockquote',
  'code',
  'inline-code',
  'footnote',
  'speaker',
] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export interface StructureSpan {
  kind: StructureKind;
  start: number;
  end: number;
  /** Links: the target as written. */
  href?: string;
  /** Headings: 1-6. */
  level?: number;
}

/** Front-matter fields whose values name things, and the entity type each names (null: a topic, not an entity). */
export const FACT_FIELDS = {
  companies: 'Lab',
  labs: 'Lab',
  organizations: 'Lab',
  models: 'Model',
  people: 'Person',
  authors: 'Person',
  author: 'Person',
  tags: null,
  topics: null,
} as const satisfies Record<string, EntityType | null>;
export type FactField = keyof typeof FACT_FIELDS;

/** A document-level fact from front matter: no text offset, its own reason (`front-matter-companies`, ...). */
export interface DocumentFact {
  field: FactField;
  value: string;
  reason: string;
}

/** A front-matter fact resolved to an entity: written as (Document)-[:LISTS {field, reason, value}]->(Entity). */
export interface FactLink {
  documentId: string;
  entityId: string;
  field: FactField;
  value: string;
  reason: string;
}

export interface DocumentRecord {
  /** Stable id: hash of what identifies the issue (see readers/identity.ts), never of the folder it sits in. */
  id: string;
  /** The identity the id hashes ("url:…", "post:…", "meta:…", "file:…"): shown when two inputs collide. */
  identity?: string;
  /** The path (or URL) as given by the user. */
  path: string;
  title: string;
  publication: string | null;
  /** Issue/edition/episode number as written ("14"), when known. */
  issue: string | null;
  /** ISO date (YYYY-MM-DD) when known. */
  date: string | null;
  url: string | null;
  /** The plain text every offset points into. */
  text: string;
  /** sha256 of `text` + metadata: an unchanged file re-ingests as a no-op. */
  contentHash: string;
  wordCount: number;
  /** Links, emphasis, headings, list items, cells, code, speakers: offsets into `text`. */
  structure?: StructureSpan[];
  /** Front-matter facts (companies, models, people, authors, tags, topics). */
  facts?: DocumentFact[];
  /** What the reader had to work around (a broken front matter read leniently, ...). */
  warnings?: string[];
  /**
   * Set by an ingest (readers/index.ts readInputsIncremental): a hash of the file's bytes and of the readers that
   * turned them into this record, so the next ingest skips an unchanged file before parsing it.
   */
  sourceHash?: string;
}

export interface MentionRecord {
  documentId: string;
  start: number;
  end: number;
  /** Equal to document.text.slice(start, end). */
  text: string;
  /** Offsets of the enclosing sentence in document.text. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The rule that produced the mention (a `reason` from the rule table). */
  reason: string;
}

export interface EntityRecord {
  /** Stable id derived from type + canonical name, e.g. "Method:grpo". */
  id: string;
  name: string;
  type: EntityType;
  /** Surface forms other than `name` (variants, expansions, misspellings). */
  aliases: string[];
  mentions: MentionRecord[];
  /** Some document gave strong evidence for it: only trusted names spread to other documents (stored on the node). */
  trusted?: boolean;
}

export interface RelationRecord {
  source: string;
  target: string;
  type: RelationType | typeof CO_MENTION;
  documentId: string;
  /** The sentence the relation was read from. */
  evidence: string;
  evidenceStart: number;
  /** The rule that produced it. */
  reason: string;
  /** Co-mentions: how many sentences of this document mention both. Typed relations: 1. */
  weight: number;
}

export interface Extraction {
  documents: DocumentRecord[];
  entities: EntityRecord[];
  relations: RelationRecord[];
  facts?: FactLink[];
}
