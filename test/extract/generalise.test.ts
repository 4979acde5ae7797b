import { describe, expect, it } from 'vitest';
import { Extractor } from '../../ingest/extract/index.ts';
import { readSource } from '../../ingest/readers/index.ts';
import { doc, names, run, typed } from './helpers.ts';

// Every text below is written for these tests; none comes from the corpus.

describe('papers in other layouts', () => {
  it('a links list right under a papers heading, with a dash or a byline', () => {
    const out = run('Research\n• Quiet Gradients Make Better Students — a team at Wrenfield Labs presents QGS, a distillation method.\n• Counting Sheep With Sparse Transformers by Ilse Varga and Omar Qadir (Pellucid AI). They propose SheepNet.');
    expect(names(out.entities, 'Paper').sort()).toEqual(['Counting Sheep With Sparse Transformers', 'Quiet Gradients Make Better Students']);
    expect(names(out.entities, 'Person').sort()).toEqual(['Ilse Varga', 'Omar Qadir']);
  });

  it('bullets under a paper are not papers', () => {
    const out = run('Papers\n1) Lazy Adapters Fine-Tune Less\n• Strong Results – beats full fine-tuning.\n• Cheap Training - uses one GPU.');
    expect(names(out.entities, 'Paper')).toEqual(['Lazy Adapters Fine-Tune Less']);
  });

  it('a heading followed by a paragraph inside a papers section', () => {
    const out = run('Paper of the week\n\nSlow Thinking for Fast Robots\n\nThe authors describe a planner that waits before it acts, and show on three robot arms that waiting a little improves grasp success by a wide margin.');
    expect(names(out.entities, 'Paper')).toEqual(['Slow Thinking for Fast Robots']);
  });

  it('an appositive title before a byline, and a quoted title after "the X paper"', () => {
    const out = run('The companion paper, Marble: Sparse Experts at Small Scale, by Ines Duarte and Kofi Mensah, explains the routing.\nWe wrote the TALC paper last year, "Token-Aware Loss Clipping for Stable Pretraining".');
    expect(names(out.entities, 'Paper').sort()).toEqual(['Marble: Sparse Experts at Small Scale', 'Token-Aware Loss Clipping for Stable Pretraining']);
    expect(typed(out)).toContain('Token-Aware Loss Clipping for Stable Pretraining PROPOSES TALC');
  });
});

describe('names from context cues', () => {
  it('spoken acronym definitions and expansions that stay aliases', () => {
    const out = run('We built what we call Gated Reward Mixing, or GRM. Separately, the team introduces Sparse Token Dropping (STD), which saves memory.');
    expect(names(out.entities, 'Method').sort()).toEqual(['GRM', 'STD']);
  });

  it('a named modifier before a lower-case method noun', () => {
    const out = run('It compares against Expert Choice routing and uses KV-cache quantization, but not standard attention.');
    expect(names(out.entities, 'Method').sort()).toEqual(['Expert Choice routing', 'KV-cache quantization']);
  });

  it('"X AI" companies only in an organisation context, never generic AI', () => {
    const out = run('Mara Lind joined Brightwell AI last year. Generative AI is everywhere, and Voice AI is growing. Tessel AI released a model.');
    expect(names(out.entities, 'Lab').sort()).toEqual(['Brightwell AI', 'Tessel AI']);
  });

  it('appositive roles, honorifics and "head of X at Y"', () => {
    const out = run('Dr. Hanna Voss, a researcher at Corvid Labs, led the study. Our guest is Milo Brandt, head of inference at Lattice AI.');
    expect(names(out.entities, 'Person').sort()).toEqual(['Hanna Voss', 'Milo Brandt']);
    expect(names(out.entities, 'Lab').sort()).toEqual(['Corvid Labs', 'Lattice AI']);
  });

  it('a place after "at" is not a lab', () => {
    const out = run('The research team at Paris shipped a new release.');
    expect(names(out.entities, 'Lab')).toEqual([]);
  });

  it('recurring all-caps speaker labels name people', () => {
    const out = run('NORA QUILL: Welcome back.\nTEO VANCE: Glad to be here.\nNORA QUILL: Let us start.\nTEO VANCE: Sure.\nBREAKING NEWS: nothing.');
    expect(names(out.entities, 'Person').sort()).toEqual(['Nora Quill', 'Teo Vance']);
  });

  it('benchmarks named after an evaluation verb and models with a size word before the version', () => {
    const out = run('The model was evaluated on Riddle-Hard and PuzzleSet-2, and Mistral Large 2 was tested too.');
    expect(names(out.entities, 'Benchmark').sort()).toEqual(['PuzzleSet-2', 'Riddle-Hard']);
    expect(names(out.entities, 'Model')).toContain('Mistral Large 2');
  });
});

