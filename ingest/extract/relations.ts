import { CO_MENTION, type EntityType, type RelationRecord, type RelationType } from '../model.ts';
import { ANAPHOR_TYPES, ANAPHORIC_SUBJECT, LIST_SEPARATOR, NOT_SUBJECT_CUE, OBJECT_CUE, PRONOUN_AT, RELATION_RULES, SECTION_AUTHOR_CUE, SECTION_LAB_CUE, SECTION_RULES, TOPIC_SCORE_RULES } from '../rules/relations.ts';
import { METHODS, MODEL_FAMILIES } from '../rules/lexicon.ts';
import { entityId } from '../resolve/registry.ts';
import type { PaperSection } from './sections.ts';
import type { Sentence } from './segment.ts';

/** A resolved mention placed in its sentence. */
export interface Placed {
  id: string;
  type: EntityType;
  start: number;
  end: number;
  sentence: number;
}

export class RelationSink {
  private readonly seen = new Map<string, RelationRecord>();

  constructor(
    private readonly documentId: string,
    private readonly sentences: Sentence[],
  ) {}

  add(source: string, type: RelationType, target: string, sentence: number, reason: string): void {
    if (source === target) return;
    const key = `${source}\u0000${type}\u0000${target}`;
    if (this.seen.has(key)) return;
    const s = this.sentences[sentence]!;
    this.seen.set(key, { source, target, type, documentId: this.documentId, evidence: s.text, evidenceStart: s.start, reason, weight: 1 });
  }

  records(): RelationRecord[] {
    return [...this.seen.values()];
  }
}

const DEFAULT_GAP = 120;
/** Ids of the lexicon's method families (see RelationRule.sourceNotFamily). */
const METHOD_FAMILIES = new Set(METHODS.map((m) => entityId('Method', m.name)));
const FAMILY_WORDS = new Set(MODEL_FAMILIES.map((f) => f.toLowerCase()));

/**
 * Where each mention stands in its sentence: the list it belongs to ("beats A, B and C": one list headed by A)
 * and whether that list is an object ("beats ...", "trained with ..."), so it never stands in for a subject.
 */
interface Roles {
  head: number[];
  object: boolean[];
  notSubject: boolean[];
}

function sentenceRoles(text: string, mentions: Placed[], sentenceStart: number): Roles {
  const head: number[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const prev = mentions[i - 1];
    const m = mentions[i]!;
    const joined = prev && prev.type === m.type && m.start >= prev.end && isListSeparator(text.slice(prev.end, m.start));
    head.push(joined ? head[i - 1]! : i);
  }
  const cueBefore = (i: number) => text.slice(Math.max(sentenceStart, mentions[i]!.start - 40), mentions[i]!.start);
  return {
    head,
    object: head.map((h) => OBJECT_CUE.test(cueBefore(h))),
    notSubject: head.map((h) => NOT_SUBJECT_CUE.test(cueBefore(h))),
  };
}

function isListSeparator(between: string): boolean {
  return LIST_SEPARATOR.test(between) && /[,/;&]|\b(?:and|or|plus)\b/.test(between);
}

