import type { EntityType } from '../model.ts';
import { MODEL_FAMILIES, PLACES } from './lexicon.ts';

export { PLACES };
import type { SpanRule } from './types.ts';

/** Building blocks for the span rules below. */
const CAP = String.raw`(?:\p{Lu}[\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|\p{Lu})`;
/** A coined name: "GRPO", "QueryBandits", "Tool-R0", "Video-MME-v2", "Benchmark^2". */
const COINED = String.raw`\p{Lu}[\p{L}\p{N}]*(?:[-.^][\p{L}\p{N}]+)*\^?\d?`;
const NAME2 = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?\s\p{Lu}[\p{L}'’-]*\p{L}`;
const FAMILIES = [...MODEL_FAMILIES].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const VERSION = String.raw`(?:\d+(?:\.\d+)*[a-zA-Z]?|[A-Z]\d+(?:\.\d+)?|V\d+(?:\.\d+)?|\d+(?:\.\d+)?[BMK])`;
const VARIANT = String.raw`(?:\d+(?:\.\d+)?[BMKbm]|\d+x\d+B|[Mm]ini|[Pp]ro|Flash|Lite|Sonnet|Opus|Haiku|Instruct|Coder|Turbo|Max|Plus|Nano|Chat|Base|Reasoning|Preview|Small|Medium|Large|Ultra|Thinking|Distill|Math|VL|Vision|Code|R\d|V\d+(?:\.\d+)?|\d+(?:\.\d+)*)`;
const HEADS = 'variant of|extension of|generali[sz]ation of|frameworks?|methods?|approach|algorithms?|technique|recipe|paradigm|benchmarks?|dataset|corpus|models?|family of [\\w-]+ (?:language )?models|LLMs?|VLMs?|metric|library|toolkit|tool|system|agent|architecture|optimizer|loss(?: function)?|objective|suite|leaderboard|environment|platform|company|startup|lab|protocol|training (?:method|paradigm|recipe|framework)';

/** Roles that introduce a person's organisation ("a researcher at X"). */
const ROLES = 'engineer|researcher|scientist|student|professor|founder|co-founder|CEO|CTO|lead|head|director|partner|intern|postdoc|fellow|member|advisor|author|manager';
/** Adjectives and generic words that make "X AI" a kind of AI rather than a company ("Generative AI", "Voice AI"). */
const ADJECTIVE_WORD = String.raw`(?:\p{L}+(?:ive|al|ic|ed|ing|ble|ous|ent|ant|ful|less|ary|ory|ile)|Open|Voice|Edge|Cloud|Enterprise|Frontier|Narrow|General|Strong|Weak|Safe|Shadow|Sovereign|Physical|Human|Smart|Applied|Modern|Future|Next|Real|True|Good|Bad|Big|Small|Gen|The|This|That|Our|Your|Their|No|Any|Every|More|Most|Better|New)\s`;
/** Capitalised words shaped like nouns or adjectives, never a first name ("by Emotion Stimuli"). */
const NOT_FIRST_NAME = String.raw`(?:\p{Lu}\p{Ll}*(?:ing|tion|sion|ment|ity|ness|ics|ous|ism|ical|ial)|\p{Lu}\p{Ll}{5,}(?:ant|ent)|\p{Lu}\p{Ll}{3,}(?:ive|ence|ance|ure)|\p{Lu}\p{Ll}*['’]s)\s`;
/** Words that never open a "X routing" method name: field acronyms and sentence openers. */
const NOT_METHOD_MODIFIER = String.raw`(?:LLM|LM|VLM|AI|ML|RL|GPU|CPU|TPU|KV|The|This|That|These|Those|Our|Their|Its|With|Without|For|And|But|Standard|Vanilla|Naive|Full|Better|Faster|Efficient|Dynamic|Adaptive|Sparse|Dense|Greedy|Random|Parallel|Speculative|Multi-head|Self)\s`;

/** Head nouns that decide an entity's type; anything else keeps the rule's fallback type. */
export const HEAD_NOUN_TYPES: Array<[RegExp, EntityType | null]> = [
  [/benchmark|leaderboard|suite/i, 'Benchmark'],
  [/dataset|corpus/i, 'Dataset'],
  [/models?$|LLMs?|VLMs?|family of/i, 'Model'],
  [/platform|company|startup|lab$/i, 'Lab'],
  [/library|toolkit|tool$|protocol/i, 'Tool'],
  [/metric/i, null],
  [/./, 'Method'],
];

/** Names whose spelling alone says what they are. */
/** An edition right after a known benchmark's name: "v6", "2025", "24" (never a score: "24%", "24.5"). */
export const BENCHMARK_EDITION = /^[\s-]?(?:v\d+(?:\.\d+)?|20\d\d|2\d)(?![\w.%,/-]|\.\d|\s?(?:%|points?|pts))/;

export const SHAPE_TYPES: Array<[RegExp, EntityType]> = [
  [/(?:-?Bench|-Eval|Eval|QA|-Arena|Arena|Gym)(?:[-\s]?v?\d+(?:\.\d+)?)?$/, 'Benchmark'],
  [/(?:VLM|LLM|LM|GPT|BERT)s?$|-\d+(?:\.\d+)?[BM](?:-[A-Za-z]+)*$/, 'Model'],
];

/** Verbs that, right after a sentence-opening coined name, say it is a benchmark. */
export const BENCHMARK_SUBJECT_VERBS = /^(?:tests|evaluates|measures|grades|assesses|benchmarks|probes)\b/;

/** What follows a sentence-opening coined name's verb when the name is software, not a method. */
export const TOOL_OBJECT = /^\s(?:[\w-]+\s){0,3}(?:infrastructure|library|toolkit|SDK|package|CLI|desktop app|plugin|extension)\b/;

export const ENTITY_RULES: Record<string, SpanRule[]> = {
  methods: [
    {
      reason: 'appositive-head-noun',
      needs: /,\s/,
      pattern: new RegExp(String.raw`(?<name>${COINED})(?:\s\([^)]{2,80}\))?,\s(?:an?|the)\s(?:(?:new|novel|simple|general|unified|open|large-scale|scalable|[\w-]+-based|[\w-]+)\s){0,4}?(?<head>${HEADS})\b`, 'u'),
      type: 'Method',
      typeFrom: 'head',
      definition: true,
    },
    {
      reason: 'introduced-name',
      // "a service called X", "a file named X" name anything: "called" counts only after a head noun ("a method called X").
      pattern: new RegExp(String.raw`\b(?:introduces?|introducing|proposes?|proposing|presents?|presenting|unveils?)\s(?:(?:an?|the)\s(?:[\w-]+\s){0,4}?(?<head>${HEADS})\s(?:called\s|named\s|dubbed\s)?)?["“]?(?<name>${COINED})|\b(?:an?|the)\s(?:[\w-]+\s){0,4}?(?<head2>${HEADS})\s(?:called|named|dubbed|coined|termed)\s["“]?(?<name2>${COINED})`, 'u'),
      type: 'Method',
      typeFrom: 'head',
      definition: true,
    },
    {
      reason: 'coined-subject',
      pattern: new RegExp(String.raw`^(?:[•●▪◦*–-]\s*)?(?:\d+[.)]\s*)?(?<name>${COINED})(?:\s\([^)]{2,80}\))?,?\s(?:\w+ly\s)?(?<verb>introduces|proposes|enables|implements?|addresses|provides|facilitates|demonstrates|enhances|trains|builds|sits|tests|grades|isolates|achieves|produced|produces|explores|evaluates|measures|assesses|incentivizes|leverages|maintains|outperforms|extends|combines|reduces|improves|allows|lets|generates|learns|surpasses|beats|identifies|uses|yields|delivers)\b`, 'u'),
      type: 'Method',
    },
    {
      reason: 'quoted-coined-name',
      pattern: new RegExp(String.raw`["“](?<name>${COINED})["”]`, 'u'),
      type: 'Method',
    },
    {
      reason: 'quoted-proposal',
      pattern: /\b(?:propos(?:es|ed|ing)?|introduc(?:es|ed|ing)?)\s(?:an?\s|the\s)?["“](?<name>[\p{L}][\p{L}\p{N} -]{2,40}?)["”]/u,
      type: 'Method',
      typeFrom: 'head',
    },
    {
      reason: 'introduced-phrase',
      pattern: /\b(?:introduces|proposes|presents)\s(?<name>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,2})(?=,|\s\(|\swhich\b|\sthat\b)/u,
      type: 'Method',
      typeFrom: 'head',
    },
    {
      reason: 'parenthesised-acronym',
      needs: /\(/,
      // Only after a technique word: "process reward models (PRMs)", never "proof of concept (POC)".
      pattern: /(?<=\b(?:learning|training|tuning|optimi[sz]ation|decoding|sampling|search|attention|alignment|distillation|feedback|rewards?|models?|modeling|prompting|generation|retrieval|scaling|networks?|encoding|embeddings?|regularization|normalization|quantization|pruning|merging|policy|gradient|supervision|prediction|experts|reasoning|thought|adaptation)\s)\((?<name>\p{Lu}[\p{Lu}\p{N}]{2,6})s?\)/u,
      type: 'Method',
    },
    {
      reason: 'named-concept-clause',
      pattern: /\b(?:a|an|the)\s(?<name>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,3})\s(?:that|which)\s/u,
      type: 'Method',
    },
    {
      reason: 'introduced-lowercase-appositive',
      pattern: /\b(?:introduces|proposes|presents)\s(?<name>\p{Ll}{3,}\s\p{Ll}{3,}),\s(?:an?|the)\s/u,
      type: 'Method',
    },
    {
      reason: 'two-word-subject',
      pattern: /^(?:[•●▪◦*–-]\s*)?(?<name>\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+)\s(?:facilitates|introduces|proposes|enables|incentivizes|implements)\b/u,
      type: 'Method',
    },
    {
      // "Expert Choice routing", "KV-cache quantization": a named modifier before a lower-case method noun.
      reason: 'named-method-noun',
      needs: /\s(?:routing|attention|decoding|distillation|quantization|sampling|fine-tuning|pruning|regularization|normalization|merging|tokenization)\b/,
      pattern: new RegExp(String.raw`(?<=[\p{Ll},;(]\s)(?<name>(?:(?!${NOT_METHOD_MODIFIER})\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*\s){1,2}(?<head>routing|attention|decoding|distillation|quantization|sampling|fine-tuning|pruning|regularization|normalization|merging|tokenization))\b`, 'u'),
      type: 'Method',
      typeFrom: 'head',
    },
    {
      reason: 'policy-optimization-acronym',
      pattern: /\b(?<name>[A-Z][A-Za-z]{0,5}PO)\b/,
      type: 'Method',
    },
    {
      reason: 'rl-acronym',
      pattern: /\b(?<name>RL[A-Z]{2,4})\b/,
      type: 'Method',
    },
  ],
  benchmarks: [
    {
      reason: 'is-a-head-noun',
      pattern: new RegExp(String.raw`^(?:[•●▪◦*–-]\s*)?(?<name>${COINED})\s(?:is|are)\s(?:an?|the)\s(?:[\w-]+\s){0,3}?(?<head>${HEADS})\b`, 'u'),
      type: 'Method',
      typeFrom: 'head',
    },
    {
      // "the MuonClip optimizer", "a QK-Norm trick": a coined name before a noun that says it is a technique.
      reason: 'the-x-method-noun',
      needs: /\b(?:optimi[sz]er|algorithm|loss|objective|trick|scheduler|regulari[sz]er|estimator)\b/,
      pattern: new RegExp(String.raw`\b(?:the|a|an|its|their|our|new)\s(?<name>${COINED})\s(?:optimi[sz]er|algorithm|loss|objective|trick|scheduler|regulari[sz]er|estimator)\b`, 'u'),
      type: 'Method',
    },
    {
      reason: 'the-x-dataset',
      needs: /\b(?:dataset|corpus)\b/,
      pattern: new RegExp(String.raw`\b(?:the|on)\s(?<name>${COINED})\s(?:dataset|corpus)\b`, 'u'),
      type: 'Dataset',
    },
    {
      reason: 'bench-suffix',
      pattern: /\b(?<name>[A-Z][\w.]*?(?:-[\w.]+)*(?:-?Bench|-Eval|Eval|[a-z]QA|-Arena|Gym)(?:-v?\d+(?:\.\d+)?)?)(?![\w-])/,
      type: 'Benchmark',
    },
    {
      reason: 'the-x-benchmark',
      pattern: new RegExp(String.raw`\b(?:the|on|on the)\s(?<name>(?=[\p{L}\p{N}-]{3})${CAP}(?:\s(?:${CAP}|\d+)){0,2})\s(?:benchmark|leaderboard|evaluation suite)\b`, 'u'),
      type: 'Benchmark',
    },
    {
      reason: 'benchmarks-such-as',
      pattern: new RegExp(String.raw`\bbenchmarks?,?\s(?:such as|like|including|e\.g\.,?)\s(?<list>(?:${CAP})(?:(?:,\s(?:and\s)?|\sand\s|\sor\s)(?:${CAP}))*)`, 'u'),
      type: 'Benchmark',
    },
    {
      // "evaluated on ARC-Challenge and HaystackQA": coined names after an evaluation verb.
      reason: 'evaluated-on-name',
      pattern: new RegExp(String.raw`\b(?:evaluated|tested|benchmarked|validated|scored|scores)\s(?:\w+\s)?on\s(?:the\s)?(?<list>${COINED}(?:(?:,\s(?:and\s)?|\sand\s)${COINED})*)`, 'u'),
      type: 'Benchmark',
    },
    {
      reason: 'score-on-name',
      pattern: new RegExp(String.raw`\b\d+(?:\.\d+)?%\s(?:(?:accuracy|pass@1|score)\s)?on\s(?!(?:Tiers?|Levels?|Parts?|Splits?|Sets?|Rounds?|Stages?|Phases?|Tasks?|Categories|Category|Average|Day|Week)\b)(?<name>(?:${CAP})(?:\s(?:${CAP}|\d+)){0,2})`, 'u'),
      type: 'Benchmark',
    },
    {
      // "48.2% WeirdML", "71.1% LiveCodeBench v6 vs ...": a capitalised name right after a score (metrics are not names).
      reason: 'score-then-name',
      pattern: new RegExp(String.raw`\b\d+(?:\.\d+)?%\s(?!(?:Macro|Micro|F1|Elo|Accuracy|Acc|Pass|EM|MFU|of|on|in|at|for|the|The|And|With|Top)\b)(?<name>(?:${CAP})(?:[\s-](?:${CAP}|v?\d+(?:\.\d+)?)){0,2}?)(?=\s(?:and|vs\.?|versus|while|at|with|on|for|compared)\b|[,;)]|\.(?!\d)|\s?$|\s\()`, 'u'),
      type: 'Benchmark',
    },
  ],
  models: [
    {
      reason: 'family-version',
      pattern: new RegExp(String.raw`\b(?<name>(?:${FAMILIES})(?:\s(?:Large|Medium|Small|Mini|Sonnet|Opus|Haiku|Pro|Flash|Nano|Ultra|Coder))?(?:[- ]?${VERSION})(?:[- ]${VARIANT})*)(?![\w.-]*\w)`, 'u'),
      type: 'Model',
    },
    {
      reason: 'family-variant',
      pattern: new RegExp(String.raw`\b(?<name>(?:Claude|Gemini|GPT)(?:\s(?:Sonnet|Opus|Haiku|Flash|Pro|Ultra|Nano))+)\b`, 'u'),
      type: 'Model',
    },
    {
      reason: 'o-series',
      pattern: /(?<![\w.-])(?<name>o[1-9](?:-(?:mini|preview|pro|high))?|O[1-9](?:[- ](?:mini|Mini|Pro|pro))?)(?![\w-])/,
      type: 'Model',
    },
    {
      reason: 'size-suffix-model',
      pattern: /\b(?<name>[A-Z][\w.]*(?:-[\w.]+)*-\d+(?:\.\d+)?[BM](?:-[A-Z][a-z]+)*)\b/,
      type: 'Model',
    },
  ],
  labs: [
    {
      reason: 'org-ships-product',
      pattern: new RegExp(String.raw`^(?<name>${CAP}(?:\s${CAP})?)\s(?:built|releases|released|launched|launches|open-sourced|unveiled|announced|ships|shipped)\s`, 'u'),
      type: 'Lab',
    },
    {
      reason: 'org-suffix',
      needs: /\s(?:Labs?|Research|Institute|University|Foundation|Laboratory|Inc|Corporation|Technologies|Robotics)\b/,
      // Not a job title ("Chief Research Officer", "Senior Research Scientist"): the org word is part of the role there.
      pattern: new RegExp(String.raw`\b(?!(?:Chief|Head|Senior|Principal|Lead|Vice|Former|Staff|Junior)\s)(?<name>(?:${CAP}\s){1,3}(?:Labs?|Research|Institute|University|Foundation|Laboratory|Inc\.?|Corporation|Technologies|Robotics))\b(?!\s(?:Officers?|Scientists?|Engineers?|Directors?|Leads?|Interns?|Fellows?|Associates?|Assistants?|Managers?|Scientist))`, 'u'),
      type: 'Lab',
    },
    {
      reason: 'university-of',
      pattern: new RegExp(String.raw`\b(?<name>University of (?:${CAP})(?:\s(?:${CAP})){0,2})`, 'u'),
      type: 'Lab',
    },
    {
      reason: 'role-at-org',
      pattern: new RegExp(String.raw`\b(?:engineer|researcher|scientist|student|professor|founder|co-founder|CEO|CTO|lead|head|director|partner|intern|postdoc|fellow|team|group)s?(?:\sof\s[\w-]+(?:\s[\w-]+)?)?\s(?:at|from)\s(?:the\s)?(?<name>${CAP}(?:\s${CAP}){0,2})`, 'u'),
      type: 'Lab',
    },
    {
      // "(Halcyon AI)", "joined Cobalt AI", "Cobalt AI's": a one-word name plus "AI", never an adjective ("Generative AI").
      reason: 'ai-suffix-org',
      needs: /\sAI\b/,
      pattern: new RegExp(String.raw`(?:\b(?:at|from|joined|joins|joining|by|founded|startup|company)\s|\()(?<name>(?!${ADJECTIVE_WORD})${CAP}\sAI)\b|\b(?<name2>(?!${ADJECTIVE_WORD})${CAP}\sAI)(?=['’]s\s|\s(?:released|announced|launched|raised|unveiled|open-sourced|says|said|built|trained|ships|shipped)\b)`, 'u'),
      type: 'Lab',
    },
    {
      reason: 'org-researchers',
      needs: /\s(?:researchers|scientists)\b/,
      pattern: new RegExp(String.raw`\b(?<list>${CAP}(?:\s${CAP})?(?:(?:,\s|\sand\s)${CAP}(?:\s${CAP})?)*)\s(?:researchers|scientists)\b`, 'u'),
      type: 'Lab',
    },
    {
      reason: 'org-possessive-team',
      needs: /['’]s\s/,
      pattern: new RegExp(String.raw`\b(?<name>${CAP}(?:\s${CAP})?)['’]s\s(?:[\w-]+\s)?(?:AI\s)?(?:lab|team|researchers|research team|scientists|course|courses)\b`, 'u'),
      type: 'Lab',
    },
  ],
  people: [
    {
      reason: 'et-al-citation',
      pattern: /\((?<name>\p{Lu}[\p{L}'’-]+)(?:\s(?:and|&)\s\p{Lu}[\p{L}'’-]+)?\set\sal\.?,?\s(?:19|20)\d{2}[a-z]?\)|(?<![\w(])(?<name2>\p{Lu}[\p{L}'’-]+)\set\sal\.?\s\((?:19|20)\d{2}\)/u,
      type: 'Person',
    },
    {
      reason: 'name-before-speech-verb',
      needs: /\s(?:argues|explains|shares|makes the case|reports|walks through|says|said|notes|wrote|writes|highlights|joins|joined|discusses|founded|leads|emphasizes|believes|thinks)\b/,
      pattern: new RegExp(String.raw`\b(?<name>${NAME2})(?:\s\([^)]{1,40}\))?\s(?:argues|explains|shares|makes the case|reports|walks through|says|said|notes|wrote|writes|highlights|joins|joined|discusses|founded|leads|emphasizes|believes|thinks)\b`, 'u'),
      type: 'Person',
      nameCheck: true,
    },
    {
      reason: 'name-is-role',
      needs: /\s(?:is|was|who)\b/,
      pattern: new RegExp(String.raw`\b(?<name>${NAME2}),?\s(?:is|was|who is|who's|who was)\s(?:a|an|the|still a)\s(?:[\w-]+\s){0,3}(?:engineer|researcher|scientist|student|professor|founder|CEO|CTO|lead|director|partner|author|host)\b`, 'u'),
      type: 'Person',
    },
    {
      reason: 'name-from-org',
      needs: /\s(?:from|at)\s/,
      pattern: new RegExp(String.raw`\b(?<name>${NAME2})\s(?:from|at)\s(?=\p{Lu})`, 'u'),
      type: 'Person',
      nameCheck: true,
    },
    {
      reason: 'org-possessive-person',
      needs: /['’]s\s/,
      pattern: new RegExp(String.raw`\b${CAP}['’]s\s(?<list>${NAME2}(?:\sand\s${NAME2})?)\b`, 'u'),
      type: 'Person',
      nameCheck: true,
    },
    {
      reason: 'honorific-name',
      needs: /\b(?:Dr|Prof)/,
      pattern: new RegExp(String.raw`\b(?:Dr|Prof|Professor)\.?\s(?<name>${NAME2})\b`, 'u'),
      type: 'Person',
    },
    {
      // "Lena Hartmann, a researcher at ETH Zurich": an appositive role with its organisation.
      reason: 'name-appositive-role',
      needs: /,\s/,
      pattern: new RegExp(String.raw`\b(?<name>${NAME2}),\s(?:an?|the|head of|lead of)\s(?:[\w-]+\s){0,3}?(?:${ROLES})s?\s(?:at|from|of|with|in)\s(?=\p{Lu})|\b(?<name2>${NAME2}),\s(?:head|lead|director|VP) of\s[\w-]+(?:\s[\w-]+)?\s(?:at|from)\s(?=\p{Lu})`, 'u'),
      type: 'Person',
    },
    {
      // "by Priya Raman and Tomasz Wierzbicki": a byline lists authors.
      reason: 'byline-list',
      needs: /\bby\s/,
      pattern: new RegExp(String.raw`\bby\s(?<list>(?!${NOT_FIRST_NAME})${NAME2}(?:(?:,\s(?:and\s)?|,?\sand\s)(?!${NOT_FIRST_NAME})${NAME2})+|(?!${NOT_FIRST_NAME})${NAME2}(?=\s\(\p{Lu}))`, 'u'),
      type: 'Person',
      nameCheck: true,
    },
    {
      // "DANA WHITFIELD: ..." at the start of a turn; kept only when the label recurs (see ruleCandidates).
      reason: 'speaker-label',
      pattern: /^(?<name>\p{Lu}{2,}(?:[-'’]\p{Lu}+)?(?:\s\p{Lu}{2,}(?:[-'’]\p{Lu}+)?){1,2}):\s/u,
      type: 'Person',
    },
    {
      reason: 'role-before-name',
      pattern: /\b(?:product lead|tech lead|experience lead|lead|host|co-host|researcher|founder|professor|author)\s(?<name>\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}[\p{L}'’-]+)?)\b(?!\s\p{Lu})/u,
      type: 'Person',
    },
  ],
  papers: [
    {
      reason: 'quoted-title',
      pattern: /\b(?:[Ss]tudies|[Ss]tudy|[Pp]apers?|[Ww]orks?|[Ee]valuations?|titled|called|[Aa]rticles?)\s(?:such as\s|like\s|titled\s|called\s|(?:[\w-]+\s?){0,2},\s)?["“](?<name>[A-Z][^"”\n]{10,160}?)["”]/,
      type: 'Paper',
    },
    {
      reason: 'studies-like-title',
      pattern: /\b(?:[Ss]tudies|[Pp]apers|[Ww]orks)\s(?:like|such as)\s(?<name>[A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|to|of|for|and|the|in|on|a|with|from|via)){2,12}?)(?=\s?[—–,;.]|\s-\s)/,
      type: 'Paper',
    },
    {
      // "the SRS paper together, "Staged Reward ..."": the quoted title is the paper, the name its method.
      reason: 'name-with-paper-title',
      pattern: new RegExp(String.raw`\b(?:his|her|their|our|the|this|that)\s(?<names>${COINED})\s(?:paper|technical report)\b[^."“\n]{0,25}?["“](?<name>[A-Z][^"”\n]{10,160}?)["”]`, 'u'),
      type: 'Paper',
    },
    {
      // "The accompanying paper, Orion: Dense Models Still Scale, by ...": an appositive title before its byline.
      reason: 'appositive-paper-title',
      pattern: /\b(?:paper|preprint|report|study),\s(?<name>[A-Z][^,\n]{8,160}?),\s(?:by|from)\s\p{Lu}/u,
      type: 'Paper',
    },
    {
      reason: 'named-paper',
      pattern: /\b(?:his|her|their|our|the|this|that)\s(?<name>[A-Z][\w.-]*(?:\s[A-Z0-9][\w.-]*){0,3})\s(?:paper|technical report)\b(?![^."“\n]{0,25}["“])/,
      type: 'Paper',
    },
  ],
};

/** "Name (Title Of Its Paper)": a coined name followed by a parenthesised title that is not its expansion. */
export const PAREN_TITLE = new RegExp(String.raw`(?<name>${COINED})\s\((?<title>\p{Lu}[\p{L}'’-]*(?:\s[\p{L}\p{N}'’-]+){2,10})\)`, 'gu');

/**
 * Acronym definitions, both orders. Group `acr` is the short form, `exp` the long form; for
 * "Long Form (LF)" the long form is the run of words just before the parenthesis (`expBefore`).
 */
export const ACRONYM_RULES: Array<{ reason: string; pattern: RegExp; expBefore?: RegExp; needs?: string }> = [
  {
    reason: 'expansion-then-acronym',
    pattern: /\s\((?<acr>[\p{Lu}][\p{L}\p{N}-]{1,9})\)/gu,
    expBefore: /(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s){0,7}[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u,
  },
  { reason: 'acronym-then-expansion', pattern: /(?<![\w-])(?<acr>[\p{Lu}][\p{L}\p{N}-]{1,9})\s\((?<exp>\p{Lu}[^()\n]{4,90})\)/dgu },
  {
    // "something we call Staged Reward Shaping, or SRS": a spoken definition with no parentheses.
    reason: 'called-name-or-acronym',
    pattern: /\b(?:call|called|calls|named|dubbed|termed|known as)\s["“]?(?<exp>\p{Lu}[\p{L}\p{N}'’-]*(?:\s[\p{L}\p{N}'’-]+){1,6}?)["”]?,?\s(?:or|aka|a\.k\.a\.)\s["“]?(?<acr>\p{Lu}[\p{Lu}\p{N}-]{1,8})\b/dgu,
    needs: ' or ',
  },
];

/** What an expansion's last word says about the thing it names. */
export const EXPANSION_HEAD_TYPES: Array<[RegExp, EntityType]> = [
  [/(?:Bench|Benchmark|Evaluation|Eval|Exam|Arena|Test)$/i, 'Benchmark'],
  [/(?:Protocol|Toolkit|Library|SDK)$/i, 'Tool'],
  [/(?:Dataset|Corpus)$/i, 'Dataset'],
  [/(?:University|Institute|Lab|Laboratory)$/i, 'Lab'],
  [/(?:Models?|Transformers?|Networks?)$/i, 'Model'],
  [/(?:Optimi[sz]ation|Learning|Regulari[sz]ation|Tuning|Training|Verification|Search|Generation|Alignment|Prompting|Decoding|Attention|Distillation|Feedback|Rewards?|Reasoning|Thought|Adaptation|Sampling|Policy|Learner|Inception|Scaling|Encoding|Retrieval|Parametri[sz]ation|Quantization|Pruning|Merging|Editing|Steering|Thinking|Refinement|Planning|Reflection|Gradient|Descent|Estimation|Injection|Inference|Programming|Agent|Agents)$/i, 'Method'],
];

/** Capitalised words that open sentences or headings and never start a name. */
export const STOP_WORDS = new Set(
  'AI Frontier Someone Somebody Everyone Everybody Nobody People Researchers Users Folks Developers Engineers Companies Teams The This That These Those A An And But Or So If In On At For From With Without By Of To As It Its We Our Us You Your They Their He She His Her I My Me Is Are Was Were Be Been Being Has Have Had Do Does Did Not No Yes Yeah Okay OK Also Then There Here What Which Who Whom Why How When Where While Once After Before Each Every Some Any All Most Many Much More Less Other Another Such Both Either Neither One Two Three Four Five Six Seven Eight Nine Ten First Second Third New Key Using Unlike Like Just Even Still Really Actually Instead However Although Though Because Since Until Over Under Between Across Through During Against Within Into Onto Upon About Above Below Again Further Finally Overall Recent Current Future Modern Large Small Open Deep Human Real Best Better Good Great High Low Long Short Full Fast Slow Early Late Top Key Main Core Part Paper Papers Video Videos Read Reads Tools Tool Learning Pick Week Weekly Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Hey Hello Thanks Thank Welcome Sorry Sure Right Well Oh Um Uh Hmm Let Lets Let\'s Can Could Would Should Will Shall May Might Must TL DR TL;DR Results Result Figure Table Section Appendix Abstract Introduction Conclusion Highlights Highlight Summary Note Notes Quick Plug Subscribe Github GitHub Tweet Code Project Links Link Paper'.split(
    /\s+/,
  ),
);
