import { describe, expect, it } from 'vitest';
import { names, run, typed } from './helpers.ts';

// Every text below is written for these tests; none comes from the corpus.

describe('paper titles', () => {
  it('a headline followed by an arXiv link', () => {
    const out = run('Sparse Critics for Dense Rewards\nhttps://arxiv.org/abs/2501.00001\nThe paper proposes SCR, a method that trims the critic.');
    expect(names(out.entities, 'Paper')).toEqual(['Sparse Critics for Dense Rewards']);
    expect(typed(out)).toContain('Sparse Critics for Dense Rewards PROPOSES SCR');
  });

  it('numbered table rows, bold or double-spaced', () => {
    const out = run('1) Pocket Transformers: Small Is Enough\na compact model family.\n2) Table Reasoners  This work studies reasoning over tables.\n3) Lazy Adapters - fine-tunes only what matters.');
    expect(names(out.entities, 'Paper').sort()).toEqual(['Lazy Adapters', 'Pocket Transformers: Small Is Enough', 'Table Reasoners']);
  });

  it('citation-style references give the paper and its author', () => {
    const out = run('Counting Tokens Carefully (Marlow et al., 2024) - a study of tokenizer drift.');
    expect(names(out.entities, 'Paper')).toEqual(['Counting Tokens Carefully']);
    expect(typed(out)).toContain('Counting Tokens Carefully AUTHORED_BY Marlow');
  });

  it('quoted titles and named papers in prose', () => {
    const out = run('Studies such as "When Small Models Disagree With Themselves" look at self-consistency.');
    expect(names(out.entities, 'Paper')).toEqual(['When Small Models Disagree With Themselves']);
  });

  it('colon headings only count inside a papers section or with a coined name', () => {
    const out = run('🎥 Videos\nBuilding Agents: A Practical Tour\nA talk about agents.\n📄 Papers\nQuietNet: Pruning Attention Heads at Scale\nA long paragraph describing the pruning method in detail for readers.');
    expect(names(out.entities, 'Paper')).toEqual(['QuietNet: Pruning Attention Heads at Scale']);
  });
});

describe('labs', () => {
  it('lexicon names, possessives and suffixes', () => {
    const out = run("NVIDIA's new optimizer was tested by the Vector Institute and Hooli Research.");
    expect(names(out.entities, 'Lab').sort()).toEqual(['Hooli Research', 'NVIDIA', 'Vector Institute']);
  });

  it('researchers from a lab, and a lab that ships something', () => {
    const out = run('Meta and Brightline researchers measured it. Zentrix released a toolkit last week.');
    expect(names(out.entities, 'Lab').sort()).toEqual(['Brightline', 'Meta', 'Zentrix']);
  });
});

describe('people', () => {
  it('compromise person names and speech verbs', () => {
    const out = run('Sarah Jenkins argues that evals drift. Later, Tomasz Wilk explains the fix.');
    expect(names(out.entities, 'Person').sort()).toEqual(['Sarah Jenkins', 'Tomasz Wilk']);
  });

  it('affiliations in parentheses, with "at" and possessives', () => {
    const out = run('We spoke with Maria Lopez (Anthropic). Omar Haddad, a researcher at Stanford, agreed. Google\'s Lena Park disagreed.');
    expect(typed(out).sort()).toEqual(['Lena Park AFFILIATED_WITH Google', 'Maria Lopez AFFILIATED_WITH Anthropic', 'Omar Haddad AFFILIATED_WITH Stanford']);
  });
});

describe('methods', () => {
  it('acronyms and their expansions resolve to one entity', () => {
    const out = run('We use Group Relative Policy Optimization (GRPO). Later, GRPO is tuned. Token Budget Regularization (TBR) helps too.');
    const grpo = out.entities.find((e) => e.id === 'Method:grpo')!;
    expect(grpo.mentions.map((m) => m.text)).toEqual(['Group Relative Policy Optimization', 'GRPO', 'GRPO']);
    const tbr = out.entities.find((e) => e.name === 'TBR')!;
    expect(tbr.type).toBe('Method');
    expect(tbr.aliases).toContain('Token Budget Regularization');
  });

  it('coined names introduced or defined by an appositive', () => {
    const out = run('The paper introduces FlowMix, a training recipe for mixtures. StepDrop (Stochastic Step Dropping) speeds up decoding.');
    expect(names(out.entities, 'Method').sort()).toEqual(['FlowMix', 'StepDrop']);
  });

  it('relations between methods', () => {
    const out = run('ClipZero outperforms PPO on long tasks. KLite, a variant of DPO, is cheaper. We compare ORPO against SimPO.');
    expect(typed(out)).toEqual(expect.arrayContaining(['ClipZero IMPROVES_ON PPO', 'KLite VARIANT_OF DPO', 'ORPO COMPARED_WITH SimPO']));
  });
});

describe('benchmarks and models', () => {
  it('lexicon benchmarks, suffixes and "the X benchmark"', () => {
    const out = run('Scores on GSM8K, HardCode-Bench and the Zephyrus benchmark all rose; AgentEval did not.');
    expect(names(out.entities, 'Benchmark').sort()).toEqual(['AgentEval', 'GSM8K', 'HardCode-Bench', 'Zephyrus']);
  });

  it('model names with versions and sizes', () => {
    const out = run('We compare Llama 3.1 70B, Qwen2.5-14B-Instruct, GPT-4o mini, o3 and Claude 3.5 Sonnet.');
    expect(names(out.entities, 'Model').sort()).toEqual(['Claude 3.5 Sonnet', 'GPT-4o mini', 'Llama 3.1 70B', 'Qwen2.5-14B-Instruct', 'o3']);
  });

  it('evaluation and lab relations', () => {
    const out = run("On MMLU, Gemma 3 beats Llama 3.1. Anthropic's Claude 3.5 Sonnet was evaluated on HumanEval.");
    expect(typed(out)).toEqual(expect.arrayContaining(['Gemma 3 EVALUATED_ON MMLU', 'Gemma 3 IMPROVES_ON Llama 3.1', 'Claude 3.5 Sonnet FROM_LAB Anthropic', 'Claude 3.5 Sonnet EVALUATED_ON HumanEval']));
  });
});

describe('co-mentions', () => {
  it('one record per pair, weighted by shared sentences, source before target', () => {
    const out = run('GRPO and DPO are both popular. People still compare DPO with GRPO. PPO is older.');
    const co = out.relations.filter((r) => r.type === 'CO_MENTIONED');
    expect(co).toEqual([expect.objectContaining({ source: 'Method:dpo', target: 'Method:grpo', weight: 2, reason: 'same-sentence' })]);
  });
});
