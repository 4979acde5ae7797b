import type { RelationRule, SectionRule } from './types.ts';

const IMPROVE = String.raw`(?:outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|outscor(?:es|ed|ing)|edg(?:es|ed|ing) out|leapfrog(?:s|ged)?|tops|topped|ahead of|stronger than|(?:is|are|was) better than|overtak(?:es|en|ing)|improv(?:es|ed|ing) (?:up)?on|better than|(?:better|stronger|smarter|more capable)\s(?:[\w-]+\s){1,3}than|(?:ranks?|ranked|sits|placed?|places)\s(?:[\w-]+\s){0,3}(?:above|over)|over the likes of|higher (?:[^.]|\.(?=\d)){0,40}?(?:than|compared (?:to|with)|over)|(?:gains?|improvements?) over|exceed(?:s|ed|ing)?|beyond)`;
const COMPARE = String.raw`(?:compared (?:to|with)|on par with|competitive with|comparable to|rivals?|rivall?ing|match(?:es|ed|ing)|similar to|close to|match|in comparison (?:to|with)|versus|vs\.?|against|relative to|head-to-head with|alongside|(?:an?|the)\salternative\sto|ties|tied\swith|tying)`;

/** A colon, semicolon or dash between the pair starts another clause with its own subject: "X's news: a member used Y". */
const ONE_CLAUSE = String.raw`^(?![^]*?(?:[:;]\s|\s[—–]\s|\s--\s))`;

