import { CO_MENTION, type EntityType, type RelationRecord, type RelationType } from '../model.ts';
import { ANAPHORIC_SUBJECT, ON_BENCHMARK_PREFIX, RELATION_RULES, SECTION_LAB_CUE, SECTION_RULES } from '../rules/relations.ts';
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

/** Pairwise rules inside each sentence (ingest/rules/relations.ts). */
export function sentenceRelations(text: string, bySentence: Map<number, Placed[]>, sink: RelationSink, sentences: Sentence[]): void {
  for (const [index, mentions] of bySentence) {
    const sentence = sentences[index]!;
    for (let i = 0; i < mentions.length; i++) {
      const a = mentions[i]!;
      for (let j = i + 1; j < mentions.length; j++) {
        const b = mentions[j]!;
        if (b.start < a.end || a.id === b.id) continue;
        const between = text.slice(a.end, b.start);
        const inside = mentions.slice(i + 1, j).filter((m) => m.start >= a.end && m.end <= b.start);
        for (const rule of RELATION_RULES) {
          if (between.length > (rule.maxGap ?? DEFAULT_GAP)) continue;
          const [src, dst] = rule.swap ? [b, a] : [a, b];
          if (!rule.source.includes(src.type) || !rule.target.includes(dst.type)) continue;
          // The nearest candidate subject takes the relation: "Trained on M, X outperforms Y" is X's.
          // (Clause-level rules and coordinated lists, "A and B are evaluated on X", are exempt.)
          const listed = inside.length > 0 && /^\s*(?:,|and|or|,\s*and)\s*$/.test(text.slice(a.end, inside[0]!.start));
          if (!rule.swap && !listed && inside.some((m) => rule.source.includes(m.type) && m.id !== src.id)) continue;
          if (rule.reason === 'on-benchmark-clause' && !ON_BENCHMARK_PREFIX.test(text.slice(sentence.start, a.start))) continue;
          if (!rule.between.test(between)) continue;
          sink.add(src.id, rule.type, dst.id, index, rule.reason);
        }
      }
    }
  }
}

/** A paper relates to what its own paragraph says it proposes, cites as authors, or comes from. */
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
