import type { DocumentRecord, EntityRecord, EntityType, Extraction, FactLink, MentionRecord, RelationRecord } from '../model.ts';
import { resolveFacts } from './facts.ts';
import { EntityRegistry, entityId, type EntityRef, type KnownEntity } from '../resolve/registry.ts';
import { isAcronym } from '../resolve/normalize.ts';
import { LEXICON, MODEL_FAMILIES } from '../rules/lexicon.ts';
import { editDistance, isMisspelling } from '../resolve/similarity.ts';
import { BENCHMARK_EDITION, STOP_WORDS } from '../rules/entities.ts';
import { type Candidate, harmoniseTypes, isCoined, parenTitleCandidates, resolveOverlaps, shapeType, typeAcronyms } from './candidates.ts';
import { Gazetteer } from './gazetteer.ts';
import { notAnEntity } from '../rules/not-entities.ts';
import { isEnglishWord, readsAsPersonName } from './person-names.ts';
import { techniqueCandidates } from './techniques.ts';
import { structureCandidates, type KnownNames } from './structure-candidates.ts';
import { findPeople } from './people.ts';
import { coMentions, type Placed, RelationSink, sectionRelations, sentenceRelations } from './relations.ts';
import { findPaperLines, paperSections } from './sections.ts';
import { type Sentence, splitLines, splitSentences } from './segment.ts';

export type { KnownEntity } from '../resolve/registry.ts';

// The text-only half lives in ./prepare.ts, so worker threads load it without the resolver's word lists.
import { prepareText, type PreparedText } from './prepare.ts';
export { prepareText, type PreparedText };

/** Types a capitalised run may be checked against for glued or misspelt known names. */
const FUZZY_CHECK: EntityType[] = ['Lab', 'Person', 'Model', 'Benchmark', 'Tool'];
const TITLE_RUN = /\p{Lu}[\p{L}\p{N}'’.-]*[\p{L}\p{N}](?:\s\p{Lu}[\p{L}\p{N}'’.-]*[\p{L}\p{N}]|\s\d+(?:\.\d+)?)*|\p{Ll}{2,}\s\p{Lu}{2,}\b/gu;

interface Resolved {
  id: string;
  type: EntityType;
  start: number;
  end: number;
  reason: string;
  strength: number;
}

/** Evidence strong enough for a name to be spread by the known-entity rule: one strong rule, or two rules agreeing. */
const TRUSTED_STRENGTH = 2;

/**
 * Rule-based extraction with a registry that persists across documents, so a name seen (or
 * misspelt) in one issue resolves to the entity found in another or already in the database.
 */
export class Extractor {
  private readonly registry: EntityRegistry;
  private readonly gazetteer = new Gazetteer();
  /** Entities whose evidence was strong somewhere: only these spread to other documents and match misspellings. */
  private readonly trusted = new Set<string>();
  private readonly knownNames: KnownNames = {
    typeOf: (name) => this.typeOf(name) ?? this.registry.peek(name, 'Person')?.type,
    isPerson: (name) => Boolean(this.registry.peek(name, 'Person')),
    refOf: (name) => {
      const type = this.typeOf(name);
      return type ? this.registry.peek(name, type) : undefined;
    },
  };

  constructor(known: KnownEntity[] = []) {
    if (!Array.isArray(known)) throw new TypeError(`Extractor expects an array of known entities, got ${JSON.stringify(known)}`);
    this.registry = new EntityRegistry(known, LEXICON);
    for (const entry of LEXICON) {
      this.trusted.add(entityId(entry.type, entry.name));
      for (const surface of [entry.name, ...(entry.aliases ?? [])]) {
        this.gazetteer.add({ surface, type: entry.type, caseSensitive: Boolean(entry.caseSensitive) || isAcronym(surface), reason: `lexicon-${entry.type.toLowerCase()}` });
      }
    }
    for (const k of known) if (k.trusted !== false) this.learn(k);
  }

  /** Every entity seen so far (known ones included), sorted by id. */
  known(): KnownEntity[] {
    return this.registry.all();
  }

  private learn(entity: KnownEntity): void {
    this.trusted.add(entity.id);
    if (entity.type === 'Paper') return;
    for (const surface of [entity.name, ...entity.aliases]) {
      if (surface.length < 3) continue;
      if (entity.type === 'Person' && !surface.includes(' ')) continue;
      this.gazetteer.add({ surface, type: entity.type, caseSensitive: isAcronym(surface), reason: 'known-entity' });
    }
  }