describe('relations from general cues', () => {
  it('bylines, people lists with a parenthesised lab, plural possessives and "head of X at Y"', () => {
    const out = run("Research\n• Folding Tables Into Prompts by Ivo Sand and Reza Moradi (Umbra Labs). They propose TabFold.\nUmbra Labs' Kit Oduya explains the idea. Our guest is Lior Ben, head of evals at Umbra Labs.");
    expect(typed(out)).toEqual(
      expect.arrayContaining([
        'Folding Tables Into Prompts AUTHORED_BY Ivo Sand',
        'Folding Tables Into Prompts AUTHORED_BY Reza Moradi',
        'Ivo Sand AFFILIATED_WITH Umbra Labs',
        'Reza Moradi AFFILIATED_WITH Umbra Labs',
        'Kit Oduya AFFILIATED_WITH Umbra Labs',
        'Lior Ben AFFILIATED_WITH Umbra Labs',
      ]),
    );
  });

  it('an object of "trained with" or "beats" does not steal the subject', () => {
    const out = run('Their Finch-3B model trained with DPO beats Llama 3.1 8B on GSM8K.');
    expect(typed(out)).toEqual(expect.arrayContaining(['Finch-3B USES DPO', 'Finch-3B IMPROVES_ON Llama 3.1 8B', 'Finch-3B EVALUATED_ON GSM8K']));
  });

  it('namesake labs, "The model ..." and "He is at X" refer back', () => {
    const out = run('Heron Research released Heron-7B-Chat this week. The model uses LoRA adapters.\nWe talked to Pavel Dorn about it. He is now at Stanford.');
    expect(typed(out)).toEqual(expect.arrayContaining(['Heron-7B-Chat FROM_LAB Heron Research', 'Heron-7B-Chat USES LoRA', 'Pavel Dorn AFFILIATED_WITH Stanford']));
  });
});

describe('speech-to-text family names', () => {
  it('a family word that sounds like a known one, before a version, resolves to that family', () => {
    const out = run('We fine-tuned Quinn 2.5 on our traces.');
    expect(names(out.entities, 'Model')).toEqual(['Qwen 2.5']);
  });

  it('no version, no merge; short acronyms never merge', () => {
    const out = run('Our Cloud bill grew. GLA and GLM differ.');
    expect(names(out.entities, 'Model')).not.toContain('Claude');
  });
});

describe('baselines are not what was evaluated', () => {
  it('"On B, X ... compared to Y": X is evaluated on B, Y is only the baseline', () => {
    const out = run('On GSM8K, training Qwen3-4B with DPO gives 4.1% higher accuracy compared to GRPO at half the cost.');
    const rels = typed(out);
    expect(rels).toContain('DPO EVALUATED_ON GSM8K');
    expect(rels).not.toContain('GRPO EVALUATED_ON GSM8K');
  });
});

