import type { EntityType, StructureSpan } from '../model.ts';
import { foldKey } from '../resolve/normalize.ts';
import { MODEL_FAMILIES } from '../rules/lexicon.ts';
import { FULL_NAME_TEXT, GENERIC_LINK_TEXT, HANDLE_ACCOUNT_SUFFIX, LINK_RULES, MEDIA_HANDLE, ORG_HANDLE } from '../rules/links.ts';
import { EMPHASIS_TYPE_RULES } from '../rules/emphasis.ts';
import { type Candidate, isCoined, shapeType } from './candidates.ts';
import { modelNameCandidates } from './model-names.ts';

/** What the structure pass may ask of names already known (the registry and the lexicon). */
export interface KnownNames {
  typeOf(name: string): EntityType | undefined;
  isPerson(name: string): boolean;
  /** The known entity (registry or lexicon) a name resolves to, with its canonical name. */
  refOf(name: string): { name: string; type: EntityType } | undefined;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A link text that reads as a paper title: several words, not a generic label. */
function isTitle(text: string): boolean {
  const n = words(text).length;
  return !GENERIC_LINK_TEXT.test(text) && ((n >= 3 && n <= 40) || (n >= 2 && text.includes(':'))) && /\p{Lu}/u.test(text);
}

/** An emphasised title right beside a link ("[Short](arxiv) --- *Full Title*", "*Title* ([paper](arxiv))"). */
function adjacentTitle(link: StructureSpan, emphasis: StructureSpan[], text: string): StructureSpan | undefined {
  return emphasis.find((e) => {
    if (e.start >= link.end) return e.start - link.end <= 8 && /^[\s:,—–-]*$/.test(text.slice(link.end, e.start)) && isTitle(text.slice(e.start, e.end));
    if (e.end <= link.start) return link.start - e.end <= 3 && /^[\s(]*$/.test(text.slice(e.end, link.start)) && isTitle(text.slice(e.start, e.end));
    return e.start <= link.start && e.end >= link.end && e.end - e.start > link.end - link.start && isTitle(text.slice(e.start, e.end));
  });
}

/** Does the visible text spell the URL's name ("Wren-7B" ~ "wren-7b", "llama.cpp" ~ "llama.cpp")? */
function spells(text: string, name: string): boolean {
  const a = foldKey(text);
  const b = foldKey(name);
  return a.length >= 2 && b.length >= 2 && (a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b) && a.length - b.length <= 6));
}

/**
 * The known entity an organisation's or product's handle stands for: the handle itself, its words, or the handle
 * without an account-style ending (AnthropicAI → Anthropic, OpenAIDevs → OpenAI, vllm_project → vLLM). People's
 * handles are left alone: a person's handle is rarely their name with a suffix, and guessing would merge people.
 */
function handleRef(handle: string, known: KnownNames): { name: string; type: EntityType } | undefined {
  const bare = handle.replace(/^@/, '');
  const stems = new Set([bare, bare.replace(/_/g, ' ')]);
  for (let stem = bare, prev = ''; stem !== prev && stem.length >= 3; ) {
    prev = stem;
    stem = stem.replace(HANDLE_ACCOUNT_SUFFIX, '');
    if (stem.length >= 3) stems.add(stem).add(stem.replace(/_/g, ' '));
  }
  for (const stem of stems) {
    const ref = known.refOf(stem);
    if (ref && ref.type !== 'Person') return ref;
  }
  return undefined;
}