  /** `prepared` (from prepareText(doc.text), e.g. computed on a worker) skips the text-only half; the result is identical. */
  extract(doc: DocumentRecord, prepared?: PreparedText): { entities: EntityRecord[]; relations: RelationRecord[]; facts: FactLink[] } {
    if (!doc || typeof doc.text !== 'string' || typeof doc.id !== 'string') throw new TypeError(`extract expects a DocumentRecord, got ${JSON.stringify(doc)?.slice(0, 200)}`);
    const text = doc.text;
    const lines = splitLines(text);
    const sentences = splitSentences(text, lines);
    const sentenceOf = sentenceLocator(sentences);

    const paperLines = findPaperLines(lines);
    const sections = paperSections(lines, paperLines);
    const candidates: Candidate[] = [];
    for (const p of paperLines) {
      candidates.push({ start: p.title.start, end: p.title.end, surface: p.title.text, type: 'Paper', reason: p.reason, strength: 3 });
      if (p.author) candidates.push({ start: p.author.start, end: p.author.end, surface: p.author.text, type: 'Person', reason: 'et-al-citation', strength: 2 });
      if (p.prefix && isCoined(p.prefix.text) && p.prefix.text !== p.title.text) {
        const typed = shapeType(p.prefix.text) ?? (/\b(?:Benchmarks?|Bench|Evaluation of|Leaderboard)\b/i.test(p.title.text) ? 'Benchmark' : undefined);
        candidates.push({ start: p.prefix.start, end: p.prefix.end, surface: p.prefix.text, type: typed ?? 'Method', reason: 'title-prefix-name', strength: 1, typeGuessed: !typed });
      }
    }
    for (const hit of this.gazetteer.scan(text)) {
      // A benchmark's edition or year is part of its name ("LiveCodeBench v6", "AIME 24"): scores differ by edition.
      const edition = hit.phrase.type === 'Benchmark' ? BENCHMARK_EDITION.exec(text.slice(hit.end, hit.end + 12))?.[0] ?? '' : '';
      const end = hit.end + edition.length;
      candidates.push({ start: hit.start, end, surface: text.slice(hit.start, end), type: hit.phrase.type, reason: edition ? 'lexicon-benchmark-edition' : hit.phrase.reason, strength: 2 });
    }
    const pre = prepared ?? prepareText(text);
    candidates.push(...pre.rules);
    const acronyms = typeAcronyms(pre.acronyms, (name) => this.typeOf(name));
    candidates.push(...acronyms);
    const expansionStarts = new Set(acronyms.map((a) => a.start));
    candidates.push(...parenTitleCandidates(sentences, (start) => expansionStarts.has(start)));
    candidates.push(...structureCandidates(text, doc.structure ?? [], this.knownNames));
    candidates.push(...techniqueCandidates(text));

    const strongSpans = candidates.filter((c) => c.strength >= 2 && c.type !== 'Paper' && c.type !== 'Person');
    const overlapsStrong = (start: number, end: number) => strongSpans.some((c) => start < c.end && c.start < end);
    for (const p of findPeople(text, sentences, overlapsStrong, pre.people)) {
      candidates.push({ start: p.start, end: p.end, surface: p.surface, type: 'Person', reason: 'nlp-person', strength: 1, nameCheck: true });
    }
    candidates.push(...this.misspellings(text, candidates));
    // Whatever proposed them: units, hardware, languages, job titles are not entities; a context-only person must read as a name.
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (notAnEntity(c.surface, c.type) || (c.nameCheck && !readsAsPersonName(c.surface))) candidates.splice(i, 1);
    }