describe('lists, passives, scores and kinds of model', () => {
  const rels = (text: string) => typed(run(text));

  it('a list next to either end carries the relation, and objects in a list never become subjects', () => {
    expect(rels('Orion Labs released Wren-7B and Wren-3B.')).toEqual(expect.arrayContaining(['Wren-7B FROM_LAB Orion Labs', 'Wren-3B FROM_LAB Orion Labs']));
    expect(rels('Wren-7B uses GRPO, DPO and LoRA.')).toEqual(expect.arrayContaining(['Wren-7B USES GRPO', 'Wren-7B USES DPO', 'Wren-7B USES LoRA']));
    const beats = rels('Wren-7B beats Llama 3.1 8B, Qwen2.5-7B and Gemma 2 9B on GSM8K.');
    expect(beats).toEqual(expect.arrayContaining(['Wren-7B IMPROVES_ON Gemma 2 9B', 'Wren-7B EVALUATED_ON GSM8K']));
    expect(beats).not.toContain('Gemma 2 9B EVALUATED_ON GSM8K');
  });

  it('a passive maker after a long apposition, for every lab listed', () => {
    expect(rels('OrbitBench, a suite of 400 agentic tasks covering many domains, was developed jointly by Orion Labs and MIT.')).toEqual(
      expect.arrayContaining(['OrbitBench FROM_LAB Orion Labs', 'OrbitBench FROM_LAB MIT']),
    );
  });

  it('leaderboard verbs and a score right before the benchmark', () => {
    expect(rels('Wren-7B leads the Search Arena leaderboard with a score of 1250.')).toContain('Wren-7B EVALUATED_ON Search Arena');
    expect(rels('Wren-7B hits 81.4 SWE-bench Verified.')).toContain('Wren-7B EVALUATED_ON SWE-bench Verified');
    expect(rels('Reported results put Wren-7B at 71.1% LiveCodeBench vs Falcon-40B at 69.0%, plus 48.2% WeirdML.')).toEqual(
      expect.arrayContaining(['Wren-7B EVALUATED_ON LiveCodeBench', 'Wren-7B EVALUATED_ON WeirdML']),
    );
  });

  it('what a model is made of, what it was trained with, what was applied to it', () => {
    expect(rels('Wren-7B is a mixture of experts model with 30B parameters.')).toContain('Wren-7B USES Mixture-of-Experts');
    expect(rels('Wren-7B (MoE) and Wren-3B (dense) are out.')).toContain('Wren-7B USES Mixture-of-Experts');
    expect(rels('Wren-7B was trained on 15.5T tokens with the MuonClip optimizer.')).toContain('Wren-7B USES MuonClip');
    expect(rels('Wren-7B was trained with "large-scale reinforcement learning" and GRPO.')).toEqual(expect.arrayContaining(['Wren-7B USES GRPO', 'Wren-7B USES reinforcement learning']));
    expect(rels('We apply GRPO to Wren-7B.')).toContain('Wren-7B USES GRPO');
    expect(rels('DeepSeek uses GRPO to optimize this reward.')).toContain('DeepSeek USES GRPO');
  });

  it('an alternative to, better ... than', () => {
    expect(rels('GDPO is introduced as an alternative to GRPO for multi-reward training.')).toContain('GDPO COMPARED_WITH GRPO');
    expect(rels('Wren-7B is a far better coding model than Falcon-40B.')).toContain('Wren-7B IMPROVES_ON Falcon-40B');
  });
});

