import type { LexiconEntry } from './types.ts';

/**
 * Names any ML newsletter mentions: big labs and universities, standard benchmarks, method
 * families, model families, common tools, and well-known researchers. Deliberately general;
 * document-specific names come from the pattern rules.
 */
const labs = (names: Array<string | [string, ...string[]]>): LexiconEntry[] =>
  names.map((n) => (Array.isArray(n) ? { name: n[0], aliases: n.slice(1), type: 'Lab' } : { name: n, type: 'Lab' }));

export const LABS: LexiconEntry[] = labs([
  'OpenAI', 'Anthropic', ['Google', 'Google Research', 'Google AI'], ['Google DeepMind', 'DeepMind', 'GDM'],
  ['Meta', 'Meta AI', 'FAIR', 'Facebook AI Research', 'Meta FAIR', 'Facebook'], 'Microsoft', ['Microsoft Research', 'MSR'],
  ['NVIDIA', 'Nvidia'], 'Apple', ['Amazon', 'AWS', 'Amazon Web Services'], 'IBM', ['IBM Research'], ['Hugging Face', 'HuggingFace'],
  ['AI2', 'Ai2', 'Allen Institute for AI', 'Allen AI', 'AllenAI'], ['DeepSeek', 'DeepSeek AI', 'Deepseek'], ['Alibaba', 'Alibaba Cloud', 'Qwen Team'],
  ['Mistral AI', 'Mistral'], 'Cohere', ['xAI'], 'Stability AI', 'Databricks', 'Salesforce', 'Baidu', 'Tencent', 'ByteDance',
  ['Moonshot AI', 'Moonshot'], ['Zhipu AI', 'Zhipu'], 'MiniMax', ['Scale AI'], ['Perplexity', 'Perplexity AI'], 'Character.AI',
  ['Together AI'], 'EleutherAI', 'LAION', 'Sakana AI', 'Reka', 'Inflection AI', 'Midjourney', ['Runway', 'RunwayML'],
  ['Thinking Machines', 'Thinking Machines Lab'], ['Safe Superintelligence', 'SSI'], ['LMSYS', 'LMSys'], 'Epoch AI', 'Artificial Analysis',
  'Cerebras', 'Groq', 'Intel', 'AMD', 'Qualcomm', 'Samsung', 'Adobe', 'Snowflake', 'Replit',
  ['Stanford', 'Stanford University'], ['MIT', 'Massachusetts Institute of Technology'], ['CMU', 'Carnegie Mellon', 'Carnegie Mellon University'],
  ['UC Berkeley', 'Berkeley', 'University of California, Berkeley'], 'Harvard', 'Princeton', ['Oxford', 'University of Oxford'],
  ['Cambridge', 'University of Cambridge'], 'ETH Zurich', 'EPFL', ['Tsinghua', 'Tsinghua University'], ['Peking University', 'PKU'],
  ['UW', 'University of Washington'], ['UT Austin', 'University of Texas at Austin'], ['NYU', 'New York University'], 'Mila',
  'Vector Institute', ['University of Toronto', 'UofT'], 'Columbia', 'Cornell', 'Yale', 'KAIST', 'NUS', 'HKUST', ['UCLA'],
  ['UIUC', 'University of Illinois Urbana-Champaign'], ['Johns Hopkins', 'JHU'], ['Georgia Tech'], ['Caltech'],
  ['Linux Foundation'], ['Apache Software Foundation'],
]);

const of = (type: LexiconEntry['type'], names: Array<string | [string, ...string[]]>, caseSensitive = false): LexiconEntry[] =>
  names.map((n) => (Array.isArray(n) ? { name: n[0], aliases: n.slice(1), type, caseSensitive } : { name: n, type, caseSensitive }));