/** Pairwise rules inside each sentence (ingest/rules/relations.ts); a list next to either end carries the relation. */
export function sentenceRelations(text: string, bySentence: Map<number, Placed[]>, sink: RelationSink, sentences: Sentence[]): void {
  for (const [index, mentions] of bySentence) {
    const sentence = sentences[index]!;
    const roles = sentenceRoles(text, mentions, sentence.start);
    for (let i = 0; i < mentions.length; i++) {
      const a = mentions[i]!;
      for (let j = i + 1; j < mentions.length; j++) {
        const b = mentions[j]!;
        if (b.start < a.end || a.id === b.id) continue;
        const between = text.slice(a.end, b.start);
        for (const rule of RELATION_RULES) {
          if (between.length > (rule.maxGap ?? DEFAULT_GAP)) continue;
          const [src, dst] = rule.swap ? [b, a] : [a, b];
          if (!rule.source.includes(src.type) || !rule.target.includes(dst.type)) continue;
          if ((rule.sameKind && src.type !== dst.type) || (rule.sourceNotFamily && METHOD_FAMILIES.has(src.id))) continue;
          // The nearest candidate subject takes the relation: "Trained on M, X outperforms Y" is X's. Objects ("beats A
          // and B") and the source's own list ("A and B are evaluated on X") do not stand in between.
          if (!rule.swap && blockedByNearerSubject(mentions, roles, i, j, rule.source)) continue;
          if (rule.before && !rule.before.test(text.slice(sentence.start, a.start))) continue;
          if (rule.after && !rule.after.test(text.slice(b.end, Math.min(sentence.end, b.end + 40)))) continue;
          const srcIndex = rule.swap ? j : i;
          if (rule.sourceNotAfter?.test(text.slice(Math.max(sentence.start, src.start - 40), src.start))) continue;
          // "X outperforms Y on Z", "trained on Y, X ...": Y is an object, the relation is not Y's.
          if (rule.subjectOnly && !rule.swap && roles.notSubject[srcIndex]) continue;
          if (!rule.between.test(between)) continue;
          sink.add(src.id, rule.type, dst.id, index, rule.reason);
          if (!rule.noLists) carryOverLists(mentions, roles, i, j, (x, y) => (rule.swap ? sink.add(y.id, rule.type, x.id, index, rule.reason) : sink.add(x.id, rule.type, y.id, index, rule.reason)));
        }
      }
    }
  }
}

function blockedByNearerSubject(mentions: Placed[], roles: Roles, i: number, j: number, sourceTypes: readonly string[]): boolean {
  const a = mentions[i]!;
  for (let k = i + 1; k < j; k++) {
    const m = mentions[k]!;
    if (m.start < a.end || m.end > mentions[j]!.start) continue;
    if (sourceTypes.includes(m.type) && m.id !== a.id && !roles.object[k] && roles.head[k] !== roles.head[i]) return true;
  }
  return false;
}

/** "Orion Labs released A and B", "X beats A, B and C": the pair's relation holds for every member of either list. */
function carryOverLists(mentions: Placed[], roles: Roles, i: number, j: number, add: (first: Placed, second: Placed) => void): void {
  const firsts = [i];
  for (let k = i - 1; k >= 0 && roles.head[k] === roles.head[i]; k--) firsts.push(k);
  const seconds = [j];
  for (let k = j + 1; k < mentions.length && roles.head[k] === roles.head[j]; k++) seconds.push(k);
  if (roles.head[j] === roles.head[i]) return;
  for (const x of firsts) for (const y of seconds) if (x !== i || y !== j) add(mentions[x]!, mentions[y]!);
}

/**
 * A paper relates to what its own paragraph says it proposes, cites as authors, or comes from.
 * Runs once per document over every placed mention, and finishes with documentRelations().
 */
