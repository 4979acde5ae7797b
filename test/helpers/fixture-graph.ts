/**
 * A small hand-made graph for the API tests, written with the real ingest writer (no extractor involved).
 * Four invented documents: two issues of "Gradient Notes" (dated), one "Weekly Tensor" note (undated) and an
 * isolated note whose only entity connects to nothing else. Emoji in the text make UTF-16 offsets differ from
 * code points, which is what the sentence-cutting code must get right.
 */
import type { Driver } from 'neo4j-driver';
import { CO_MENTION, type DocumentRecord, type EntityRecord, type EntityType, type RelationRecord, type RelationType } from '../../ingest/model.ts';
import { writeDocument } from '../../ingest/write.ts';

interface FixtureEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Surface forms looked for in the text (the name first). */
  forms: string[];
}

export const ENTITIES = {
  acme: { id: 'Lab:acme-labs', name: 'Acme Labs', type: 'Lab', forms: ['Acme Labs'] },
  foopo: { id: 'Method:foopo', name: 'FooPO', type: 'Method', forms: ['FooPO'] },
  grpo: { id: 'Method:grpo', name: 'GRPO', type: 'Method', forms: ['GRPO'] },
  barpo: { id: 'Method:barpo', name: 'BarPO', type: 'Method', forms: ['BarPO'] },
  mathbench: { id: 'Benchmark:mathbench', name: 'MathBench', type: 'Benchmark', forms: ['MathBench'] },
  jane: { id: 'Person:jane-doe', name: 'Jane Doe', type: 'Person', forms: ['Jane Doe'] },
  openai: { id: 'Lab:openai', name: 'OpenAI', type: 'Lab', forms: ['OpenAI', 'Open AI'] },
  modelx: { id: 'Model:model-x', name: 'Model X', type: 'Model', forms: ['Model X'] },
  zeta: { id: 'Tool:zeta-tool', name: 'Zeta Tool', type: 'Tool', forms: ['Zeta Tool'] },
  lonely: { id: 'Lab:lonely-corp', name: 'Lonely Corp', type: 'Lab', forms: ['Lonely Corp'] },
} as const satisfies Record<string, FixtureEntity>;
type Key = keyof typeof ENTITIES;

interface FixtureDoc {
  doc: Omit<DocumentRecord, 'text' | 'contentHash' | 'wordCount'>;
  /** One string per sentence; joined with a single space. */
  sentences: string[];
  /** [source, type, target, sentence index] */
  relations: [Key, RelationType, Key, number][];
}

const DOCS: FixtureDoc[] = [
  {
    doc: { id: 'doc:gn-1', path: 'fixtures/gradient-notes-1.txt', title: 'Gradient Notes #1: FooPO arrives', publication: 'Gradient Notes', issue: '1', date: '2025-01-10', url: 'https://example.test/gn/1' },
    sentences: [
      '🚀 Acme Labs introduced FooPO, a new method that improves on GRPO.',
      '📊 FooPO was evaluated on MathBench by Jane Doe.',
      'Open AI also uses GRPO to train Model X.',
    ],
    relations: [
      ['acme', 'INTRODUCES', 'foopo', 0],
      ['foopo', 'IMPROVES_ON', 'grpo', 0],
      ['foopo', 'EVALUATED_ON', 'mathbench', 1],
      ['foopo', 'AUTHORED_BY', 'jane', 1],
      ['openai', 'USES', 'grpo', 2],
      ['modelx', 'FROM_LAB', 'openai', 2],
    ],
  },
  {
    doc: { id: 'doc:gn-2', path: 'fixtures/gradient-notes-2.txt', title: 'Gradient Notes #2: BarPO', publication: 'Gradient Notes', issue: '2', date: '2025-02-14', url: null },
    sentences: [
      'Jane Doe from Acme Labs presented BarPO, a variant of FooPO.',
      'BarPO is compared with GRPO on MathBench 🧮 and beats it.',
      'OpenAI released Model X, and Model X is strong on MathBench.',
    ],
    relations: [
      ['jane', 'AFFILIATED_WITH', 'acme', 0],
      ['barpo', 'VARIANT_OF', 'foopo', 0],
      ['barpo', 'COMPARED_WITH', 'grpo', 1],
      ['barpo', 'EVALUATED_ON', 'mathbench', 1],
      ['modelx', 'FROM_LAB', 'openai', 2],
      ['modelx', 'EVALUATED_ON', 'mathbench', 2],
    ],
  },
  {
    doc: { id: 'doc:wt-7', path: 'fixtures/weekly-tensor-7.txt', title: 'Weekly Tensor 7', publication: 'Weekly Tensor', issue: '7', date: null, url: null },
    sentences: ['A short note: OpenAI and Acme Labs both cite GRPO.', 'Nothing else here about Zeta Tool.'],
    relations: [],
  },
  {
    doc: { id: 'doc:island', path: 'fixtures/island.txt', title: 'Island note', publication: null, issue: null, date: '2024-12-01', url: null },
    sentences: ['Lonely Corp keeps to itself.'],
    relations: [],
  },
];

