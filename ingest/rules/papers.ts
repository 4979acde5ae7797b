import type { LineRule } from './types.ts';

/**
 * Paper-title rules over whole lines. The named group `title` is the paper; optional groups
 * `author` (citation surname) and `name` (a coined name heading the title, "GDPO: ...").
 * Order matters: the first rule that fires on a line wins.
 */
export const PAPER_LINE_RULES: LineRule[] = [
  {
    reason: 'citation-title',
    pattern: /^(?:\d{1,2}[.)]\s+)?(?<title>[A-Z0-9][^()\n]{5,220}?)\s+\((?<author>\p{Lu}[\p{L}'’-]+)(?:\s(?:and|&)\s\p{Lu}[\p{L}'’-]+)?(?:\set\sal\.?)?,?\s(?:19|20)\d{2}[a-z]?\)/u,
  },
  {
    reason: 'paper-kind-headline',
    pattern: /^(?:\d{1,2}[.)]\s+)?(?<title>[A-Z0-9].{4,220}?)\s+\((?:paper|preprint|paper\s?\/\s?code|paper\s?&\s?code|code)\)\s*$/i,
  },
  {
    reason: 'headline-before-paper-link',
    pattern: /^(?:\d{1,2}[.)]\s+)?(?<title>[A-Z0-9"“][^\n]{8,250}?)\s*$/,
    next: /^(?:https?:\/\/)?(?:www\.)?(?:arxiv\.org|openreview\.net|aclanthology\.org|papers\.nips\.cc|proceedings\.\w+|huggingface\.co\/papers|doi\.org)\//i,
  },
  {
    reason: 'numbered-row-title',
    pattern: /^\d{1,3}\)\s+(?<title>[\p{L}\p{N}"“](?:(?!\s\s)[^\n]){0,160}?[^\s.])\s*$/u,
  },
  {
    reason: 'numbered-row-title',
    pattern: /^\d{1,3}\)\s+(?<title>[\p{L}\p{N}"“][^\n]{1,220}?)(?:\s{2,}|\s[-–—]\s|\s(?=(?:This|The|In this) (?:paper|work|study|report)\b))(?=\S)/u,
  },
  {
    // "• Title Of The Paper — a group at X introduces ...": a links-list item inside a papers section.
    reason: 'bullet-title-dash',
    pattern: /^[•●▪◦*-]\s+(?<title>[A-Z0-9"“][^\n]{8,220}?)\s[—–-]\s(?=\S)/u,
    papersOnly: true,
    listRun: true,
  },
  {
    // "• Title Of The Paper by Ada Lovelace and Alan Turing (Lab)": the byline ends the title.
    reason: 'bullet-title-byline',
    pattern: /^[•●▪◦*-]\s+(?<title>[A-Z0-9"“][^\n]{8,220}?)\sby\s\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?\s\p{Lu}[\p{L}'’-]*\p{L}(?:,|\sand\s|\set al\b|\s\(|[.;]|$)/u,
    papersOnly: true,
    listRun: true,
  },
  {
    reason: 'colon-title-heading',
    pattern: /^(?:\d{1,2}[.)]\s+)?(?<title>[A-Z][\w^.+'’-]*(?:[ -][\w^.+'’-]+){0,3}: [A-Z][^\n]{8,200}[^.!?\s])\s*$/,
    papersOnly: true,
  },
];

/**
 * A heading-cased line on its own inside a papers section ("Paper of the week" / "Research"),
 * followed by a paragraph: the heading is the paper's title (HTML and markdown issues).
 */
export const HEADING_TITLE = /^(?<title>[A-Z0-9][\w'’-]*(?:[ ][\w'’^.+-]+){2,18})\s*$/d;
/** The paragraph after such a heading: prose, not another heading. */
export const HEADING_BODY = /^[^\n]{100,}[.!?]["”)]?$/;

/** A coined name heading a paper title ("GDPO: Group ...", "RAG-Anything: ..."). */
export const TITLE_PREFIX = /^(?<name>[A-Z][\w^.+-]*[\w^+](?:\s[A-Z][\w^.+-]*[\w^+]){0,2}):\s/;

/** Short heading lines that open a section whose items are not papers. */
export const NON_PAPER_SECTION = /^[^\p{L}]*(?:\d+\s+)?(?:videos?|curated reads?|reads?|articles?|tools?(?:\s*&\s*repos?)?|repos?|learning|courses?|pick of the week|podcasts?|events?|jobs?|news|links|resources)\b[^.!?]{0,30}$/iu;

/** Short heading lines that open a list of papers. */
export const PAPER_SECTION = /^[^\p{L}]*(?:\d+\s+)?(?:papers?|research|top papers|paper picks)\b[^.!?]{0,30}$/iu;

/** Lines that end a paper's paragraph when they follow it: short, heading-like. */
export const HEADING_LINE = /^[^.!?]{1,60}$/;