export function sectionRelations(
  text: string,
  sections: Array<{ section: PaperSection; paperId: string; authorIds: string[]; leadId?: string }>,
  placed: Placed[],
  sentences: Sentence[],
  sink: RelationSink,
  bySentence: Map<number, Placed[]>,
): void {
  for (const { section, paperId, authorIds, leadId } of sections) {
    const titleLine = section.alsoTitled[0] ?? section.paper;
    const bodyFrom = titleLine.title.end;
    const sentenceOfTitle = placed.find((p) => p.id === paperId)?.sentence ?? 0;
    for (const author of authorIds) sink.add(paperId, 'AUTHORED_BY', author, sentenceOfTitle, 'et-al-citation');
    let contribution = leadId;
    if (leadId) sink.add(paperId, 'PROPOSES', leadId, sentenceOfTitle, 'title-prefix-name');
    const inBody = placed.filter((p) => p.start >= bodyFrom && p.end <= section.end);
    const firstSentences = new Set<number>();
    for (const p of inBody) if (firstSentences.size < 2 || firstSentences.has(p.sentence)) firstSentences.add(p.sentence);
    for (const p of inBody) {
      const sentence = sentences[p.sentence]!;
      const before = text.slice(Math.max(sentence.start, p.start - 320), p.start);
      for (const rule of SECTION_RULES) {
        if (!rule.target.includes(p.type) || !rule.before.test(before)) continue;
        sink.add(paperId, rule.type, p.id, p.sentence, rule.reason);
        contribution ??= p.id;
      }
      if (p.type === 'Lab' && firstSentences.has(p.sentence) && SECTION_LAB_CUE.test(sentence.text)) {
        sink.add(paperId, 'FROM_LAB', p.id, p.sentence, 'section-lab');
      }
      if (p.type === 'Person' && firstSentences.has(p.sentence) && SECTION_AUTHOR_CUE.test(sentence.text)) {
        sink.add(paperId, 'AUTHORED_BY', p.id, p.sentence, 'section-author');
      }
    }
    const lead = inBody[0];
    if (!contribution && lead && lead.type !== 'Lab' && lead.type !== 'Person' && lead.start === sentences[lead.sentence]!.start) {
      sink.add(paperId, 'INTRODUCES', lead.id, lead.sentence, 'section-lead-entity');
      contribution = lead.id;
    }
    if (!contribution) continue;
    const contributionType = placed.find((p) => p.id === contribution)?.type;
    if (!contributionType) continue;
    // "The approach outperforms X": the opener stands for the section's contribution.
    const opened = new Set(inBody.map((p) => p.sentence));
    for (const index of opened) {
      const sentence = sentences[index]!;
      const m = ANAPHORIC_SUBJECT.exec(sentence.text);
      if (!m) continue;
      const virtual: Placed = { id: contribution, type: contributionType, start: sentence.start, end: sentence.start + m[0].length, sentence: index };
      const own = bySentence.get(index) ?? [];
      sentenceRelations(text, new Map([[index, [virtual, ...own.filter((p) => p.start >= virtual.end)]]]), sink, sentences);
    }
  }
  // Called once per document with every placed mention, so the document-level cues run here too.
  documentRelations(text, placed, sentences, sink, bySentence);
}

/**
 * Document-level cues that no single sentence rule sees: a model named after its lab ("Orion-34B"
 * from "Orion Labs"), table rows flattened to one cell per line, "The model ..." and "He's at X"
 * referring back to the entity named just before.
 */
export function documentRelations(text: string, placed: Placed[], sentences: Sentence[], sink: RelationSink, bySentence: Map<number, Placed[]>): void {
  const surface = (p: Placed) => text.slice(p.start, p.end);
  const labs = placed.filter((p) => p.type === 'Lab');
  const labHeads = new Map<string, Placed>();
  for (const lab of labs) {
    const words = surface(lab).split(/\s+/);
    // "Gemini Robotics" is named after a model, "Visual Foundation" after an adjective: neither names a model's maker.
    if (words.length < 2 || /^(?:University|The|Institute)$|(?:al|ive|ic|ed|ing|ous|ble)$/.test(words[0]!) || FAMILY_WORDS.has(words[0]!.toLowerCase())) continue;
    const head = words[0]!.toLowerCase();
    if (head.length >= 4 && !labHeads.has(head)) labHeads.set(head, lab);
  }
  for (const p of placed) {
    if (p.type !== 'Model' && p.type !== 'Tool' && p.type !== 'Benchmark') continue;
    const first = /^[\p{L}\p{N}]+/u.exec(surface(p))?.[0].toLowerCase();
    const lab = first && labHeads.get(first);
    if (lab && first.length < p.end - p.start) sink.add(p.id, 'FROM_LAB', lab.id, p.sentence, 'lab-namesake');
  }
  // Table rows come out one cell per line: a line that is only a model, then a line that is only a lab.
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = bySentence.get(i);
    const b = bySentence.get(i + 1);
    if (a?.length !== 1 || b?.length !== 1 || a[0]!.type !== 'Model' || b[0]!.type !== 'Lab') continue;
    const whole = (p: Placed, s: Sentence) => p.start === s.start && p.end === s.end;
    if (whole(a[0]!, sentences[i]!) && whole(b[0]!, sentences[i + 1]!) && sentences[i + 1]!.line === sentences[i]!.line + 1) {
      sink.add(a[0]!.id, 'FROM_LAB', b[0]!.id, i + 1, 'table-row-lab');
    }
  }
  for (const [index, mentions] of bySentence) {
    const sentence = sentences[index]!;
    const previous = bySentence.get(index - 1) ?? [];
    for (const m of mentions) {
      if (m.type !== 'Lab' || !PRONOUN_AT.test(text.slice(sentence.start, m.start))) continue;
      const person = previous.filter((p) => p.type === 'Person').pop();
      if (person) sink.add(person.id, 'AFFILIATED_WITH', m.id, index, 'pronoun-affiliation');
    }
    for (const [re, types] of ANAPHOR_TYPES) {
      const opener = re.exec(sentence.text);
      if (!opener) continue;
      const before = [...(bySentence.get(index - 2) ?? []), ...previous].filter((p) => types.includes(p.type as 'Model'));
      const antecedent = before.pop();
      if (!antecedent) continue;
      const virtual: Placed = { id: antecedent.id, type: antecedent.type, start: sentence.start, end: sentence.start + opener[0].length, sentence: index };
      sentenceRelations(text, new Map([[index, [virtual, ...mentions.filter((p) => p.start >= virtual.end)]]]), sink, sentences);
    }
    topicScores(text, index, mentions, sentence, sink, bySentence);
  }
}