describe('handles, editions, appositions, topics and kinds', () => {
  const rels = (text: string) => typed(run(text));

  it('an organisation handle is the organisation; a benchmark edition is part of its name', () => {
    const md = 'Wren-7B is live on Anthropic servers ([AnthropicAI](https://x.com/AnthropicAI); [vllm_project](https://x.com/vllm_project)).';
    const [read] = readSource('handles.md', md, '.md');
    const out = new Extractor().extract(read!.kind === 'document' ? read!.doc : doc(md));
    expect(names(out.entities, 'Tool')).toContain('vLLM');
    expect(names(out.entities, 'Lab')).toEqual(['Anthropic']);
    expect(names(run('It scores 71% on LiveCodeBench v6 and 80% on AIME 24, and MMLU 25% lower.').entities, 'Benchmark')).toEqual(
      expect.arrayContaining(['LiveCodeBench v6', 'AIME 24', 'MMLU']),
    );
  });

  it('a release named in apposition, a product adding a model, a former chief officer', () => {
    expect(rels('Orion Labs released the next batch of its open-weight models, Wren-7B, on Tuesday.')).toContain('Wren-7B FROM_LAB Orion Labs');
    expect(rels('Cursor immediately added Wren-7B for all users.')).toContain('Cursor USES Wren-7B');
    expect(rels('To quote Sam Altman, former Chief Research Officer at Orion Labs, it works.')).toEqual(['Sam Altman AFFILIATED_WITH Orion Labs']);
  });

  it('models of a method’s kind, named variants, one kind per comparison, no one owns a method family', () => {
    expect(rels('These are the big mixture of experts (MoE) models like Wren-7B, Falcon-40B and Gemma 2 9B.')).toEqual(
      expect.arrayContaining(['Wren-7B USES Mixture-of-Experts', 'Falcon-40B USES Mixture-of-Experts', 'Gemma 2 9B USES Mixture-of-Experts']),
    );
    expect(rels('Post-training uses a GRPO variant FooPO with preference learning.')).toEqual(['FooPO VARIANT_OF GRPO']);
    expect(rels('FooPO, a GRPO variant, helps.')).toContain('FooPO VARIANT_OF GRPO');
    expect(rels('PPO beats Wren-7B on GSM8K.')).not.toContain('PPO IMPROVES_ON Wren-7B');
    expect(rels("Orion Labs's MoE is fast.")).not.toContain('Mixture-of-Experts FROM_LAB Orion Labs');
    expect(rels("Orion Labs's FooPO is fast.")).toContain('FooPO FROM_LAB Orion Labs');
  });

  it("a lab's models listed, a possessive apposition, an aside never a subject, match", () => {
    const out = rels("Wren-7B feels around Orion Labs' strongest models (Falcon-40B, Gemma 2 9B), and slightly better than Qwen2.5-7B.");
    expect(out).toEqual(expect.arrayContaining(['Falcon-40B FROM_LAB Orion Labs', 'Gemma 2 9B FROM_LAB Orion Labs']));
    expect(out).not.toContain('Falcon-40B IMPROVES_ON Qwen2.5-7B');
    expect(rels("On Monday we released OrbitBench, Orion Labs's next agent evaluation.")).toContain('OrbitBench FROM_LAB Orion Labs');
    expect(rels("Wren-7B's performance on MATH and GSM8K match the Falcon-40B model.")).toContain('Wren-7B COMPARED_WITH Falcon-40B');
  });

  it('a model named in full goes by its version alone later; Claude tiers without the family', () => {
    const out = run('Orion Labs shipped Kimi R1 and DeepSeek-V4 Pro. R1 was good; V4 Pro beats R1 on GSM8K. Opus 4.6 beats Sonnet 4.5.');
    expect(typed(out)).toEqual(expect.arrayContaining(['DeepSeek-V4 Pro IMPROVES_ON Kimi R1', 'Opus 4.6 IMPROVES_ON Sonnet 4.5']));
    expect(names(out.entities, 'Model')).not.toContain('R1');
  });

  it('how a model was made: trained X with Y, X a MoE, X’s GRPO training, GRPO-trained X, relies heavily on, swaps in', () => {
    expect(rels('We fine-tuned Qwen2.5-7B with GRPO on math.')).toContain('Qwen2.5-7B USES GRPO');
    expect(rels('Kimi K2, a 1T-parameter MoE, is out.')).toContain('Kimi K2 USES Mixture-of-Experts');
    expect(rels("Wren-7B's GRPO training was cheap.")).toContain('Wren-7B USES GRPO');
    expect(rels('GRPO-trained Qwen3 beats Llama 3.')).toEqual(expect.arrayContaining(['Qwen3 USES GRPO', 'Qwen3 IMPROVES_ON Llama 3']));
    expect(rels('Gemma 3 relies heavily on DPO.')).toContain('Gemma 3 USES DPO');
    expect(rels('Kimi K2 swaps in MuonClip for AdamW.')).toContain('Kimi K2 USES MuonClip');
    expect(rels('Wren-7B, a GRPO variant of Qwen3, is out.')).not.toContain('GRPO VARIANT_OF Qwen3');
    // A variant is of its original's kind: "Qwen2.5-Max, a larger variant of Qwen2.5" stays one model.
    const variant = run('Orion Labs released Qwen2.5-Max, a larger variant of Qwen2.5. Qwen2.5-Max is fast.');
    expect(names(variant.entities, 'Method')).toEqual([]);
    expect(typed(variant)).toContain('Qwen2.5-Max VARIANT_OF Qwen2.5');
  });

  it('a score with no model of its own belongs to the model the passage is about', () => {
    const out = rels(['Orion Labs shipped Wren-7B and Wren-7B Pro today.', 'Benchmarks that dominated the discourse:', '• OSWorld-Verified 75.0%, above the human baseline.', '• SWE-bench Pro 57.7%, slightly better than prior Codex.'].join('\n'));
    expect(out).toEqual(expect.arrayContaining(['Wren-7B EVALUATED_ON OSWorld-Verified', 'Wren-7B EVALUATED_ON SWE-bench Pro']));
    expect(out).not.toContain('Wren-7B Pro EVALUATED_ON OSWorld-Verified');
    expect(rels('Wren-7B is out.\nFalcon-40B scores 70% on GSM8K.')).not.toContain('Wren-7B EVALUATED_ON GSM8K');
  });
});
