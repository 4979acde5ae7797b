import type { EntityType } from '../model.ts';

/**
 * What a link's target says about the name it is written on: the strongest signal a newsletter carries. One row a
 * kind of target; `href` is tested against the URL, its named groups (`org`, `name`, `handle`) feed the checks.
 */
export interface LinkRule {
  reason: string;
  href: RegExp;
  type: EntityType;
  /**
   * When the visible text is the entity's name: `title` (a paper title: several words), `path-name` (the text
   * spells the URL's `name`/`handle` group), `name-or-handle` (an @handle or a person's full name).
   */
  textIs: 'title' | 'path-name' | 'name-or-handle';
  strength: number;
  /** The URL's `org` group names the lab the entity comes from (FROM_LAB when the text names that lab too). */
  orgIsLab?: boolean;
}

export const LINK_RULES: LinkRule[] = [
  {
    reason: 'paper-link',
    href: /^https?:\/\/(?:www\.)?(?:arxiv\.org\/(?:abs|pdf|html)\/|openreview\.net\/(?:forum|pdf)\?id=|aclanthology\.org\/|(?:huggingface\.co|hf\.co)\/papers\/|papers\.nips\.cc\/|proceedings\.(?:mlr\.press|neurips\.cc)\/|dl\.acm\.org\/doi\/|www\.semanticscholar\.org\/paper\/)/i,
    type: 'Paper',
    textIs: 'title',
    strength: 3,
  },
  {
    reason: 'hf-dataset-link',
    href: /^https?:\/\/(?:huggingface\.co|hf\.co)\/datasets\/(?<org>[\w.-]+)\/(?<name>[\w.-]+)/i,
    type: 'Dataset',
    textIs: 'path-name',
    strength: 2,
    orgIsLab: true,
  },
  {
    reason: 'hf-model-link',
    href: /^https?:\/\/(?:huggingface\.co|hf\.co)\/(?!(?:papers|datasets|spaces|blog|docs|learn|models|collections|posts|join|login|settings|organizations|tasks|chat|pricing|enterprise)\/)(?<org>[\w.-]+)\/(?<name>[\w.-]+)\/?(?:[?#].*)?$/i,
    type: 'Model',
    textIs: 'path-name',
    strength: 2,
    orgIsLab: true,
  },
  {
    reason: 'github-repo-link',
    href: /^https?:\/\/(?:www\.)?github\.com\/(?<org>[\w.-]+)\/(?<name>[\w.-]+)\/?(?:[?#].*)?$/i,
    type: 'Tool',
    textIs: 'path-name',
    strength: 1,
  },
  {
    reason: 'x-handle-link',
    href: /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/(?!(?:i|home|search|intent|hashtag|share|explore|settings|messages|notifications|compose|login|signup|tos|privacy)(?:[/?#]|$))(?<handle>[A-Za-z0-9_]{1,15})(?:\/status(?:es)?\/\d+[^\s]*)?\/?(?:[?#].*)?$/i,
    type: 'Person',
    textIs: 'name-or-handle',
    strength: 2,
  },
];

/** Visible link texts that never name anything ("paper", "here", "this thread"). */
export const GENERIC_LINK_TEXT = /^(?:(?:the|this|that|a|an|our|their|his|her|its|my|full|original|new)\s)?(?:paper|papers|preprint|arxiv|abs|pdf|html|here|link|links|this|that|post|blog(?: post)?|thread|tweet|tweets|announcement|report|technical report|tech report|code|repo|repository|github|model|models|weights|dataset|data|demo|site|website|page|docs|documentation|article|source|sources|details|more|video|talk|slides|podcast|episode|interview|release|launch|results|benchmark|leaderboard|chart|image|screenshot|x|twitter|hugging ?face|hf|\d+|[ivx]+|\[\d+\])$/i;

/** Handle shapes of organisations rather than people ("FooLabs", "bar_ai", "BazResearch", "FooAPI", "foo_ide"). */
export const ORG_HANDLE = /(?:ai|labs?|research|hq|inc|team|dev|devs|official|app|cloud|io|org|news|studio|foundation|institute|group|corp|tech|api|_js|_ide|nlp)$/i;

/** Handles of publications and feeds that relay news ("HuggingPapers", "dl_weekly", "latentspacepod"): no entity. */
export const MEDIA_HANDLE = /(?:papers|post|pod|podcast|weekly|daily|digest|newsletter|times|radio|cast|show|journal|feed|bot)$/i;

/** Endings an organisation's account adds to its name (AnthropicAI, OpenAIDevs, vllm_project, Zai_org, GeminiApp). */
export const HANDLE_ACCOUNT_SUFFIX = /[_-]?(?:ai|labs?|research|hq|inc|team|devs?|official|app|cloud|org|project|studio|hub|news|_?dev)$/i;

/** What a handle's text must look like to be the person's name: "Ada Quill", "Ada M. Quill". */
export const FULL_NAME_TEXT = /^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.?)?(?:\s\p{Lu}[\p{L}'’-]+){1,2}$/u;