function occurrences(text: string, form: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + form.length)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + form.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push(i);
  }
  return out;
}

export interface BuiltDocument {
  doc: DocumentRecord;
  entities: EntityRecord[];
  relations: RelationRecord[];
}

function buildFixture(): BuiltDocument[] {
  return DOCS.map(({ doc, sentences, relations }) => {
    const text = sentences.join(' ');
    const bounds: { start: number; end: number }[] = [];
    let at = 0;
    for (const s of sentences) {
      bounds.push({ start: at, end: at + s.length });
      at += s.length + 1;
    }
    const sentenceOf = (offset: number) => bounds.findIndex((b) => offset >= b.start && offset < b.end);
    const entities: EntityRecord[] = [];
    const bySentence = new Map<number, Set<string>>();
    for (const e of Object.values(ENTITIES)) {
      const mentions = e.forms.flatMap((form) =>
        occurrences(text, form).map((start) => {
          const si = sentenceOf(start);
          const b = bounds[si]!;
          if (!bySentence.has(si)) bySentence.set(si, new Set());
          bySentence.get(si)!.add(e.id);
          return { documentId: doc.id, start, end: start + form.length, text: form, sentenceStart: b.start, sentenceEnd: b.end, reason: 'fixture' };
        }),
      );
      if (mentions.length) entities.push({ id: e.id, name: e.name, type: e.type, aliases: e.forms.filter((f) => f !== e.name && mentions.some((m) => m.text === f)), mentions });
    }
    const rels: RelationRecord[] = relations.map(([s, type, t, si]) => ({
      source: ENTITIES[s].id,
      target: ENTITIES[t].id,
      type,
      documentId: doc.id,
      evidence: sentences[si]!,
      evidenceStart: bounds[si]!.start,
      reason: `fixture-${type.toLowerCase()}`,
      weight: 1,
    }));
    // Sentence co-mentions, one relationship per pair and document, weight = sentences shared.
    const co = new Map<string, RelationRecord>();
    for (const [si, ids] of [...bySentence].sort((a, b) => a[0] - b[0])) {
      const list = [...ids].sort();
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const key = `${list[i]}|${list[j]}`;
          const prev = co.get(key);
          if (prev) prev.weight++;
          else co.set(key, { source: list[i]!, target: list[j]!, type: CO_MENTION, documentId: doc.id, evidence: sentences[si]!, evidenceStart: bounds[si]!.start, reason: 'same-sentence', weight: 1 });
        }
    }
    const full: DocumentRecord = { ...doc, text, contentHash: `fixture-${doc.id}-${text.length}`, wordCount: text.split(/\s+/).length };
    return { doc: full, entities, relations: [...rels, ...co.values()] };
  });
}

export const FIXTURE = buildFixture();

/** Mentions of an entity across the fixture, as the graph must hold them. */
export function fixtureMentions(entityId: string) {
  return FIXTURE.flatMap((d) => d.entities.filter((e) => e.id === entityId).flatMap((e) => e.mentions.map((m) => ({ ...m, doc: d.doc }))));
}

export async function loadFixtureGraph(driver: Driver): Promise<void> {
  for (const d of FIXTURE) await writeDocument(driver, d.doc, d.entities, d.relations);
}
