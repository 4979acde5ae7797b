/**
 * Lower-case technique names: "continual learning", "inference-time scaling", "policy gradient", "model merging".
 * A run of one or two modifier words and a technique head word. The shape alone is weak (every sentence about
 * training has "more training"), so a run counts only when it recurs in the document or a definition follows it;
 * the modifier rows below say which words never make the run a name.
 */
export interface TechniqueRule {
  reason: string;
  /** Head words that end a technique name. */
  heads: string[];
  /** Times the same run must occur in one document for the shape to be enough. */
  minOccurrences: number;
  /** Heads that name a technique without a modifier ("self-play", "distillation"). */
  standalone?: string[];
}

export const TECHNIQUE_RULES: TechniqueRule[] = [
  {
    reason: 'lowercase-technique',
    heads: [
      'learning', 'scaling', 'distillation', 'fine-tuning', 'finetuning', 'tuning', 'prompting', 'decoding', 'sampling', 'search',
      'optimization', 'optimisation', 'attention', 'quantization', 'pruning', 'merging', 'supervision', 'prediction', 'gradient',
      'gradients', 'self-play', 'modeling', 'modelling', 'regularization', 'normalization', 'dropout', 'routing', 'alignment',
      'pretraining', 'pre-training', 'post-training', 'midtraining', 'mid-training', 'training', 'rollouts', 'annealing', 'assignment',
    ],
    minOccurrences: 2,
    standalone: ['self-play', 'distillation'],
  },
];

/**
 * Words that make the run a description rather than a name ("more training", "model training", "the learning"):
 * determiners, quantifiers, evaluative and generic adjectives, nouns that only say what is trained.
 */
export const NOT_TECHNIQUE_MODIFIER = new Set(
  (
    'a an the re de un non pre this that these those our your their its his her my some any each every all no more most less least much many few ' +
    'other another such same new old current existing standard basic simple better faster good great best bad worse big small large ' +
    'larger longer long short full further additional extra initial final early late real true general specific final overall ' +
    'model models language vision data compute training inference research ai ml llm lm rl human machine deep base first second third ' +
    'of for in on at to with by from and or but is are was were be been being has have had do does did not also just only very ' +
    'extensive heavy light careful proper successful effective efficient massive huge little lot lots kind type sort way ways ' +
    'domain task tasks problem problems system systems product company team people user users industry open closed public private ' +
    'academic scientific technical online offline active passive applied experimental theoretical practical major minor key main ' +
    'what which who whose when where how why it they we you i he she one two three ten hundred thousand million billion ' +
    'test eval evaluation benchmark web internet code math reasoning agent agents agentic like via using used use through into onto over under about as than then so if while'
  ).split(/\s+/),
);

/** Fields of study, not techniques. */
/** Parts of speech (compromise's tags) a modifier may have: "continual", "credit", "inference-time". */
export const MODIFIER_TAGS = ['Adjective', 'Noun', 'Gerund'];
/** Tags that rule a word out even when it is also a noun ("like", "train"). */
export const NOT_MODIFIER_TAGS = ['Preposition', 'Determiner', 'Pronoun', 'Conjunction', 'Adverb', 'Value', 'Modal', 'Copula', 'PastTense', 'PresentTense'];

export const FIELD_NAMES = new Set(['machine learning', 'deep learning', 'statistical learning', 'active learning']);