/** A handle's entity type: a known name decides, then the handle's shape (org-like endings, a model family in it). */
function handleType(handle: string, known: KnownNames): EntityType {
  const bare = handle.replace(/^@/, '');
  const knownType = known.typeOf(bare) ?? known.typeOf(bare.replace(/_/g, ' '));
  if (knownType === 'Lab' || knownType === 'Person') return knownType;
  if (knownType) return 'Lab';
  // Words of the handle, split at underscores and case changes ("MiniMaxAgent" → MiniMax, Agent).
  const parts = bare.split(/_|(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u).filter(Boolean);
  // Led by a lab or a model family ("Alibaba_Qwen", "MiniMaxAgent"); a person's handle may end in one ("jane_UW").
  const lead = parts[0] ?? '';
  if (known.typeOf(lead) === 'Lab' || MODEL_FAMILIES.some((f) => f.toLowerCase() === lead.toLowerCase())) return 'Lab';
  return ORG_HANDLE.test(bare) && bare.length > 4 ? 'Lab' : 'Person';
}

/**
 * Candidates read off the reader's structure table: link targets (papers, Hugging Face models and datasets, GitHub
 * repositories, x.com handles), emphasised names typed by their shape or head word, and the model-name grammar.
 */
export function structureCandidates(text: string, structure: StructureSpan[], known: KnownNames): Candidate[] {
  const out: Candidate[] = [];
  const emphasis = structure.filter((s) => s.kind === 'emphasis' || s.kind === 'strong');
  for (const link of structure) {
    if (link.kind !== 'link' || !link.href) continue;
    const rule = LINK_RULES.find((r) => r.href.test(link.href!));
    if (!rule) continue;
    const groups = rule.href.exec(link.href)!.groups ?? {};
    const surface = text.slice(link.start, link.end).replace(/[.,;:]+$/, '');
    const end = link.start + surface.length;
    if (!surface) continue;
    if (rule.textIs === 'title') {
      const beside = isTitle(surface) ? undefined : adjacentTitle(link, emphasis, text);
      if (isTitle(surface)) out.push({ start: link.start, end, surface, type: 'Paper', reason: rule.reason, strength: rule.strength });
      else if (beside) {
        const title = text.slice(beside.start, beside.end).replace(/[.,;:]+$/, '');
        const coined = !GENERIC_LINK_TEXT.test(surface) && words(surface).length <= 3 && isCoined(surface);
        out.push({
          start: beside.start, end: beside.start + title.length, surface: title, type: 'Paper', reason: 'paper-link-title', strength: rule.strength,
          names: coined ? { start: link.start, end, text: surface } : undefined,
        });
        if (coined) out.push({ start: link.start, end, surface, type: shapeType(surface) ?? known.typeOf(surface) ?? 'Method', reason: 'paper-link-name', strength: 1, typeGuessed: !shapeType(surface) && !known.typeOf(surface) });
      }
      continue;
    }
    if (rule.textIs === 'path-name') {
      if (GENERIC_LINK_TEXT.test(surface) || !spells(surface, groups.name ?? '')) continue;
      const type = rule.type === 'Tool' && modelNameCandidates(surface).some((c) => c.start === 0 && c.end === surface.length) ? 'Model' : rule.type;
      out.push({ start: link.start, end, surface, type, reason: rule.reason, strength: rule.strength, org: rule.orgIsLab ? groups.org : undefined });
      continue;
    }
    const handle = groups.handle!;
    const bare = surface.replace(/^@/, '');
    if (foldKey(bare) === foldKey(handle)) {
      const ref = handleRef(handle, known);
      if (ref) out.push({ start: link.start, end, surface, type: ref.type, canonical: ref.name, reason: 'x-handle-of-known', strength: rule.strength, standsAlone: true });
      else if (!MEDIA_HANDLE.test(handle)) out.push({ start: link.start, end, surface, type: handleType(handle, known), reason: rule.reason, strength: rule.strength, standsAlone: true });
    } else if (FULL_NAME_TEXT.test(surface) && !known.typeOf(surface)) {
      out.push({ start: link.start, end, surface, type: 'Person', reason: 'x-profile-name', strength: rule.strength, aliasHint: `@${handle}` });
    }
  }
  for (const e of emphasis) {
    const surface = text.slice(e.start, e.end).replace(/[.,;:!?]+$/, '').trim();
    if (!surface || surface.length > 60 || words(surface).length > 5 || !/^[\p{Lu}\p{N}@]/u.test(surface)) continue;
    const row = EMPHASIS_TYPE_RULES.find((r) => r.match.test(surface) && !(r.notIf?.test(surface) ?? false));
    if (!row) continue;
    out.push({ start: e.start, end: e.start + surface.length, surface, type: row.type, reason: row.reason, strength: row.strength });
  }
  out.push(...modelNameCandidates(text));
  return out;
}