/** Sentence-level typed relations between two mentions (source first unless `swap`). */
export const RELATION_RULES: RelationRule[] = [
  {
    reason: 'lab-possessive',
    sourceNotFamily: true,
    // "Zhipu's GLM 4.5, Kimi K2": the possessive names the maker of the first only.
    noLists: true,
    type: 'FROM_LAB',
    source: ['Method', 'Model', 'Tool', 'Paper', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    between: /^['’]s?\s(?:(?!(?:and|or|but|vs|versus|than)\s)[\w.-]+\s){0,3}$/u,
    swap: true,
  },
  {
    // "Orion Labs' strongest models (Wren-7B, Wren-3B)", "Orion Labs's open models such as Wren-7B".
    reason: 'lab-models-list',
    type: 'FROM_LAB',
    source: ['Model', 'Tool'],
    target: ['Lab'],
    swap: true,
    between: /^['’]s?\s(?:(?!(?:and|or|but|vs|than)\s)[\w-]+\s){0,3}(?:models?|releases?|LLMs?|family|lineup|products?|tools?)\s?(?:\(|,?\s(?:such\sas|like|including|e\.g\.,?)\s)$/,
    maxGap: 80,
  },
  {
    // "RewardBench 2, Ai2's next reward model evaluation": an apposition that names the maker by its possessive.
    reason: 'apposition-lab-possessive',
    type: 'FROM_LAB',
    source: ['Model', 'Tool', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    between: /^,\s(?:the\s)?$/,
    after: /^['’]s?\s(?:next|new|latest|first|own|flagship|open|newest|biggest|best|largest|smallest|frontier|upcoming)\b/,
    maxGap: 8,
  },
  {
    // "Wren-7B (Orion Labs)", "Wren-7B, from Orion Labs": the maker in parentheses after the name.
    reason: 'model-paren-lab',
    type: 'FROM_LAB',
    source: ['Model', 'Method', 'Tool', 'Benchmark', 'Dataset', 'Paper'],
    target: ['Lab'],
    between: /^\s?\((?:by\s|from\s)?$/,
  },
  {
    // "Orion Labs CEO Ada Park", "Orion Labs' chief scientist Ada Park", "Orion Labs researcher Ada Park".
    reason: 'org-role-person',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^(?:['’]s?)?\s(?:(?:co-?)?founder|CEO|CTO|COO|CFO|CSO|chief\s[\w-]+(?:\sofficer)?|president|VP(?:\sof\s[\w-]+)?|head\sof\s[\w-]+|researchers?|scientists?|engineers?|employees?|cofounder|co-CEO|lead|director|professor|alum(?:nus|na)?|team\slead)(?:\s(?:and|&)\s(?:(?:co-?)?founder|CEO|CTO|president))?,?\s$/i,
    swap: true,
  },
  {
    // "Ada Park, CEO of Orion Labs", "Ada Park, who leads post-training at Orion Labs".
    reason: 'person-role-of-org',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^(?:\s\(@?\w+\))?,\s(?:the\s|a\s|an\s)?(?:(?:former|ex-|then-|now|current|longtime)\s?)?(?:(?:co-?)?founder|CEO|CTO|COO|chief\s(?:[\w-]+\s){0,2}?(?:officer|scientist|architect)|chief\s[\w-]+|president|VP\sof\s[\w-]+|head\sof\s[\w-]+|lead\sof\s[\w-]+|(?:[\w-]+\s)?(?:researcher|scientist|engineer|professor|lead)|who\s(?:leads|runs|works|worked|heads)(?:\s[\w-]+){0,3})(?:\s(?:and|&)\s[\w-]+)?\s(?:of|at)\s(?:the\s)?$/i,
  },
  {
    // "Ada Park joins Orion Labs", "Ada Park, now at Orion Labs".
    reason: 'person-joins-org',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^(?:\s\(@?\w+\))?,?\s(?:(?:has|have|just|recently|officially)\s)?(?:joins|joined|joining|is\sjoining|moves\sto|moved\sto|now\sat|works\sat|worked\sat|is\sat|leads|heads|co-?founded|founded)\s(?:the\s)?$/i,
  },
  {
    reason: 'from-lab',
    sourceNotFamily: true,
    type: 'FROM_LAB',
    source: ['Method', 'Model', 'Tool', 'Paper', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    between: /^,?\s(?:(?:is|was|are|were)\s)?(?:(?:an?|the|its|their)\s)?(?:(?!(?:and|or|but|vs|versus|than|compared)\s)[\w'’./-]+\s){0,4}?(?:from|by|developed (?:at|by)|released by|built by|trained by|created by|made by)\s(?:the\s)?$/u,
    maxGap: 120,
  },
  {
    reason: 'lab-releases',
    sourceNotFamily: true,
    type: 'FROM_LAB',
    source: ['Method', 'Model', 'Tool', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    between: /^:?\s(?:has\s|have\s|just\s|quietly\s|officially\s|also\s)?(?:released?|releases|releasing|introduces|introduced|introducing|unveil(?:s|ed|ing)|announce[sd]?|announcing|launch(?:es|ed|ing)?|open-sourc(?:es|ed|ing)|drops|dropped|built|builds|presents|presented|ships|shipped|debuts|debuted|rolls\sout|rolled\sout|trained|trains|publishe[sd]|updates|updated|unveils|contribut(?:es|ed)|reveal(?:s|ed)|open-weights)\s(?:(?!(?:and|or|but|vs|versus|than|with|on|for)\s)[\w.-]+\s){0,5}?$/,
    swap: true,
  },
  {
    // "Google released the next batch of its open-weight models, Gemma 3": the thing released named in apposition.
    reason: 'lab-releases-apposition',
    type: 'FROM_LAB',
    source: ['Model', 'Tool', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    between: /^\s(?:has\s|have\s|just\s|also\s)?(?:released?|releases|introduce[sd]|unveil(?:s|ed)|announce[sd]|launch(?:es|ed)|open-sourc(?:es|ed)|ships|shipped|debuts|debuted|rolls\sout|rolled\sout|publishe[sd]|contribut(?:es|ed))\s(?:the\s|a\s|an\s|its\s|their\s)(?:(?!(?:and|or|but|vs|versus|than|with|for)\s)[\w'’.-]+\s){1,9}?[\w'’.-]+,\s(?:the\s|called\s|named\s|dubbed\s)?$/,
    swap: true,
    maxGap: 140,
  },
  {
    reason: 'person-paren-org',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^\s?\(\s?$/,
  },
  {
    reason: 'person-at-org',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^,?\s(?:(?:(?:who|who's|who is|who was|is|was)\s)?(?:still\s|now\s)?(?:(?:a|an|the)\s(?:[\w-]+\s){0,4}?(?:engineer|researcher|scientist|student|professor|founder|lead|head|director|partner|intern|postdoc|fellow|member|advisor)|(?:head|lead|director|VP|vice president) of(?:\s[\w-]+){1,2})\s)?(?:from|at|of)\s(?:the\s)?$/,
  },
  {
    reason: 'org-possessive-person',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^['’]s?\s(?:own\s)?$/,
    swap: true,
  },
  {
    // "Ada Park and Ben Ode (Lab)": a parenthesised organisation after a list of people covers each of them.
    reason: 'people-list-paren-org',
    type: 'AFFILIATED_WITH',
    source: ['Person'],
    target: ['Lab'],
    between: /^(?:(?:,\s(?:and\s)?|,?\sand\s)\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2})+\s?\(\s?$/u,
    maxGap: 100,
  },
  {
    // "Some Title, by Ada Park and Ben Ode": a byline after a paper's title.
    reason: 'paper-byline',
    type: 'AUTHORED_BY',
    source: ['Paper'],
    target: ['Person'],
    between: /^,?\s(?:by|from)\s(?:\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}(?:,\s(?:and\s)?|,?\sand\s))*$/u,
    maxGap: 100,
  },
  {
    reason: 'variant-of',
    sameKind: true,
    type: 'VARIANT_OF',
    source: ['Method', 'Model'],
    target: ['Method', 'Model'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`[^]*?(?:,\s(?:a|an)\s(?:[\w-]+\s)?(?:variant|extension|modification|generali[sz]ation|version|adaptation|refinement|simplification)\sof|\b(?:builds? (?:up)?on|extends|generali[sz]es|is based on|a variant of|variant of|modifies|adapts))\s(?:the\s)?(?:[\w-]+\s){0,2}?$`),
    maxGap: 160,
  },
  {
    reason: 'outperforms',
    sameKind: true,
    type: 'IMPROVES_ON',
    source: ['Method', 'Model', 'Tool'],
    target: ['Method', 'Model', 'Tool'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`^(?!\s(?:and|or|but|while)\s)[^]*\b${IMPROVE}\b(?:[^.;]|\.(?=\d)){0,60}?$`),
    maxGap: 160,
  },
  {
    reason: 'compared-with',
    sameKind: true,
    type: 'COMPARED_WITH',
    source: ['Method', 'Model', 'Tool'],
    target: ['Method', 'Model', 'Tool'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`[^]*?\b${COMPARE}\s(?:the\s)?(?:[\w-]+\s){0,2}?$`),
    maxGap: 160,
  },
  {
    reason: 'evaluated-on',
    sourceNotFamily: true,
    type: 'EVALUATED_ON',
    source: ['Method', 'Model', 'Paper'],
    target: ['Benchmark'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`[^]*?\b(?:on|evaluated on|tested on|benchmarked on|scores?|scoring|achieves|achieving|reaches|results on|accuracy on|pass@1 on)\b(?:[^.;]|\.(?=\d)){0,50}$`),
    maxGap: 140,
  },
  {
    reason: 'on-benchmark-clause',
    type: 'EVALUATED_ON',
    source: ['Method', 'Model'],
    target: ['Benchmark'],
    between: /^,\s[^,;]{0,80}$/,
    swap: true,
    maxGap: 100,
    before: /(?:^|[.;]\s)(?:On|Across|For)\s$/,
    // "On AIME, X yields higher accuracy compared to Y": Y is the baseline, not what was evaluated.
    sourceNotAfter: /\b(?:than|versus|vs\.?|compared (?:to|with)|relative to|against)\s(?:the\s)?$/,
  },
  {
    // "X, a benchmark of 400 agentic tasks, was released by A, B and C": a passive maker, however long the apposition.
    reason: 'released-by',
    type: 'FROM_LAB',
    source: ['Method', 'Model', 'Tool', 'Paper', 'Benchmark', 'Dataset'],
    target: ['Lab'],
    subjectOnly: true,
    between: /^(?:[^.;]|\.(?=\d)){0,140}?\b(?:(?:is|was|are|were|been|being|got|gets)\s(?:[\w-]+ly\s)?(?:released|developed|built|created|trained|introduced|published|open-?sourced|launched|proposed|made|designed|maintained|run|hosted)(?:\s(?:jointly|together))?|(?:developed|created|built|released|made|trained|designed)\s(?:jointly|together|in-house))\s(?:by|at)\s(?:the\s)?$/,
    maxGap: 180,
  },
  {
    // "X leads the Search Arena leaderboard", "X tops AIME", "X excels in MMLU-Pro", "X ranks #1 on Y".
    reason: 'leads-benchmark',
    type: 'EVALUATED_ON',
    source: ['Method', 'Model', 'Tool'],
    target: ['Benchmark'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`[^]*?\b(?:leads?|led|leading|tops?|topped|topping|ranks?|ranked|ranking|hits?|hitting|excels?|excelled|excelling|dominates?|dominated|wins?|won|sweeps?|climbs?|climbed|debuts?|debuted|lands?|landed|rocket(?:s|ed)|jumps?|jumped|ties|tied)\b(?:\s(?:[\w#.%-]+\s){0,5}?(?:in|on|at|of))?\s(?:the\s)?$`),
    maxGap: 120,
  },
  {
    // "X at 71.1% LiveCodeBench", "X hits 81.4 SWE-bench Verified": a score right before the benchmark's name.
    reason: 'score-before-benchmark',
    type: 'EVALUATED_ON',
    source: ['Method', 'Model', 'Tool'],
    target: ['Benchmark'],
    subjectOnly: true,
    between: /^(?:[^.;]|\.(?=\d)){0,60}?\b\d[\d.,]*\s?%?\s(?:\(?pass@\d+\)?\s)?(?:on\s)?(?:the\s)?$/,
    maxGap: 80,
  },
  {
    // "X is a mixture-of-experts model", "X, a GRPO-trained model": the method names the kind of model X is.
    reason: 'kind-of-model',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    between: /^,?\s(?:(?:is|was|are|were)\s(?:(?:[\w-]+\s){0,4}?be\s)?)?(?:an?|the)\s(?:(?!(?:and|or|than)\s)[\w-]+\s){0,3}$/,
    after: /^(?:-(?:based|style|trained|tuned))?\s(?:[\w-]+\s)?(?:model|LLM|architecture|transformer|network|reasoner|checkpoint|variant|design)s?\b/,
    maxGap: 80,
  },
  {
    // "Wren-7B (MoE)": a method in parentheses right after a model names its make-up.
    reason: 'model-paren-method',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    between: /^\s?\($/,
    after: /^\)/,
  },
  {
    // "we apply GRPO to Wren-7B", "running DPO on Wren-7B": the model is what the method is used on.
    reason: 'method-applied-to',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    swap: true,
    before: /\b(?:apply|applies|applied|applying|run|runs|ran|running|perform|performs|performed|performing|do|does|did|doing)\s(?:(?:a|an|the|some|more)\s)?$/,
    between: /^\s(?:[\w-]+\s){0,2}?(?:to|on)\s(?:the\s|a\s)?$/,
    maxGap: 40,
  },
  {
    // "mixture-of-experts (MoE) models like DeepSeek V3, GLM 4.5 and Kimi K2": each model listed is one of that kind.
    reason: 'method-models-like',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    swap: true,
    between: /^\s(?:\([^()]{1,20}\)\s)?(?:-?(?:based|style)\s)?(?:[\w-]+\s)?(?:models?|LLMs?|architectures?|systems?|checkpoints?)\s?,?\s(?:like|such\sas|including|e\.g\.,?)\s$/,
    maxGap: 60,
  },
  {
    // "AGAPO, a GRPO variant", "a GRPO variant AGAPO", "GRPO derivative Dr. GRPO": a named variant of a method or model.
    reason: 'named-variant',
    type: 'VARIANT_OF',
    source: ['Method', 'Model'],
    target: ['Method', 'Model'],
    between: /^,\s(?:a|an|the)\s(?:new\s|simple\s|lighter\s|cheaper\s)?$/,
    // Not "a GRPO variant of Qwen3": that is Qwen3's variant, GRPO only describes it.
    after: /^[\s-](?:variant|extension|derivative|descendant|successor|fork|flavou?r|modification)\b(?!\s+of\b)/,
    maxGap: 20,
  },
  {
    reason: 'variant-named',
    type: 'VARIANT_OF',
    source: ['Method', 'Model'],
    target: ['Method', 'Model'],
    swap: true,
    between: /^[\s-](?:variant|extension|derivative|descendant|successor|fork)\s(?:called\s|named\s|dubbed\s)?["“]?$/,
    maxGap: 30,
  },
  {
    // "Cursor added GPT-5.4", "Perplexity Comet now supports Claude": a product that offers a model uses it.
    reason: 'tool-adds-model',
    type: 'USES',
    source: ['Tool'],
    target: ['Model'],
    subjectOnly: true,
    between: /^\s(?:(?:immediately|now|also|just|quickly|already)\s)?(?:added|adds|integrated|integrates|supports|announced|rolled\sout|brings|brought|ships|shipped|offers|serves|switched\sto|defaults\sto|swapped\sin)\s(?:the\s|support\sfor\s)?$/,
    maxGap: 60,
  },
  {
    // "we fine-tuned Qwen2.5-7B with GRPO", "they post-trained Wren-7B on OpenProofs": the verb comes before the model.
    reason: 'trained-model-with',
    type: 'USES',
    source: ['Model'],
    target: ['Method', 'Dataset'],
    before: /\b(?:fine-?tun(?:e|es|ed|ing)|train(?:s|ed|ing)?|post-train(?:s|ed|ing)?|RL-train(?:s|ed|ing)?|pre-?train(?:s|ed|ing)?|distill(?:s|ed|ing)?|align(?:s|ed|ing)?)\s(?:(?:a|an|the|our|their|its)\s)?$/,
    between: /^\s(?:(?:again|further|only|first)\s)?(?:with|using|via|through|on)\s(?:(?:the|a|an)\s)?$/,
    maxGap: 30,
  },
  {
    // "Kimi K2, a 1T-parameter MoE, is out": an apposition naming the model's architecture.
    reason: 'apposition-kind',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    between: /^,\s(?:an?|the)\s(?:(?!(?:and|or|than|variant|version)\s)[\w.-]+\s){0,3}$/,
    after: /^(?:\s(?:model|LLM|architecture|network|transformer))?\s?[,.;)]/,
    maxGap: 50,
  },
  {
    // "DeepSeek-R1's GRPO training", "Wren-7B's DPO stage": the model's own recipe.
    reason: 'model-possessive-recipe',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    between: /^['’]s?\s(?:(?!(?:and|or|than)\s)[\w-]+\s){0,2}$/,
    after: /^[\s-](?:training|recipe|pipeline|stage|phase|setup|objective|loss|post-training|fine-tuning|run|step|fine-tune)\b/,
    maxGap: 30,
  },
  {
    // "GRPO-trained Qwen3", "DPO-tuned Wren-7B": the method names how the model was made.
    reason: 'method-trained-model',
    type: 'USES',
    source: ['Model'],
    target: ['Method'],
    swap: true,
    between: /^-(?:trained|tuned|aligned|distilled|finetuned|fine-tuned|optimi[sz]ed)\s(?:[\w.-]+\s){0,1}$/,
    maxGap: 30,
  },
  {
    reason: 'uses',
    type: 'USES',
    source: ['Method', 'Model', 'Tool', 'Paper'],
    target: ['Method', 'Model', 'Tool', 'Dataset'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`[^]*?\b(?:uses|used(?!\sto\b)|using|use of|leverag(?:es|ed|ing)|reli(?:es|ed)\s(?:\w+ly\s)?on|swap(?:s|ped)?\sin|switch(?:es|ed)?\sto|built (?:on top of|on|with)|sits on top of|on top of|combines|employs|employed|applies|applied|adopts|adopted|powered by|runs on|(?:trained|fine-tuned|finetuned|post-trained|tuned|aligned|optimi[sz]ed|distilled|RL-trained|built) (?:[\w.-]+ ){0,4}?(?:with|using|via|on|from|through)|(?:trains?|training) (?:\S+ )?(?:with|using|via)|featur(?:es|ed|ing)|adopts?|adoption of|integrat(?:es|ed|ing)|incorporat(?:es|ed|ing)|adds support for|added support for|supports)\s(?:(?:the|a|an|its|their|our)\s)?["“(]?(?:[\w.-]+\s){0,2}["“(]?$`),
    maxGap: 150,
  },
  {
    // A lab is a subject too: "DeepSeek uses GRPO", "Orion Labs trained Wren-7B with DPO" (methods only: a lab "using" a
    // model is mostly a customer story).
    reason: 'lab-uses',
    type: 'USES',
    source: ['Lab'],
    target: ['Method'],
    subjectOnly: true,
    between: new RegExp(ONE_CLAUSE + String.raw`^\s(?:(?:also|now|still|just|first)\s)?(?:uses|used|relies on|relied on|leverag(?:es|ed)|employs|employed|applies|applied|adopts|adopted|trains?\s(?:[\w.-]+\s){1,3}?(?:with|using|via)|trained\s(?:[\w.-]+\s){1,3}?(?:with|using|via))\s(?:(?:the|a|an|its|their)\s)?(?:[\w.-]+\s){0,2}$`),
    maxGap: 80,
  },
];

/** What may stand between two members of one list: "A, B", "A and B", "A / B", "A (80.9%) and B", quotes around names. */
export const LIST_SEPARATOR = /^\s*(?:\([^()]{0,40}\)\s*)?["”’']?\s*(?:,|\/|;|&)?\s*(?:(?:and|or|plus|as well as)\s)?\s*["“‘']?$/;

/**
 * Relations between a paper section (title line + paragraph) and entities in the paragraph: the
 * paper proposes what the paragraph says it introduces.
 */
export const SECTION_RULES: SectionRule[] = [
  {
    reason: 'section-proposes',
    type: 'PROPOSES',
    target: ['Method', 'Benchmark', 'Model', 'Dataset', 'Tool'],
    before: /\b(?:propos(?:e|es|ed|ing)|suggests?)\s(?:an?\s|the\s)?(?:(?:new|novel|simple|[\w-]+)\s){0,4}?(?:(?:framework|method|approach|algorithm|technique|recipe|paradigm|benchmark|dataset|model|metric|system|environment)\s(?:called\s|named\s|dubbed\s)?)?["“]?$/,
  },
  {
    reason: 'section-introduces',
    type: 'INTRODUCES',
    target: ['Method', 'Benchmark', 'Model', 'Dataset', 'Tool'],
    before: /\b(?:introduc(?:e|es|ed|ing)|presents?|presenting|releases?|releasing|unveils?|develops?|creates?|contributes)\s(?:an?\s|the\s)?(?:(?:new|novel|simple|[\w-]+)\s){0,4}?(?:(?:framework|method|approach|algorithm|technique|recipe|paradigm|benchmark|dataset|model|metric|system|environment)\s(?:called\s|named\s|dubbed\s)?)?["“]?$/,
  },
  {
    reason: 'section-sentence-proposes',
    type: 'PROPOSES',
    target: ['Method', 'Benchmark', 'Model', 'Dataset'],
    before: /\b(?:propos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing))\b(?:[^.;]|\.(?=\d)){0,300}$/,
  },
  {
    reason: 'section-called',
    type: 'INTRODUCES',
    target: ['Method', 'Benchmark', 'Model', 'Dataset', 'Tool'],
    before: /\b(?:called|named|dubbed|termed)\s["“]?$/,
  },
];

/** Openers that refer back to the section's main contribution ("The approach outperforms ..."). */
export const ANAPHORIC_SUBJECT = /^(?:The|This|Our)\s(?:new\s|proposed\s)?(?:approach|method|framework|technique|algorithm|model|system|recipe)\b|^It\s/;

/** Lab mentions that make the whole section's paper come from the lab. */
export const SECTION_LAB_CUE = /\b(?:researchers|scientists|team|group|lab|labs|from|by)\b/;

/**
 * Text right before a mention that makes it an object, not a subject ("trained with X", "beats X"):
 * such a mention does not stand between an earlier subject and the rest of its sentence.
 */
/** Text right before a source mention that makes it an object, a modifier or an aside "(…", never the subject of a relation. */
export const NOT_SUBJECT_CUE = /\b(?:than|over|against|versus|vs\.?|outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|match(?:es|ed|ing)?|compared (?:to|with)|of|trained on|fine-tuned on|built on|based on|from|like|including|uses?|used|using|leverag(?:es|ed|ing)|runs?|ran|running|tried|trying|prefer(?:s|red|ring)?)\s(?:the\s)?$|\(\s?$/i;

export const OBJECT_CUE = /\b(?:with|using|via|than|over|against|versus|vs\.?|builds? on|based on|extends|uses|relies on|outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|match(?:es|ed|ing)?|compared (?:to|with))\s(?:the\s)?$/;

/** Subjects that stand for the last-named entity of a type ("The model uses ...", "It beats ..."). */
export const ANAPHOR_TYPES: Array<[RegExp, Array<'Model' | 'Method' | 'Benchmark'>]> = [
  [/^(?:The|This|Our|Their|Its)\s(?:new\s|base\s|released\s)?model\b/, ['Model']],
  [/^(?:The|This|Their)\s(?:new\s|proposed\s)?(?:method|approach|technique|algorithm|recipe)\b/, ['Method']],
];

/**
 * Scores stated without their model ("• OSWorld-Verified 75.0%, above the human baseline", "SWE-Bench Pro: 57.7%")
 * belong to the model the passage is about: the one named most in the sentences just before (ties: the latest).
 * Only where the sentence names no model, method or tool of its own.
 */
export const TOPIC_SCORE_RULES: Array<{ reason: string; type: 'EVALUATED_ON'; scoreAfter: RegExp; scoreBefore: RegExp; lookBack: number; topic: Array<'Model'> }> = [
  {
    reason: 'topic-model-score',
    type: 'EVALUATED_ON',
    // "OSWorld-Verified 75.0%", "GDPval-AA: 1554", "HLE (text) 50.2%".
    scoreAfter: /^\s?(?:\([^()]{1,30}\)\s?)?[:=]?\s?(?:of\s|at\s)?~?\d[\d.,]*\s?(?:%|pts|points|Elo)?(?![\w.])/,
    // "75.0% on OSWorld-Verified", "a 57.7 SWE-Bench Pro".
    scoreBefore: /\b\d[\d.,]*\s?%\s(?:on\s|in\s)?(?:the\s)?$/,
    lookBack: 10,
    topic: ['Model'],
  },
];

/** "He's at Stanford now": a pronoun subject's affiliation belongs to the person named just before. */
export const PRONOUN_AT = /^(?:He|She)(?:['’]s|\sis|\swas|\sjoined|\smoved to)?\s(?:now\s|currently\s|still\s)?(?:at\s|with\s)?(?:the\s)?$/;

/** A person in a paper's opening sentence written up as its author ("X and her co-authors describe ..."). */
export const SECTION_AUTHOR_CUE = /\b(?:co-?authors|and (?:her|his|their) (?:colleagues|collaborators|team)|and colleagues|et al\b)/;
