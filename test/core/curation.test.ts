/** The curation projection (core/curation.ts) on hand-made rows: no database. */
import { describe, expect, it } from 'vitest';
import { Curation, decisionFromProps, describeDecision, producedId, project, storedProps, type Decision, type DecisionInput } from '../../core/curation.ts';

let seq = 0;
const decide = (input: DecisionInput, labels: Record<string, string> = {}): Decision => ({ id: `d${++seq}`, seq, at: '2025-01-01T00:00:00.000Z', labels, input });

const entity = (id: string, name: string, aliases: string[] = [], trusted = true) => ({ id, name, type: id.split(':')[0]!, aliases, trusted });
const mention = (id: string, entityId: string, text: string, sentenceStart = 0, documentId = 'doc') => ({ id, documentId, entityId, text, sentenceStart });
const relation = (source: string, type: string, target: string, evidenceStart = 0, documentId = 'doc', reason = 'rule') => ({ source, type, target, documentId, evidenceStart, reason, evidence: 'sentence', weight: 1 });

const ROWS = {
  entities: [entity('Lab:openai', 'OpenAI'), entity('Lab:open-ai', 'Open AI'), entity('Method:grpo', 'GRPO', ['Group Relative Policy Optimization']), entity('Method:ppo', 'PPO')],
  mentions: [
    mention('m1', 'Lab:openai', 'OpenAI', 0),
    mention('m2', 'Lab:open-ai', 'Open AI', 10),
    mention('m3', 'Method:grpo', 'GRPO', 0),
    mention('m4', 'Method:grpo', 'Group Relative Policy Optimization', 10),
    mention('m5', 'Method:ppo', 'PPO', 10),
  ],
  relations: [
    relation('Lab:openai', 'USES', 'Method:grpo', 0),
    relation('Lab:open-ai', 'USES', 'Method:grpo', 10),
    relation('Lab:open-ai', 'CO_MENTIONED', 'Method:grpo', 10),
    relation('Lab:openai', 'CO_MENTIONED', 'Lab:open-ai', 0),
    relation('Method:grpo', 'IMPROVES_ON', 'Method:ppo', 10),
  ],
  facts: [{ documentId: 'doc', entityId: 'Lab:open-ai', field: 'companies', value: 'Open AI', reason: 'front-matter-companies' }],
};

