import type { EntityType } from '../model.ts';

/**
 * Emphasised names (bold or italic runs of a few capitalised words) typed by their own head word. Emphasis alone
 * is not evidence of a type: a row needs a head word that says what the name is.
 */
export interface EmphasisTypeRule {
  match: RegExp;
  type: EntityType;
  reason: string;
  strength: number;
  /** The row does not apply when the name matches this (a generic phrase with the same head). */
  notIf?: RegExp;
}

const CAPS = String.raw`(?:\p{Lu}[\p{L}\p{N}'’.&-]*\s){1,3}`;

export const EMPHASIS_TYPE_RULES: EmphasisTypeRule[] = [
  {
    match: new RegExp(String.raw`^${CAPS}(?:Labs?|AI|Research|Institute|University|Technologies|Robotics|Foundation|Systems|Intelligence)$`, 'u'),
    notIf: /^(?:(?:The|Our|Open|Generative|Agentic|Physical|Applied|Frontier|Conversational|Responsible|Safe|Sovereign|Enterprise|Edge|Local|Voice|General|Artificial|Super|Human|Machine|Deep|Reinforcement|Model|AI|ML)\s)+(?:AI|Intelligence|Research|Systems|Learning)$/,
    type: 'Lab',
    reason: 'emphasised-lab-name',
    strength: 1,
  },
  {
    match: new RegExp(String.raw`^${CAPS}(?:Optimization|Distillation|Decoding|Attention|Sampling|Fine-?[Tt]uning|Alignment|Quantization|Pruning|Routing|Prompting|Regularization|Normalization|Merging|Scaling|Search|Reasoning|Learning|Training|Policy Optimization)$`, 'u'),
    notIf: /^(?:(?:The|Our|Reinforcement|Machine|Deep|Supervised|Unsupervised|Self-Supervised|Federated|Transfer|Online|Offline|Continual|Active|Multi-Task|Meta|Contrastive|Representation|Model|Large-Scale|Distributed|Parallel|Efficient|Better|Faster|Key|Main|New|More|Test-Time|Inference-Time|Post|Pre|Agentic|Adaptive|Long|Context|Web|Deep|Code|Math|Visual|Spatial|Vision|Language|Human|AI|RL|LLM)\s)+\p{L}+$/u,
    type: 'Method',
    reason: 'emphasised-method-name',
    strength: 1,
  },
  {
    match: /^[\p{Lu}\p{N}][\p{L}\p{N}.-]*(?:-?Bench|-Eval|Arena|Gym)(?:[-\s]?v?\d+(?:\.\d+)?)?(?:\s(?:Verified|Pro|Lite|Hard|Live|Diamond|Multilingual))?$/u,
    type: 'Benchmark',
    reason: 'emphasised-benchmark-name',
    strength: 2,
  },
];