/** TOPIC_SCORE_RULES: a benchmark score with no subject in its sentence goes to the passage's model. */
function topicScores(text: string, index: number, mentions: Placed[], sentence: Sentence, sink: RelationSink, bySentence: Map<number, Placed[]>): void {
  // A model, method or tool before the score is its own subject; one after it is a baseline ("… than prior Codex").
  const subjectAt = mentions.find((m) => m.type === 'Model' || m.type === 'Method' || m.type === 'Tool')?.start ?? Infinity;
  for (const rule of TOPIC_SCORE_RULES) {
    const scored = mentions.filter(
      (m) =>
        m.type === 'Benchmark' &&
        m.end <= subjectAt &&
        (rule.scoreAfter.test(text.slice(m.end, Math.min(sentence.end, m.end + 40))) || rule.scoreBefore.test(text.slice(Math.max(sentence.start, m.start - 30), m.start))),
    );
    if (!scored.length) continue;
    const counts = new Map<string, { n: number; last: number }>();
    for (let k = Math.max(0, index - rule.lookBack); k < index; k++) {
      for (const p of bySentence.get(k) ?? []) {
        if (!rule.topic.includes(p.type as 'Model')) continue;
        const c = counts.get(p.id) ?? { n: 0, last: 0 };
        counts.set(p.id, { n: c.n + 1, last: p.start });
      }
    }
    // "GPT-5.4 Pro" and "GPT-5.4 Thinking" in a passage about GPT-5.4 count for GPT-5.4, the name they extend.
    for (const [id, c] of counts) {
      const base = [...counts.keys()].find((other) => other !== id && id.startsWith(`${other}-`));
      if (base) counts.get(base)!.n += c.n;
    }
    const topic = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]?.[0];
    if (topic) for (const b of scored) sink.add(topic, rule.type, b.id, index, rule.reason);
  }
}

/** One CO_MENTIONED record per unordered pair per document, weighted by shared sentences. */
export function coMentions(documentId: string, bySentence: Map<number, Placed[]>, sentences: Sentence[]): RelationRecord[] {
  const pairs = new Map<string, { source: string; target: string; weight: number; sentence: number }>();
  for (const [index, mentions] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const ids = [...new Set(mentions.map((m) => m.id))].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = pairs.get(key);
        if (pair) pair.weight++;
        else pairs.set(key, { source: ids[i]!, target: ids[j]!, weight: 1, sentence: index });
      }
    }
  }
  return [...pairs.values()].map((p) => ({
    source: p.source,
    target: p.target,
    type: CO_MENTION,
    documentId,
    evidence: sentences[p.sentence]!.text,
    evidenceStart: sentences[p.sentence]!.start,
    reason: 'same-sentence',
    weight: p.weight,
  }));
}