export const BENCHMARKS: LexiconEntry[] = [
  ...of('Benchmark', [
    'AIME', 'MATH-500', 'GSM8K', 'MMLU', 'MMLU-Pro', 'HumanEval', 'MBPP', 'SWE-bench', 'SWE-bench Verified', 'GPQA',
    'GPQA Diamond', 'ARC-AGI', 'ARC-AGI-2', 'HellaSwag', 'TruthfulQA', 'BIG-Bench', 'BBH', 'SimpleQA', 'LiveCodeBench',
    ['Chatbot Arena', 'LMArena', 'LM Arena', 'LMSYS Chatbot Arena'], 'MT-Bench', 'AlpacaEval', ["Humanity's Last Exam", 'HLE'],
    'WebArena', 'OSWorld', ['τ-bench', 'tau-bench'], 'Terminal-Bench', 'MMMU', 'MathVista', 'HotpotQA', 'TriviaQA',
    ['Natural Questions', 'NQ'], 'BrowseComp', 'FrontierMath', 'Codeforces', 'LongBench', 'WinoGrande', 
    'BoolQ', 'SuperGLUE', 'SQuAD', 'MultiPL-E', 'CodeContests', 'Aider Polyglot', 'IFEval', 'Arena-Hard',
    'MGSM', 'Omni-MATH', 'OlympiadBench', 'ImageNet-Sketch', 'VQAv2', 'MMBench', 'Video-MME', 'EgoSchema',
  ]),
  ...of('Benchmark', ['DROP', 'ARC', 'MATH', 'GLUE', 'APPS', 'AMC', 'RULER', 'GAIA', 'PIQA'], true),
];

export const METHODS: LexiconEntry[] = [
  ...of('Method', [
    ['RLHF', 'Reinforcement Learning from Human Feedback'], ['RLAIF', 'Reinforcement Learning from AI Feedback'],
    ['RLVR', 'Reinforcement Learning with Verifiable Rewards', 'Reinforcement Learning from Verifiable Rewards'],
    ['DPO', 'Direct Preference Optimization'], ['PPO', 'Proximal Policy Optimization'], ['GRPO', 'Group Relative Policy Optimization'],
    ['DAPO', 'Decoupled Clip and Dynamic sAmpling Policy Optimization'], ['GSPO', 'Group Sequence Policy Optimization'], 'CISPO', 'KTO', 'ORPO', 'SimPO',
    'REINFORCE', ['LoRA', 'Low-Rank Adaptation'], 'QLoRA', 'DoRA', ['SFT', 'supervised fine-tuning'],
    ['RAG', 'Retrieval-Augmented Generation', 'retrieval augmented generation'], ['Chain-of-Thought', 'CoT', 'chain of thought'],
    ['MCTS', 'Monte Carlo Tree Search'], ['Mixture-of-Experts', 'MoE', 'mixture of experts'], 'Constitutional AI', 'AdamW',
    ['muP', 'μP', 'Maximal Update Parametrization'], 'Muon', 'FlashAttention', 'speculative decoding', 'Tree of Thoughts',
    'Self-Consistency', 'Quiet-STaR', 'VinePPO', 'DoReMi', 'Best-of-N', 'RLOO', 'ReMax', 'Reflexion', 'Toolformer',
    ['Knowledge Distillation'], ['Q*', 'Q-Star', 'Q star'], ['reinforcement learning', 'RL'], ['inference-time scaling', 'test-time scaling', 'test-time compute', 'inference-time compute'],
    ['next-token prediction'], ['policy gradient', 'policy gradients'], ['self-play'], ['instruction tuning', 'instruction-tuning'],
  ]),
  ...of('Method', ['Adam', 'ReAct'], true),
];

export const MODELS: LexiconEntry[] = of('Model', [
  'ChatGPT', 'Claude', 'Gemini', 'Gemma', ['Llama', 'LLaMA'], 'Qwen', 'QwQ', 'Mistral', 'Mixtral', 'Phi', 'Falcon', 'OLMo', ['Tulu', 'Tülu'],
  'Grok', 'Kimi', 'GLM', 'DALL-E', 'Stable Diffusion', 'Sora', 'Veo', 'Imagen', 'Whisper', 'BERT', 'RoBERTa', 'T5', 'PaLM', 'Chinchilla',
  'Zephyr', 'Vicuna', 'Nemotron', 'Granite', 'Jamba', 'InternLM', 'Hunyuan', 'ERNIE', 'CLIP', 'Codestral', 'Devstral', 'Magistral',
]);

export const TOOLS: LexiconEntry[] = of('Tool', [
  'Claude Code', 'Claude Agent SDK', 'Codex', 'Cursor', ['GitHub Copilot', 'Copilot'], 'PyTorch', 'TensorFlow', 'JAX', 'vLLM', 'SGLang',
  'verl', 'TRL', 'DeepSpeed', 'Megatron-LM', 'LangChain', 'LangGraph', 'LlamaIndex', ['MCP', 'Model Context Protocol'], 'LLaMA-Factory',
  'Ollama', 'llama.cpp', 'Deep Research', 'Brave Search', 'Weights & Biases', 'Hugging Face Transformers', 'Unsloth', 'Axolotl',
]);

