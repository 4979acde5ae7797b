import type { EntityType, RelationType } from '../model.ts';

/** A curated name: canonical spelling plus accepted variants. */
export interface LexiconEntry {
  name: string;
  type: EntityType;
  aliases?: string[];
  /** Matched case-sensitively (short acronyms, words that are also common nouns). */
  caseSensitive?: boolean;
}

/**
 * A span rule over one sentence: the named group `name` (or the whole match) is the entity.
 * `typeFrom` lets a captured head noun ("a new benchmark") decide the type.
 */
export interface SpanRule {
  reason: string;
  pattern: RegExp;
  type: EntityType;
  /** Head-noun group whose word decides the type via HEAD_NOUN_TYPES; `type` is the fallback. */
  typeFrom?: string;
  /** A cheap test every sentence the rule can match passes (a speed prefilter, never a condition of its own). */
  needs?: RegExp;
  /**
   * The context does not make the run a person's name on its own ("X's Y Z", "Y Z from X" also fit headlines):
   * the run must read as a name (a known first name, or no dictionary word).
   */
  nameCheck?: boolean;
  /** The match defines the name with a head noun ("X, a normalisation method"): strong evidence, the name may spread. */
  definition?: boolean;
}

/** A rule over a whole line of the document, with an optional look at the next non-empty line. */
export interface LineRule {
  reason: string;
  pattern: RegExp;
  next?: RegExp;
  /** Only fires outside sections whose heading says they list videos, reads, tools... */
  papersOnly?: boolean;
  /** Only in a run of list items right under a papers heading (a links list), never under a paper. */
  listRun?: boolean;
}

/**
 * A typed relation read from a sentence: a source mention, then a target mention, with the text
 * between them matching `between` (or, for `swap`, target first).
 */
export interface RelationRule {
  reason: string;
  type: RelationType;
  source: EntityType[];
  target: EntityType[];
  between: RegExp;
  /** The target comes first in the text ("NVIDIA's GDPO": Lab, then Method). */
  swap?: boolean;
  maxGap?: number;
  /** The source is not taken when these words come right before it (a baseline it is compared against). */
  sourceNotAfter?: RegExp;
  /**
   * The relation is what the source does ("X outperforms Y", "X uses Y"), so the source must be its clause's subject:
   * not after "than", "with", "trained on"... (attributive relations like FROM_LAB hold wherever the pair stands).
   */
  subjectOnly?: boolean;
  /** Must match the sentence's text up to the first of the pair ("On AIME, X ..." needs its "On"). */
  before?: RegExp;
  /** Must match the text right after the second of the pair ("X is a MoE model": the head noun after the method). */
  after?: RegExp;
  /** Relations that a list of further mentions of the same type next to an end does not carry (default: carried). */
  noLists?: boolean;
  /** Both ends are of one type: a method improves on a method, a model on a model ("PPO beats o1" is a misreading). */
  sameKind?: boolean;
  /**
   * The source is not a well-known method family from the lexicon (RL, MoE, distillation): "DeepSeek's MoE" is
   * DeepSeek's model, and "RL on AIME" is no one's result.
   */
  sourceNotFamily?: boolean;
}

/** A relation between a paper section and an entity inside its paragraph. */
export interface SectionRule {
  reason: string;
  type: RelationType;
  target: EntityType[];
  /** Text immediately before the target mention within its sentence. */
  before: RegExp;
}