    // "his Tulu 3 paper": the name there stands for the paper, not for the model.
    const namedPapers = new Set(candidates.filter((c) => c.reason === 'named-paper').map((c) => `${c.start}:${c.end}`));
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (c.type !== 'Paper' && namedPapers.has(`${c.start}:${c.end}`)) candidates.splice(i, 1);
    }
    harmoniseTypes(candidates);
    const accepted = this.dropLoneFirstNames(resolveOverlaps(candidates));

    const resolved: Resolved[] = [];
    const paperIdAt = new Map<number, string>();
    const nameIdAt = new Map<number, string>();
    for (const c of accepted) {
      const entity = this.registry.resolve(c.surface, c.type, { canonical: c.canonical });
      resolved.push({ id: entity.id, type: entity.type, start: c.start, end: c.end, reason: c.reason, strength: c.strength });
      if (c.aliasHint) this.registry.addAlias(entity, c.aliasHint);
      if (c.type === 'Paper') paperIdAt.set(c.start, entity.id);
      else nameIdAt.set(c.start, entity.id);
      if (c.expansion) {
        this.registry.addAlias(entity, c.expansion.text);
        resolved.push({ id: entity.id, type: entity.type, start: c.expansion.start, end: c.expansion.end, reason: c.reason, strength: c.strength });
      }
    }
    // A "(paper)" headline and the citation line after it name one paper.
    for (const s of sections) {
      const head = paperIdAt.get(s.paper.title.start);
      for (const also of s.alsoTitled) {
        const other = paperIdAt.get(also.title.start);
        if (!head || !other || head === other) continue;
        this.registry.addAlias({ id: other }, s.paper.title.text);
        for (const r of resolved) if (r.id === head) r.id = other;
        paperIdAt.set(s.paper.title.start, other);
      }
    }
    this.repeatMentions(text, resolved);
    // Code blocks stay in the text for the reader but name nothing.
    const code = (doc.structure ?? []).filter((s) => s.kind === 'code');
    if (code.length) for (let i = resolved.length - 1; i >= 0; i--) if (code.some((c) => resolved[i]!.start < c.end && c.start < resolved[i]!.end)) resolved.splice(i, 1);

    const placed: Placed[] = resolved.map((r) => ({ id: r.id, type: r.type, start: r.start, end: r.end, sentence: sentenceOf(r.start) }));
    const bySentence = new Map<number, Placed[]>();
    for (const p of [...placed].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const list = bySentence.get(p.sentence) ?? [];
      if (!list.some((q) => q.id === p.id && q.start === p.start)) list.push(p);
      bySentence.set(p.sentence, list);
    }

    const sink = new RelationSink(doc.id, sentences);
    sentenceRelations(text, bySentence, sink, sentences);
    this.modelLabPrefixes(text, placed, resolved, sink);
    for (const c of accepted) {
      if (c.reason !== 'name-with-paper-title' || !c.names) continue;
      const paper = paperIdAt.get(c.start);
      // Only a name that is itself an accepted mention: the relation must point at a real node.
      const named = nameIdAt.get(c.names.start);
      if (paper && named) sink.add(paper, 'PROPOSES', named, sentenceOf(c.start), 'name-with-paper-title');
    }
    const sectionInputs = sections.flatMap((s) => {
      const titleLine = s.alsoTitled[0] ?? s.paper;
      const paperId = paperIdAt.get(titleLine.title.start) ?? paperIdAt.get(s.paper.title.start);
      if (!paperId) return [];
      const authors = [s.paper, ...s.alsoTitled].flatMap((p) => (p.author ? [nameIdAt.get(p.author.start)].filter((x): x is string => Boolean(x)) : []));
      const prefix = [s.paper, ...s.alsoTitled].map((p) => p.prefix && nameIdAt.get(p.prefix.start)).find(Boolean);
      return [{ section: s, paperId, authorIds: authors, leadId: prefix ?? undefined }];
    });
    sectionRelations(text, sectionInputs, placed, sentences, sink, bySentence);
    this.linkOrgLabs(accepted, placed, nameIdAt, sentenceOf, sink);

    const entities = this.records(doc, resolved, sentences, sentenceOf);
    const relations = [...sink.records(), ...coMentions(doc.id, bySentence, sentences)].sort(compareRelations);
    const trustedHere = trustedIds(resolved);
    for (const e of entities) if (this.trusted.has(e.id) || trustedHere.has(e.id)) this.learn({ id: e.id, name: e.name, type: e.type, aliases: e.aliases });
    // Listed-only entities are not learnt: a front-matter slug is no evidence of how the text writes a name.
    for (const e of entities) e.trusted = this.trusted.has(e.id);
    const { facts, listedOnly } = resolveFacts(doc, this.registry, entities);
    return { entities: [...entities, ...listedOnly].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), relations, facts };
  }

  private typeOf(name: string): EntityType | undefined {
    for (const type of ['Method', 'Benchmark', 'Model', 'Lab', 'Tool', 'Dataset'] as const) {
      const ref = this.registry.peek(name, type);
      if (ref) return ref.type;
    }
    return undefined;
  }

  /** Capitalised runs not claimed by any rule, checked against known names glued or misspelt. */
  private misspellings(text: string, candidates: Candidate[]): Candidate[] {
    const free = spanFinder(candidates.filter((c) => c.type !== 'Paper'));
    // The registry does not change while a document's runs are checked: each (surface, type) is looked up once.
    const lookups = new Map<string, { exact?: EntityRef; fuzzy?: EntityRef }>();
    const out: Candidate[] = [];
    TITLE_RUN.lastIndex = 0;
    for (let m = TITLE_RUN.exec(text); m; m = TITLE_RUN.exec(text)) {
      const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], start: m!.index + w.index! }));
      let i = 0;
      while (i < words.length) {
        let matched = 0;
        const family = this.misspeltFamily(words, i, text);
        if (family && free(family.start, family.end)) {
          out.push(family);
          i += 2;
          continue;
        }
        for (let n = Math.min(3, words.length - i); n >= 1 && !matched; n--) {
          const first = words[i]!;
          const last = words[i + n - 1]!;
          const start = first.start;
          const end = last.start + last.text.replace(/['’]s$|[.,'’]+$/u, '').length;
          const surface = text.slice(start, end);
          if (surface.length < 4 || !free(start, end)) continue;
          for (const type of FUZZY_CHECK) {
            if (type === 'Person' && n === 1) continue;
            const key = `${type}|${n > 1 ? 'n' : '1'}|${first.text}|${surface}`;
            let found = lookups.get(key);
            if (!found) {
              const peeked = n > 1 ? this.registry.peek(surface, type) : undefined;
              // "open AI" glues into one known word; "towards AI" is not a spelling of "Towards AI".
              const exact = peeked && (/^\p{Lu}/u.test(surface) || !/\s/.test(peeked.name)) ? peeked : undefined;
              found = { exact, fuzzy: exact || STOP_WORDS.has(first.text) || !/^\p{Lu}/u.test(surface) || (n === 1 && isEnglishWord(surface)) ? undefined : this.registry.fuzzy(surface, type) };
              lookups.set(key, found);
            }
            const exact = found.exact;
            const ref = exact ?? found.fuzzy;
            // Only names first found on strong evidence spread: a weak guess must not recruit look-alikes.
            if (!ref || (!this.trusted.has(ref.id) && this.registry.get(ref.id))) continue;
            out.push({ start, end, surface, type: ref.type, reason: exact ? 'glued-variant' : 'misspelling-of-known', strength: 1 });
            matched = n;
            break;
          }
        }
        i += matched || 1;
      }
    }
    return out;
  }

  /** "Lama 4", "Gemma 3.1": a model family word one edit away from a known family, then a version. */
  private misspeltFamily(words: Array<{ text: string; start: number }>, i: number, text: string): Candidate | undefined {
    const word = words[i]!;
    const version = words[i + 1];
    if (!version || !/^\d+(?:\.\d+)*$/.test(version.text.replace(/[.,]$/, '')) || word.text.length < 4) return undefined;
    if (MODEL_FAMILIES.includes(word.text)) return undefined;
    const family = MODEL_FAMILIES.find((f) => f.length >= 4 && isMisspelling(word.text, f) || (Math.abs(f.length - word.text.length) <= 1 && f[0]!.toLowerCase() === word.text[0]!.toLowerCase() && editDistance(f.toLowerCase(), word.text.toLowerCase(), 1) <= 1));
    if (!family) return undefined;
    const v = version.text.replace(/[.,]$/, '');
    const end = version.start + v.length;
    return { start: word.start, end, surface: text.slice(word.start, end), type: 'Model', reason: 'misspelt-model-family', strength: 1, canonical: `${family} ${v}` };
  }

  /** A lone first name is kept only when it names someone already found in full in this document. */
  private dropLoneFirstNames(accepted: Candidate[]): Candidate[] {
    const fullNames = accepted.filter((c) => c.type === 'Person' && c.surface.includes(' '));
    return accepted.flatMap((c) => {
      if (c.type !== 'Person' || c.surface.includes(' ')) return [c];
      const owner = fullNames.filter((f) => f.surface.split(' ').includes(c.surface));
      const uniq = [...new Set(owner.map((o) => o.surface))];
      if (uniq.length === 1) return [{ ...c, surface: uniq[0]! }];
      // Cited surnames and role-introduced first names stand on their own.
      return c.standsAlone || c.reason === 'et-al-citation' || c.reason === 'role-before-name' ? [c] : [];
    });
  }

  /** Later occurrences of every name this document resolved ("Open AI" once known means all of them). */
  private repeatMentions(text: string, resolved: Resolved[]): void {
    const local = new Gazetteer();
    const ids = new Set(resolved.map((r) => r.id));
    // "R1" after "DeepSeek-R1", "K2" after "Kimi K2": a model named here goes by its version alone later on.
    const shortNames = new Map<string, string | null>();
    for (const id of ids) {
      const ref = this.registry.get(id)!;
      if (ref.type === 'Paper') continue;
      for (const surface of [ref.name, ...this.registry.aliasesOf(id)]) {
        if (surface.length < 2 || (ref.type === 'Person' && !surface.includes(' '))) continue;
        local.add({ surface, type: ref.type, caseSensitive: isAcronym(surface), reason: 'repeat-mention' });
      }
      const short = ref.type === 'Model' ? familyDropped(ref.name) : undefined;
      if (short) shortNames.set(short, shortNames.has(short) && shortNames.get(short) !== id ? null : id);
    }
    for (const [surface, id] of shortNames) if (id && !this.registry.peek(surface, 'Model')) local.add({ surface, type: 'Model', caseSensitive: true, reason: 'family-dropped-name' });
    for (const hit of local.scan(text)) {
      const clashes = resolved.filter((r) => r.type !== 'Paper' && hit.start < r.end && r.start < hit.end);
      // A longer known name replaces the shorter ones inside it ("LoRA Soup" over "LoRA").
      if (clashes.some((r) => r.start < hit.start || r.end > hit.end || (r.start === hit.start && r.end === hit.end))) continue;
      if (hit.phrase.reason === 'family-dropped-name') {
        const id = shortNames.get(text.slice(hit.start, hit.end));
        if (!id || clashes.length) continue;
        resolved.push({ id, type: 'Model', start: hit.start, end: hit.end, reason: 'family-dropped-name', strength: 0 });
        continue;
      }
      const ref = this.registry.peek(text.slice(hit.start, hit.end), hit.phrase.type);
      if (!ref || !ids.has(ref.id)) continue;
      for (const r of clashes) resolved.splice(resolved.indexOf(r), 1);
      resolved.push({ id: ref.id, type: ref.type, start: hit.start, end: hit.end, reason: 'repeat-mention', strength: 0 });
    }
  }

  /** huggingface.co/{org}/{model}: the model comes from the org's lab, when the text names that lab too. */
  private linkOrgLabs(accepted: Candidate[], placed: Placed[], nameIdAt: Map<number, string>, sentenceOf: (pos: number) => number, sink: RelationSink): void {
    const labsHere = new Set(placed.filter((p) => p.type === 'Lab').map((p) => p.id));
    for (const c of accepted) {
      if (!c.org) continue;
      const model = nameIdAt.get(c.start);
      const lab = this.registry.peek(c.org, 'Lab') ?? this.registry.peek(c.org.replace(/[-_]+/g, ' '), 'Lab');
      if (model && lab && labsHere.has(lab.id)) sink.add(model, 'FROM_LAB', lab.id, sentenceOf(c.start), c.reason);
    }
  }

  /** "DeepSeek R1", "Google Gemini": a model named after its lab comes from it. */
  private modelLabPrefixes(text: string, placed: Placed[], resolved: Resolved[], sink: RelationSink): void {
    const labsHere = new Set(placed.filter((p) => p.type === 'Lab').map((p) => p.id));
    for (const p of [...placed]) {
      if (p.type !== 'Model') continue;
      const first = /^[\p{L}\p{N}]+/u.exec(text.slice(p.start, p.end))?.[0];
      if (!first || first.length === p.end - p.start) continue;
      const lab = this.registry.peek(first, 'Lab');
      // Only a lab the document also names on its own: "DeepSeek-R1" alone does not make DeepSeek a topic.
      if (!lab || !labsHere.has(lab.id)) continue;
      const entity = this.registry.resolve(first, 'Lab');
      resolved.push({ id: entity.id, type: 'Lab', start: p.start, end: p.start + first.length, reason: 'lab-prefixed-model-name', strength: 1 });
      placed.push({ id: entity.id, type: 'Lab', start: p.start, end: p.start + first.length, sentence: p.sentence });
      sink.add(p.id, 'FROM_LAB', entity.id, p.sentence, 'lab-prefixed-model-name');
    }
  }

  private records(doc: DocumentRecord, resolved: Resolved[], sentences: Sentence[], sentenceOf: (pos: number) => number): EntityRecord[] {
    const byId = new Map<string, MentionRecord[]>();
    const seen = new Set<string>();
    for (const r of [...resolved].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const key = `${r.id}@${r.start}:${r.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A title like "Is X a Y? A Survey" spans two sentences: the mention's sentence is their union.
      const first = sentences[sentenceOf(r.start)]!;
      const last = sentences[sentenceOf(Math.max(r.start, r.end - 1))]!;
      const list = byId.get(r.id) ?? [];
      list.push({ documentId: doc.id, start: r.start, end: r.end, text: doc.text.slice(r.start, r.end), sentenceStart: first.start, sentenceEnd: Math.max(first.end, last.end), reason: r.reason });
      byId.set(r.id, list);
    }
    return [...byId.entries()]
      .map(([id, mentions]) => {
        const ref = this.registry.get(id)!;
        return { id, name: ref.name, type: ref.type, aliases: this.registry.aliasesOf(id), mentions };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Entities one strong rule, or two different rules, found in this document (one pass over its mentions). */
function trustedIds(resolved: Resolved[]): Set<string> {
  const out = new Set<string>();
  const reasons = new Map<string, Set<string>>();
  for (const r of resolved) {
    if (r.reason === 'repeat-mention' || out.has(r.id)) continue;
    const seen = reasons.get(r.id) ?? new Set<string>();
    seen.add(r.reason);
    reasons.set(r.id, seen);
    if (r.strength >= TRUSTED_STRENGTH || seen.size >= 2) out.add(r.id);
  }
  return out;
}

/**
 * `free(start, end)`: no span overlaps [start, end). Spans sorted by start with a running maximum of their ends,
 * so a check is a binary search rather than a walk over every candidate of the document.
 */
function spanFinder(spans: Array<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const sorted = spans.map((c) => [c.start, c.end] as const).sort((a, b) => a[0] - b[0]);
  const maxEnd: number[] = [];
  for (const [, e] of sorted) maxEnd.push(Math.max(e, maxEnd.at(-1) ?? -Infinity));
  return (start, end) => {
    // Spans starting before `end` are sorted[0 .. lo); one of them overlaps iff the largest of their ends passes `start`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || maxEnd[lo - 1]! <= start;
  };
}

function sentenceLocator(sentences: Sentence[]): (pos: number) => number {
  return (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function compareRelations(a: RelationRecord, b: RelationRecord): number {
  const ka = `${a.type}\u0000${a.source}\u0000${a.target}`;
  const kb = `${b.type}\u0000${b.source}\u0000${b.target}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Extracts every document with one shared registry and merges entities across documents. */
export function extractAll(docs: DocumentRecord[], known: KnownEntity[] = []): Extraction {
  if (!Array.isArray(docs)) throw new TypeError(`extractAll expects an array of documents, got ${typeof docs}`);
  const extractor = new Extractor(known);
  const merged = new Map<string, EntityRecord>();
  const relations: RelationRecord[] = [];
  const facts: FactLink[] = [];
  for (const doc of docs) {
    const out = extractor.extract(doc);
    facts.push(...out.facts);
    for (const e of out.entities) {
      const prev = merged.get(e.id);
      if (prev) {
        prev.mentions.push(...e.mentions);
        prev.trusted = Boolean(prev.trusted || e.trusted);
      } else merged.set(e.id, { ...e, mentions: [...e.mentions] });
    }
    relations.push(...out.relations);
  }
  const finalAliases = new Map(extractor.known().map((k) => [k.id, k.aliases]));
  const entities = [...merged.values()]
    .map((e) => ({ ...e, aliases: finalAliases.get(e.id) ?? e.aliases }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { documents: docs, entities, relations, facts };
}

/** What a model name is without its family or maker word ("DeepSeek-R1" → "R1", "Kimi K2.5" → "K2.5"), if coined. */
function familyDropped(name: string): string | undefined {
  const family = MODEL_FAMILIES.find((f) => name.length > f.length + 1 && name.startsWith(f) && /[\s-]/.test(name[f.length]!));
  if (!family) return undefined;
  const rest = name.slice(family.length + 1);
  // A version with a letter in front ("R1", "V4 Pro", "K2"), never a bare number or size ("3.1", "70B").
  return /^\p{Lu}\d+(?:\.\d+)?(?:\s\p{Lu}[\p{Ll}]+)?$/u.test(rest) ? rest : undefined;
}