export const DATASETS: LexiconEntry[] = of('Dataset', [
  'ImageNet', 'COCO', 'Common Crawl', 'The Pile', 'FineWeb', 'RedPajama', 'C4', 'LAION-5B', 'UltraFeedback', 'ShareGPT', 'Dolma',
]);

/** Well-known researchers and executives, so speech-to-text misspellings can resolve to them. */
export const PEOPLE: LexiconEntry[] = of('Person', [
  'Geoffrey Hinton', 'Yann LeCun', 'Yoshua Bengio', 'Andrej Karpathy', 'Ilya Sutskever', 'John Schulman', 'Sam Altman', 'Greg Brockman',
  'Demis Hassabis', 'Jeff Dean', 'Noam Shazeer', 'Noam Brown', 'Dario Amodei', 'Daniela Amodei', 'Jan Leike', 'Mira Murati',
  'Fei-Fei Li', 'Andrew Ng', 'Percy Liang', ['Chris Manning', 'Christopher Manning'], 'Sebastian Raschka', 'Nathan Lambert',
  'Simon Willison', 'Jensen Huang', 'Satya Nadella', 'Sundar Pichai', 'Mark Zuckerberg', 'Elon Musk', 'Mustafa Suleyman',
  'Oriol Vinyals', 'Jürgen Schmidhuber', 'Richard Sutton', 'David Silver', 'Pieter Abbeel', 'Sergey Levine', 'Chelsea Finn',
  'Tri Dao', 'Jason Wei', 'Lilian Weng', 'Chip Huyen', 'Jeremy Howard', 'François Chollet', 'Gary Marcus', 'Lex Fridman',
  'Dwarkesh Patel', ['Sara Hooker', 'Sarah Hooker'], 'Amanda Askell', 'Chris Olah', 'Jared Kaplan', 'Ross Girshick', 'Kaiming He',
]);

/** Places that look like organisations after "at" / "from" ("the team at Paris"): never a lab. */
export const PLACES = new Set(
  ('Paris London Berlin Munich Zurich Toronto Montreal Vancouver Boston Seattle Austin Chicago Denver Atlanta Miami Dallas Houston Beijing Shanghai Shenzhen ' +
    'Hangzhou Tokyo Seoul Singapore Bangalore Bengaluru Mumbai Delhi Dubai Amsterdam Stockholm Copenhagen Oslo Helsinki Dublin Madrid Barcelona Lisbon ' +
    'Rome Milan Vienna Prague Warsaw Tel Aviv Sydney Melbourne Auckland Cambridge Oxford Brooklyn Manhattan NYC SF Europe Asia Africa America ' +
    'California Texas Washington Massachusetts China Japan Korea India France Germany Canada Israel Switzerland Sweden Britain England UK US USA EU ' +
    'Silicon Valley San Francisco New York Los Angeles Bay Area Palo Alto Mountain View Menlo Park Redmond Home Scale Work Night Launch Demo Day NeurIPS ICML ICLR CVPR ACL EMNLP')
    .split(' '),
);

/** Model family names the version pattern can extend ("Llama 3.1 70B", "Qwen2.5-14B-Instruct"). */
export const MODEL_FAMILIES = [
  'GPT', 'ChatGPT', 'Claude', 'Gemini', 'Gemma', 'Llama', 'LLaMA', 'Qwen', 'QwQ', 'DeepSeek', 'Mistral', 'Mixtral', 'Phi', 'Falcon', 'OLMo',
  'Tulu', 'Grok', 'Kimi', 'GLM', 'Yi', 'Command', 'DALL-E', 'Stable Diffusion', 'Sora', 'Veo', 'Imagen', 'Whisper', 'PaLM', 'Nemotron',
  'Granite', 'Jamba', 'InternLM', 'InternVL', 'MiniMax', 'Hunyuan', 'ERNIE', 'Codestral', 'SmolLM', 'Pythia', 'Vicuna', 'Zephyr',
];

export const LEXICON: LexiconEntry[] = [...LABS, ...BENCHMARKS, ...METHODS, ...MODELS, ...TOOLS, ...DATASETS, ...PEOPLE];