describe('project', () => {
  it('changes nothing without decisions', () => {
    const p = project(Curation.EMPTY, ROWS);
    expect(p.entities).toEqual(ROWS.entities);
    expect(p.mentions.map((m) => m.targetId)).toEqual(ROWS.mentions.map((m) => m.entityId));
    expect(p.relations.map(({ src, dst, ...r }) => [src, dst, r])).toEqual(ROWS.relations.map((r) => [null, null, r]));
    expect(p.suppressed).toEqual([]);
  });

  it('merge: mentions, aliases, relations and links move; equal relations fold into one, self-loops are hidden', () => {
    const p = project(new Curation([decide({ action: 'merge', from: 'Lab:open-ai', into: 'Lab:openai' })]), ROWS);
    expect(p.entities.find((e) => e.id === 'Lab:openai')).toMatchObject({ name: 'OpenAI', aliases: ['Open AI'] });
    expect(p.entities.map((e) => e.id)).not.toContain('Lab:open-ai');
    expect(p.mentions.find((m) => m.id === 'm2')!.targetId).toBe('Lab:openai');
    expect(p.counts).toContainEqual({ documentId: 'doc', entityId: 'Lab:openai', count: 2 });
    // Two USES now share (source, type, target, document): the one written between these very ends wins.
    const uses = p.relations.filter((r) => r.type === 'USES');
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({ source: 'Lab:openai', target: 'Method:grpo', src: null, dst: null, evidenceStart: 0 });
    // The moved co-mention keeps its extractor ends; the one between the two merged becomes a self-loop: hidden.
    expect(p.relations.find((r) => r.type === 'CO_MENTIONED')).toMatchObject({ source: 'Lab:openai', target: 'Method:grpo', src: 'Lab:open-ai', dst: 'Method:grpo' });
    expect(p.suppressed.map((r) => `${r.source} ${r.type} ${r.target}`).sort()).toEqual(['Lab:open-ai USES Method:grpo', 'Lab:openai CO_MENTIONED Lab:open-ai']);
    expect(p.facts).toEqual([{ ...ROWS.facts[0], entityId: 'Lab:openai', src: 'Lab:open-ai' }]);
    expect(p.extracted.map((e) => e.id).sort()).toEqual(['Lab:open-ai', 'Lab:openai']);
  });

  it('rename and retype: the name sticks (the old name an alias), the retyped entity gets a new id and keeps its name', () => {
    const c = new Curation([decide({ action: 'rename', id: 'Method:grpo', name: 'Group RPO' }), decide({ action: 'retype', id: 'Method:grpo', type: 'Tool' })]);
    const p = project(c, ROWS);
    const tool = p.entities.find((e) => e.id === 'Tool:grpo')!;
    expect(tool).toMatchObject({ name: 'Group RPO', type: 'Tool' });
    expect([...tool.aliases].sort()).toEqual(['GRPO', 'Group Relative Policy Optimization']);
    expect(p.relations.find((r) => r.type === 'IMPROVES_ON')).toMatchObject({ source: 'Tool:grpo', src: 'Method:grpo', dst: 'Method:ppo' });
  });

  it('split-alias: mentions written as the alias leave, with the relations read from their sentences', () => {
    const c = new Curation([decide({ action: 'split-alias', id: 'Method:grpo', alias: 'group relative policy optimization' })]);
    expect(producedId(c.decisions[0]!.input)).toBe('Method:group-relative-policy-optimization');
    const p = project(c, ROWS);
    expect(p.mentions.find((m) => m.id === 'm4')!.targetId).toBe('Method:group-relative-policy-optimization');
    expect(p.mentions.find((m) => m.id === 'm3')!.targetId).toBe('Method:grpo');
    expect(p.entities.find((e) => e.id === 'Method:group-relative-policy-optimization')).toMatchObject({ name: 'group relative policy optimization', aliases: ['Group Relative Policy Optimization'] });
    expect(p.entities.find((e) => e.id === 'Method:grpo')!.aliases).toEqual([]);
    // Sentence 10 names GRPO only by the alias: its relations go with it; sentence 0's stays.
    expect(p.relations.find((r) => r.type === 'IMPROVES_ON')!.source).toBe('Method:group-relative-policy-optimization');
    expect(p.relations.find((r) => r.type === 'USES' && r.evidenceStart === 0)!.target).toBe('Method:grpo');
  });

  it('delete: mentions go dormant, relations and links are hidden, the entity is not written', () => {
    const p = project(new Curation([decide({ action: 'delete', id: 'Lab:open-ai' })]), ROWS);
    expect(p.entities.map((e) => e.id)).not.toContain('Lab:open-ai');
    expect(p.mentions.find((m) => m.id === 'm2')!.targetId).toBeNull();
    expect(p.counts.map((c) => c.entityId)).not.toContain('Lab:open-ai');
    expect(p.suppressed).toHaveLength(3);
    expect(p.suppressedFacts).toEqual(ROWS.facts);
    expect(p.facts).toEqual([]);
  });

  it('reject-relation applies to the ends as they were when it was made', () => {
    const reject = decide({ action: 'reject-relation', source: 'Lab:openai', type: 'USES', target: 'Method:grpo' });
    // Rejected before the merge: only OpenAI's own USES is hidden; Open AI's, merged later, stays.
    const p1 = project(new Curation([reject, decide({ action: 'merge', from: 'Lab:open-ai', into: 'Lab:openai' })]), ROWS);
    expect(p1.relations.filter((r) => r.type === 'USES')).toMatchObject([{ source: 'Lab:openai', src: 'Lab:open-ai' }]);
    // Rejected after the merge: both are.
    const p2 = project(new Curation([decide({ action: 'merge', from: 'Lab:open-ai', into: 'Lab:openai' }), { ...reject, seq: ++seq }]), ROWS);
    expect(p2.relations.filter((r) => r.type === 'USES')).toEqual([]);
    expect(p2.relations.filter((r) => r.type === 'CO_MENTIONED')).toHaveLength(1);
  });

  it('names a curated entity the extractor has not produced (yet) from the decisions', () => {
    const c = new Curation([decide({ action: 'merge', from: 'Lab:open-ai', into: 'Lab:openai' }, { 'Lab:openai': 'OpenAI', 'Lab:open-ai': 'Open AI' })]);
    const only = { entities: [ROWS.entities[1]!], mentions: [ROWS.mentions[1]!], relations: [], facts: [] };
    expect(project(c, only).entities).toEqual([{ id: 'Lab:openai', name: 'OpenAI', type: 'Lab', aliases: ['Open AI'], trusted: true }]);
  });
});

describe('decisions', () => {
  it('round-trip through their stored properties and read as a sentence', () => {
    const d = decide({ action: 'split-alias', id: 'Method:grpo', alias: 'GRPO-2' }, { 'Method:grpo': 'GRPO' });
    const back = decisionFromProps(storedProps(d));
    expect(back).toEqual(d);
    expect(describeDecision(back)).toBe('split “GRPO-2” off “GRPO”');
    expect(() => decisionFromProps({ ...storedProps(d), action: 'explode' })).toThrow(/unknown action "explode"/);
  });

  it('region: the ids connected through the decisions', () => {
    const list: DecisionInput[] = [
      { action: 'merge', from: 'Lab:a', into: 'Lab:b' },
      { action: 'retype', id: 'Lab:b', type: 'Tool' },
      { action: 'delete', id: 'Lab:z' },
    ];
    expect([...Curation.region(list, ['Lab:a'])].sort()).toEqual(['Lab:a', 'Lab:b', 'Tool:b']);
    expect([...Curation.region(list, ['Lab:z'])]).toEqual(['Lab:z']);
    expect([...Curation.region(list, ['Lab:new'])]).toEqual(['Lab:new']);
  });
});
