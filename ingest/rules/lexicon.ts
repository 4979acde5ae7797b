import type { LexiconEntry } from './types.ts';

/**
 * Names any ML newsletter mentions: big labs and universities, standard benchmarks, method
 * families, model families, common tools, and well-known researchers. Deliberately general;
 * document-specific names come from the pattern rules.
 */
const labs = (names: Array<string | [string, ...string[]]>): LexiconEntry[] =>
  names.map((n) => (Array.isArray(n) ? { name: n[0], aliases: n.slice(1), type: 'Lab' } : { name: n, type: 'Lab' }));

export const LABS: LexiconEntry[] = [...labs([
  'OpenAI', 'Anthropic', ['Google', 'Google Research', 'Google AI'], ['Google DeepMind', 'DeepMind', 'GDM'],
  ['Meta', 'Meta AI', 'FAIR', 'Facebook AI Research', 'Meta FAIR', 'Facebook'], 'Microsoft', ['Microsoft Research', 'MSR'],
  ['NVIDIA', 'Nvidia'], 'Apple', ['Amazon', 'AWS', 'Amazon Web Services'], 'IBM', ['IBM Research'], ['Hugging Face', 'HuggingFace'],
  ['AI2', 'Ai2', 'Allen Institute for AI', 'Allen AI', 'AllenAI'], ['DeepSeek', 'DeepSeek AI', 'Deepseek'], ['Alibaba', 'Alibaba Cloud', 'Qwen Team'],
  ['Mistral AI', 'Mistral'], 'Cohere', ['xAI'], 'Stability AI', 'Databricks', 'Salesforce', 'Baidu', 'Tencent', 'ByteDance',
  ['Moonshot AI', 'Moonshot'], ['Zhipu AI', 'Zhipu', 'Z.ai', 'Z.AI', 'Zai'], 'MiniMax', ['Scale AI'], ['Perplexity', 'Perplexity AI'], 'Character.AI',
  ['Together AI'], 'EleutherAI', 'LAION', 'Sakana AI', 'Reka', 'Inflection AI', 'Midjourney', ['Runway', 'RunwayML'],
  ['Thinking Machines', 'Thinking Machines Lab'], ['Safe Superintelligence', 'SSI'], ['LMSYS', 'LMSys'], ['Epoch AI', 'Epoch AI Research'], 'Artificial Analysis',
  'Cerebras', 'Groq', 'Intel', 'AMD', 'Qualcomm', 'Samsung', 'Adobe', 'Snowflake', 'Replit',
  ['Stanford', 'Stanford University'], ['MIT', 'Massachusetts Institute of Technology'], ['CMU', 'Carnegie Mellon', 'Carnegie Mellon University'],
  ['UC Berkeley', 'Berkeley', 'University of California, Berkeley'], 'Harvard', 'Princeton', ['Oxford', 'University of Oxford'],
  ['Cambridge', 'University of Cambridge'], 'ETH Zurich', 'EPFL', ['Tsinghua', 'Tsinghua University'], ['Peking University', 'PKU'],
  ['UW', 'University of Washington'], ['UT Austin', 'University of Texas at Austin'], ['NYU', 'New York University'], 'Mila',
  'Vector Institute', ['University of Toronto', 'UofT'], 'Columbia', 'Cornell', 'Yale', 'KAIST', 'NUS', 'HKUST', ['UCLA'],
  ['UIUC', 'University of Illinois Urbana-Champaign'], ['Johns Hopkins', 'JHU'], ['Georgia Tech'], ['Caltech'],
  ['Linux Foundation'], ['Apache Software Foundation'],
  // Companies building or serving models that AI newsletters name week after week (chips, clouds, inference hosts, labs).
  'Huawei', 'Broadcom', 'Xiaomi', 'Meituan', 'Kuaishou', ['Ant Group'], 'iFlytek', 'SenseTime', ['StepFun'], ['01.AI'],
  ['Shanghai AI Lab', 'Shanghai AI Laboratory'], ['BAAI', 'Beijing Academy of Artificial Intelligence'], ['TII', 'Technology Innovation Institute'],
  ['LG AI Research', 'LG'], ['Nous Research'], ['Prime Intellect'], ['Liquid AI'], ['AI21 Labs', 'AI21'], ['Aleph Alpha'],
  ['Reflection AI'], ['Anysphere'], ['CoreWeave'], ['Fireworks AI', 'Fireworks'], 'Baseten',
  ['Modal Labs'], ['Black Forest Labs', 'BFL'], ['Luma AI'], 'ElevenLabs', ['Physical Intelligence'],
  ['Figure AI'], ['World Labs'], ['Essential AI'], ['Arcee AI', 'Arcee'], ['Microsoft AI'], ['Google Brain'], ['Meta Superintelligence Labs', 'MSL'],
  ['METR'], ['Apollo Research'], ['Redwood Research'], ['Transluce'], ['FAR AI', 'FAR.AI'], ['UK AI Security Institute', 'UK AISI', 'AISI'],
  ['Stanford HAI'], ['ServiceNow'], ['Tesla'], ['Waymo'], ['Boston Dynamics'], ['Cloudflare'], ['Vercel'],
]),
  // Names that are also common words ("an oracle", "lambda functions", "epoch 3"): only when capitalised.
  ...['Oracle', 'Cognition', 'Lambda', 'Poolside', 'Epoch'].map((name): LexiconEntry => ({ name, type: 'Lab', caseSensitive: true })),
];

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
    'GDPval', 'SWE-bench Pro', 'SWE-Lancer', 'SWE-bench Multilingual', 'OSWorld-Verified', ['BFCL', 'Berkeley Function Calling Leaderboard'],
    'MathArena', ['τ²-bench', 'tau2-bench', 'τ2-bench', 'Tau2-Bench'], 'Terminal-Bench 2.0', 'LiveBench', ['MMMU-Pro', 'MMMU Pro'], 'RewardBench',
    'RewardBench 2', 'AppWorld', 'SimpleBench', 'MLE-bench', 'PaperBench', 'SciCode', 'HealthBench', 'ARC-AGI-3', 'CharXiv', 'MRCR',
    ['BIRD-SQL', 'Bird-SQL'], 'MMLU-Redux', 'LongBench v2', 'Vending-Bench', 'Vending-Bench 2', 'WebDev Arena', 'Text Arena',
    'Vision Arena', ['Artificial Analysis Intelligence Index', 'AA Intelligence Index'], 'AA-Omniscience', 'GDPval-AA', 'SWE-Perf', 'KernelBench',
    'AIME 2024', 'AIME 2025', 'AIME 2026', 'LiveCodeBench Pro', 'EvalPlus', 'HumanEval+', 'MBPP+', 'Global MMLU',
    'C-Eval', 'CMMLU', 'MuSR', 'SuperGPQA', 'ChartQA', 'DocVQA', 'MathVision', 'ScreenSpot', 'ScreenSpot-Pro', 'WebVoyager', 'Mind2Web',
  ]),
  ...of('Benchmark', ['DROP', 'ARC', 'MATH', 'GLUE', 'APPS', 'AMC', 'RULER', 'GAIA', 'PIQA', 'Spider', 'IMO', 'IOI', 'HMMT', 'USAMO'], true),
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
    // Architecture, parallelism and number formats: the recipe parts model reports and digests list by name.
    ['MLA', 'Multi-head Latent Attention', 'multi-head latent attention'], ['MTP', 'multi-token prediction'],
    ['GQA', 'Grouped-Query Attention', 'grouped-query attention'], ['MQA', 'Multi-Query Attention'], ['SWA', 'sliding window attention', 'sliding-window attention'],
    ['RoPE', 'Rotary Position Embedding', 'rotary position embeddings'], 'YaRN', 'ALiBi', 'NoPE', ['FSDP', 'Fully Sharded Data Parallel'], 'ZeRO',
    ['tensor parallelism', 'tensor parallel'], ['pipeline parallelism', 'pipeline parallel'], ['expert parallelism'], ['data parallelism'],
    'FP8', 'FP4', 'INT4', 'INT8', 'BF16', 'MXFP4', 'NVFP4', ['quantization', 'quantisation'], ['distillation', 'model distillation'], 'pruning',
    ['continual pretraining', 'continued pretraining'], ['mid-training'], ['preference tuning'], ['reward modeling', 'reward modelling'],
    ['LLM-as-a-judge', 'LLM as a judge', 'LLM-as-judge'], ['majority voting', 'majority vote'], ['rejection sampling'], ['PRM', 'process reward model', 'process reward models'],
    ['linear attention'], ['sparse attention'], ['Gated DeltaNet'], 'DeltaNet', 'PagedAttention', ['continuous batching'],
    ['prefix caching'], ['model merging'], ['function calling'], ['DeepSeek Sparse Attention', 'DSA'], 'MuonClip', 'GRPO++', 'Dr. GRPO', 'VAPO', 'REINFORCE++',
    ['NSA', 'Native Sparse Attention'], ['Transformer', 'Transformers architecture'], ['flow matching'],
  ]),
  ...of('Method', ['Adam', 'ReAct', 'Mamba', 'Medusa'], true),
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
  'OpenRouter', 'LM Studio', 'CUDA', 'TensorRT-LLM', 'Gradio', 'MLX', 'DSPy', 'CrewAI', 'AutoGen', 'LangSmith', 'FlashInfer', 'torchtitan',
  'NeMo', 'OpenHands', 'Gemini CLI', 'NotebookLM', 'Perplexity Comet', 'VS Code', 'Jupyter', 'Google Colab', 'Kaggle', 'Hugging Face Hub',
  'ModelScope', 'safetensors',
]).concat(
  // Also common words or first names ("a ray", "windsurf", "Devin said"): only as written.
  of('Tool', ['Triton', 'Ray', 'Windsurf', 'Cline', 'Aider', 'Devin', 'Jules', 'Lovable', 'Slack', 'Notion', 'Figma'], true),
);

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
  // Claude's tiers, often written without the family ("Opus 4.5").
  'Opus', 'Sonnet', 'Haiku',
];

export const LEXICON: LexiconEntry[] = [...LABS, ...BENCHMARKS, ...METHODS, ...MODELS, ...TOOLS, ...DATASETS, ...PEOPLE];
