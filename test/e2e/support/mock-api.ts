/**
 * A stand-in for the real API, used only while developing the explorer (Vite dev server with MOCK_API=1) and by
 * the E2E suite when the real server cannot start yet (no extractor / routes). It implements contract/api.ts on
 * top of the seed corpus (read with the project's own readers) and the hand annotation in test/gold/seeds.json:
 * mentions are found by case-insensitive whole-word matching of names and aliases, relations come from the gold
 * triples with the first sentence holding both ends as evidence, co-mentions from shared sentences.
 * Cypher is not executed: a few recognisable shapes are answered from the in-memory graph.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type {
  CypherResponse,
  DocumentDetail,
  DocumentRef,
  DocumentSummary,
  EdgeData,
  EdgeResponse,
  EntityDetail,
  GraphElements,
  MentionItem,
  NodeData,
  PathsResponse,
  SearchHit,
  StatsResponse,
} from '../../../contract/api.ts';
import type { DocumentRecord, EntityType } from '../../../ingest/model.ts';
import { readInputs } from '../../../ingest/readers/index.ts';

interface MockMention { id: string; entityId: string; doc: DocumentRecord; start: number; end: number; text: string; sStart: number; sEnd: number }
interface MockEntity { id: string; name: string; type: EntityType; aliases: string[]; mentions: MockMention[] }
interface MockRel { source: string; target: string; type: string; doc: DocumentRecord; evidence: string; weight: number; reason: string }

interface Gold {
  files: Record<string, { entities: { name: string; type: EntityType; aliases: string[] }[]; relations: { source: string; type: string; target: string }[] }>;
}

const slug = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push([s, e]);
  }
  return out;
}

export interface MockApi {
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  docs: DocumentRecord[];
}

export async function createMockApi(corpusDir: string, goldPath: string): Promise<MockApi> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs([corpusDir])) if (o.kind === 'document') docs.push(o.doc);
  // Give undated issues a plausible date so the timeline has something to show.
  docs.forEach((d, i) => { if (!d.date) d.date = `2026-01-${String(5 + i * 7).padStart(2, '0')}`; });

  const entities = new Map<string, MockEntity>();
  const byName = new Map<string, string>();
  const rels: MockRel[] = [];
  for (const [file, ann] of Object.entries(gold.files)) {
    const doc = docs.find((d) => d.path.endsWith(file));
    if (!doc) continue;
    const sents = sentences(doc.text);
    for (const a of ann.entities) {
      const id = `${a.type}:${slug(a.name)}`;
      let e = entities.get(id);
      if (!e) entities.set(id, (e = { id, name: a.name, type: a.type, aliases: [...a.aliases], mentions: [] }));
      byName.set(a.name.toLowerCase(), id);
      for (const form of [a.name, ...a.aliases]) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(form)}(?![\\p{L}\\p{N}])`, 'giu');
        for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
          const start = m.index, end = m.index + m[0].length;
          if (e.mentions.some((x) => x.doc === doc && x.start < end && start < x.end)) continue;
          const s = sents.find(([a0, b0]) => a0 <= start && end <= b0) ?? [start, end];
          e.mentions.push({ id: `${doc.id}:${start}`, entityId: id, doc, start, end, text: m[0], sStart: s[0], sEnd: s[1] });
        }
      }
    }
    for (const r of ann.relations) {
      const source = byName.get(r.source.toLowerCase()), target = byName.get(r.target.toLowerCase());
      if (!source || !target) continue;
      const type = r.type.split('|')[0]!;
      const sm = entities.get(source)!.mentions.filter((m) => m.doc === doc);
      const tm = entities.get(target)!.mentions.filter((m) => m.doc === doc);
      const both = sm.find((m) => tm.some((t) => t.sStart === m.sStart));
      const evidence = both ? doc.text.slice(both.sStart, both.sEnd) : (sm[0] ? doc.text.slice(sm[0].sStart, sm[0].sEnd) : doc.title);
      rels.push({ source, target, type, doc, evidence, weight: 1, reason: `gold:${type.toLowerCase()}` });
    }
  }
  // Co-mentions: pairs sharing a sentence, per document.
  const co = new Map<string, MockRel>();
  for (const doc of docs) {
    const bySentence = new Map<number, Set<string>>();
    for (const e of entities.values()) for (const m of e.mentions) if (m.doc === doc) {
      let s = bySentence.get(m.sStart);
      if (!s) bySentence.set(m.sStart, (s = new Set()));
      s.add(e.id);
    }
    for (const [sStart, ids] of bySentence) {
      const list = [...ids].sort();
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}|${list[j]}|${doc.id}`;
        const c = co.get(key);
        if (c) c.weight++;
        else {
          const sEnd = entities.get(list[i]!)!.mentions.find((m) => m.doc === doc && m.sStart === sStart)!.sEnd;
          co.set(key, { source: list[i]!, target: list[j]!, type: 'CO_MENTIONED', doc, evidence: doc.text.slice(sStart, sEnd), weight: 1, reason: 'same sentence' });
        }
      }
    }
  }
  rels.push(...co.values());

  const ref = (d: DocumentRecord): DocumentRef => ({ id: d.id, title: d.title, publication: d.publication, issue: d.issue, date: d.date, url: d.url });
  const summary = (d: DocumentRecord): DocumentSummary => {
    const ms = [...entities.values()].flatMap((e) => e.mentions.filter((m) => m.doc === d));
    return { ...ref(d), path: d.path, wordCount: d.wordCount, mentionCount: ms.length, entityCount: new Set(ms.map((m) => m.entityId)).size };
  };
  const nodeOf = (e: MockEntity): { data: NodeData } => ({ data: { id: e.id, label: e.name, kind: 'entity', type: e.type, mentionCount: e.mentions.length } });
  const docNode = (d: DocumentRecord): { data: NodeData } => ({ data: { id: d.id, label: d.title.slice(0, 60), kind: 'document', type: 'Document', mentionCount: summary(d).mentionCount } });
  /** Relations merged per (source, target, type) as one canvas edge. */
  const edgeKey = (r: MockRel) => `${r.source}|${r.type}|${r.target}`;
  function edgesOf(list: MockRel[]): { data: EdgeData }[] {
    const m = new Map<string, EdgeData>();
    for (const r of list) {
      const k = edgeKey(r);
      const e = m.get(k);
      if (e) { e.weight += r.weight; e.evidenceCount++; }
      else m.set(k, { id: k, source: r.source, target: r.target, type: r.type, weight: r.weight, evidenceCount: 1, reason: r.reason });
    }
    return [...m.values()].map((data) => ({ data }));
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  }
  const err = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message } });

  function neighbors(id: string, types: string[] | undefined, relTypes: string[] | undefined, limit: number) {
    const touching = rels.filter((r) => (r.source === id || r.target === id) && (!relTypes || relTypes.includes(r.type)));
    const score = new Map<string, number>();
    for (const r of touching) {
      const other = r.source === id ? r.target : r.source;
      const t = entities.get(other)?.type;
      if (!t || (types && !types.includes(t))) continue;
      score.set(other, (score.get(other) ?? 0) + r.weight + (r.type === 'CO_MENTIONED' ? 0 : 5));
    }
    const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    const shown = new Set(ranked.slice(0, limit));
    const nodes = [nodeOf(entities.get(id)!), ...[...shown].map((k) => nodeOf(entities.get(k)!))];
    const edges = edgesOf(touching.filter((r) => shown.has(r.source === id ? r.target : r.source)));
    return { center: id, elements: { nodes, edges }, total: ranked.length, more: Math.max(0, ranked.length - shown.size) };
  }

  function shortestPaths(from: string, to: string, maxHops: number, limit: number): string[][] {
    // Adjacency over entities and documents (a document links to the entities it mentions).
    const adj = new Map<string, Set<string>>();
    const link = (a: string, b: string) => {
      if (!adj.has(a)) adj.set(a, new Set());
      if (!adj.has(b)) adj.set(b, new Set());
      adj.get(a)!.add(b);
      adj.get(b)!.add(a);
    };
    for (const r of rels) link(r.source, r.target);
    const isDoc = (x: string) => docs.some((d) => d.id === x);
    for (const e of entities.values()) for (const m of e.mentions) if (m.doc.id === from || m.doc.id === to) link(m.doc.id, e.id);
    const out: string[][] = [];
    let frontier: string[][] = [[from]];
    for (let hop = 0; hop < maxHops && out.length === 0; hop++) {
      const next: string[][] = [];
      for (const p of frontier) for (const n of adj.get(p[p.length - 1]!) ?? []) {
        if (p.includes(n) || (isDoc(n) && n !== to)) continue;
        const q = [...p, n];
        if (n === to) out.push(q);
        else next.push(q);
      }
      frontier = next.slice(0, 5000);
    }
    return out.slice(0, limit);
  }

  async function handleApi(path: string, url: URL, req: IncomingMessage, res: ServerResponse) {
    const q = (k: string) => url.searchParams.get(k) ?? undefined;
    const csv = (k: string) => q(k)?.split(',').filter(Boolean);
    const lim = (def: number) => Number(q('limit') ?? def);
    let m: RegExpMatchArray | null;
    if (path === '/health') {
      return send(res, 200, { status: 'ok', neo4j: { version: 'mock', edition: 'mock', source: 'embedded' }, counts: { nodes: entities.size + docs.length, relationships: rels.length, documents: docs.length, entities: entities.size } });
    }
    if (path === '/stats') {
      const count = <K extends string>(key: K, xs: string[]) => {
        const c = new Map<string, number>();
        for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
        return [...c].map(([k, n]) => ({ [key]: k, count: n }) as Record<K, string> & { count: number });
      };
      const body: StatsResponse = {
        entitiesByType: count('type', [...entities.values()].map((e) => e.type)),
        relationsByType: count('type', rels.map((r) => r.type)),
        documentsByPublication: count('publication', docs.map((d) => d.publication ?? 'unknown')),
        documentsByMonth: count('month', docs.map((d) => d.date?.slice(0, 7) ?? 'unknown')),
      };
      return send(res, 200, body);
    }
    if (path === '/search') {
      const text = (q('q') ?? '').trim().toLowerCase();
      if (!text) return err(res, 400, 'BAD_REQUEST', 'q: Too small: expected string to have >=1 characters');
      const types = csv('types');
      const hits: SearchHit[] = [...entities.values()]
        .filter((e) => !types || types.includes(e.type))
        .map((e) => {
          const names = [e.name, ...e.aliases].map((n) => n.toLowerCase());
          const score = names.some((n) => n === text) ? 3 : names.some((n) => n.startsWith(text)) ? 2 : names.some((n) => n.includes(text)) ? 1 : 0;
          return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentionCount: e.mentions.length, score };
        })
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || b.mentionCount - a.mentionCount)
        .slice(0, lim(10));
      return send(res, 200, { query: text, hits });
    }
    if ((m = path.match(/^\/entities\/([^/]+)(\/[a-z]+)?$/))) {
      const id = decodeURIComponent(m[1]!);
      const e = entities.get(id);
      if (!e) return err(res, 404, 'NOT_FOUND', `entity "${id}" not found`);
      const sub = m[2];
      if (!sub) {
        const ds = [...new Set(e.mentions.map((x) => x.doc))].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
        const rc = new Map<string, number>();
        for (const r of rels) if (r.type !== 'CO_MENTIONED') {
          if (r.source === id) rc.set(`${r.type}|out`, (rc.get(`${r.type}|out`) ?? 0) + 1);
          if (r.target === id) rc.set(`${r.type}|in`, (rc.get(`${r.type}|in`) ?? 0) + 1);
        }
        const body: EntityDetail = {
          id, name: e.name, type: e.type, aliases: e.aliases, mentionCount: e.mentions.length, documentCount: ds.length,
          firstSeen: ds[0] ? ref(ds[0]) : null, lastSeen: ds.length ? ref(ds[ds.length - 1]!) : null,
          relationCounts: [...rc].map(([k, count]) => ({ type: k.split('|')[0]!, direction: k.split('|')[1] as 'out' | 'in', count })),
        };
        return send(res, 200, body);
      }
      if (sub === '/mentions') {
        const limit = lim(50), offset = Number(q('offset') ?? 0);
        const all = [...e.mentions].sort((a, b) => (a.doc.date ?? '').localeCompare(b.doc.date ?? '') || a.start - b.start);
        const mentions: MentionItem[] = all.slice(offset, offset + limit).map((x) => ({
          id: x.id, document: ref(x.doc), text: x.text, start: x.start, end: x.end, sentence: x.doc.text.slice(x.sStart, x.sEnd),
          highlightStart: x.start - x.sStart, highlightEnd: x.end - x.sStart, reason: 'gold-name-match',
        }));
        return send(res, 200, { entityId: id, total: all.length, limit, offset, mentions });
      }
      if (sub === '/neighbors') return send(res, 200, neighbors(id, csv('types'), csv('relTypes'), lim(25)));
      if (sub === '/timeline') {
        const c = new Map<DocumentRecord, number>();
        for (const x of e.mentions) c.set(x.doc, (c.get(x.doc) ?? 0) + 1);
        return send(res, 200, { entityId: id, points: [...c].sort((a, b) => (a[0].date ?? '').localeCompare(b[0].date ?? '')).map(([d, count]) => ({ document: ref(d), count })) });
      }
    }
    if (path === '/edges') {
      const s = q('source'), t = q('target'), type = q('type');
      const items = rels.filter((r) => ((r.source === s && r.target === t) || (r.source === t && r.target === s)) && (!type || r.type === type));
      const body: EdgeResponse = { source: s!, target: t!, total: items.length, items: items.slice(0, lim(20)).map((r) => ({ type: r.type, source: r.source, target: r.target, reason: r.reason, evidence: r.evidence, document: ref(r.doc), weight: r.weight })) };
      return send(res, 200, body);
    }
    if (path === '/documents') {
      return send(res, 200, { total: docs.length, documents: [...docs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).map(summary) });
    }
    if (path === '/documents/dates') {
      const days = new Map<string, number>();
      for (const d of docs) if (d.date) days.set(d.date, (days.get(d.date) ?? 0) + 1);
      return send(res, 200, { days: [...days].sort().map(([date, count]) => ({ date, count })), undated: docs.filter((d) => !d.date).length });
    }
    if ((m = path.match(/^\/documents\/([^/]+)\/graph$/))) {
      const d = docs.find((x) => x.id === decodeURIComponent(m![1]!));
      if (!d) return err(res, 404, 'NOT_FOUND', `document "${m[1]}" not found`);
      const mentioned = [...entities.values()].filter((e) => e.mentions.some((x) => x.doc === d)).slice(0, lim(40));
      const ids = new Set(mentioned.map((e) => e.id));
      const nodes = [docNode(d), ...mentioned.map(nodeOf)];
      const edges = [
        ...mentioned.map((e) => ({ data: { id: `${d.id}|MENTIONS|${e.id}`, source: d.id, target: e.id, type: 'MENTIONS', weight: 1, evidenceCount: 1 } })),
        ...edgesOf(rels.filter((r) => r.doc === d && r.type !== 'CO_MENTIONED' && ids.has(r.source) && ids.has(r.target))),
      ];
      return send(res, 200, { document: ref(d), elements: { nodes, edges }, total: mentioned.length, more: 0 });
    }
    if ((m = path.match(/^\/documents\/([^/]+)$/))) {
      const d = docs.find((x) => x.id === decodeURIComponent(m![1]!));
      if (!d) return err(res, 404, 'NOT_FOUND', `document "${m[1]}" not found`);
      const ms = [...entities.values()].flatMap((e) => e.mentions.filter((x) => x.doc === d).map((x) => ({ e, x })));
      const body: DocumentDetail = {
        document: { ...summary(d), text: d.text },
        mentions: ms.map(({ e, x }) => ({ id: x.id, entityId: e.id, start: x.start, end: x.end, text: x.text })).sort((a, b) => a.start - b.start),
        entities: [...new Set(ms.map(({ e }) => e))].map((e) => ({ id: e.id, name: e.name, type: e.type, count: e.mentions.filter((x) => x.doc === d).length })),
      };
      return send(res, 200, body);
    }
    if (path === '/paths') {
      const from = q('from')!, to = q('to')!;
      const known = (x: string) => entities.has(x) || docs.some((d) => d.id === x);
      if (!known(from) || !known(to)) return err(res, 404, 'NOT_FOUND', `node "${known(from) ? to : from}" not found`);
      const paths = shortestPaths(from, to, Number(q('maxHops') ?? 4), lim(5));
      const nodeIds = new Set(paths.flat());
      const nodes = [...nodeIds].map((x) => (entities.has(x) ? nodeOf(entities.get(x)!) : docNode(docs.find((d) => d.id === x)!)));
      const stepOf = (a: string, b: string) => {
        const r = rels.find((x) => (x.source === a && x.target === b) || (x.source === b && x.target === a));
        if (r) return { source: r.source, target: r.target, type: r.type, evidence: r.evidence, document: ref(r.doc) };
        const d = docs.find((x) => x.id === a || x.id === b)!;
        const ent = entities.get(a === d.id ? b : a)!;
        const mm = ent.mentions.find((x) => x.doc === d);
        return { source: d.id, target: ent.id, type: 'MENTIONS', evidence: mm ? d.text.slice(mm.sStart, mm.sEnd) : null, document: ref(d) };
      };
      const allSteps = paths.map((p) => p.slice(1).map((n, i) => stepOf(p[i]!, n)));
      const edges: { data: EdgeData }[] = [];
      const seen = new Set<string>();
      for (const st of allSteps.flat()) {
        const id = `${st.source}|${st.type}|${st.target}`;
        if (seen.has(id)) continue;
        seen.add(id);
        edges.push({ data: { id, source: st.source, target: st.target, type: st.type, weight: 1, evidenceCount: 1 } });
      }
      const fromDoc = docs.find((d) => d.id === from), toDoc = docs.find((d) => d.id === to);
      const shared = fromDoc && toDoc
        ? [...entities.values()].map((e) => ({ id: e.id, name: e.name, type: e.type, fromCount: e.mentions.filter((x) => x.doc === fromDoc).length, toCount: e.mentions.filter((x) => x.doc === toDoc).length }))
            .filter((s) => s.fromCount > 0 && s.toCount > 0).sort((a, b) => b.fromCount + b.toCount - a.fromCount - a.toCount)
        : [];
      const body: PathsResponse = { from, to, paths: paths.map((p, i) => ({ length: p.length - 1, nodes: p, steps: allSteps[i]! })), elements: { nodes, edges }, shared };
      return send(res, 200, body);
    }
    if (path === '/cypher' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      let body: { query?: string; params?: Record<string, unknown> };
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'); } catch { return err(res, 400, 'BAD_REQUEST', 'invalid JSON body'); }
      const query = (body.query ?? '').trim();
      if (!query) return err(res, 400, 'BAD_REQUEST', 'query: Too small: expected string to have >=1 characters');
      if (/\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP)\b/i.test(query)) return err(res, 400, 'WRITE_REFUSED', 'The console is read-only: write clauses (CREATE, MERGE, DELETE, SET, REMOVE, DROP) are refused.');
      if (/^\s*MATCH\s*$|\)\s*\(/.test(query) || !/\b(MATCH|CALL|RETURN)\b/i.test(query)) return err(res, 400, 'CYPHER_SYNTAX', `Invalid input '${query.slice(0, 20)}': expected MATCH, CALL or RETURN (line 1, column 1)`);
      const started = Date.now();
      const reply = (columns: string[], rows: unknown[][], graph: GraphElements): void => {
        const out: CypherResponse = { columns, rows, graph, summary: { queryType: 'r', timeMs: Date.now() - started, rowCount: rows.length, truncated: false } };
        send(res, 200, out);
      };
      if (/db\.labels/i.test(query)) return reply(['label'], [...new Set([...entities.values()].map((e) => e.type)), 'Document', 'Entity', 'Mention'].map((l) => [l]), { nodes: [], edges: [] });
      if (/db\.relationshipTypes/i.test(query)) return reply(['relationshipType'], [...new Set([...rels.map((r) => r.type), 'MENTIONS', 'IN_DOCUMENT'])].map((l) => [l]), { nodes: [], edges: [] });
      if (/db\.propertyKeys/i.test(query)) return reply(['propertyKey'], ['id', 'name', 'type', 'aliases', 'title', 'publication', 'issue', 'date', 'text', 'reason', 'evidence', 'weight'].map((l) => [l]), { nodes: [], edges: [] });
      if (/:MENTIONS\b/.test(query)) {
        const names = Object.values(body.params ?? {}).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
        const ents = [...entities.values()].filter((e) => names.includes(e.name.toLowerCase()));
        const pairs = ents.flatMap((e) => [...new Set(e.mentions.map((m) => m.doc))].map((d) => ({ e, d, n: e.mentions.filter((m) => m.doc === d).length })));
        const graph = {
          nodes: [...ents.map(nodeOf), ...[...new Set(pairs.map((p) => p.d))].map(docNode)],
          edges: pairs.map(({ e, d, n }) => ({ data: { id: `${d.id}|MENTIONS|${e.id}`, source: d.id, target: e.id, type: 'MENTIONS', weight: n, evidenceCount: n } })),
        };
        return reply(['d', 'r', 'e'], pairs.map(({ e, d, n }) => [d.title, n, e.name]), graph);
      }
      // Graph-shaped answer: the relations whose type (and end labels) the query names.
      const relTypes = [...new Set(rels.map((r) => r.type))].filter((t) => new RegExp(`:\\s*${t}\\b`).test(query));
      const labels = [...new Set([...entities.values()].map((e) => e.type))].filter((t) => new RegExp(`:\\s*${t}\\b`).test(query));
      const nameMatch = [...query.matchAll(/name\s*:\s*['"]([^'"]+)['"]|['"]([^'"]+)['"]/g)].map((x) => (x[1] ?? x[2] ?? '').toLowerCase());
      const param = Object.values(body.params ?? {}).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
      const names = [...nameMatch, ...param];
      let picked = rels.filter((r) => r.type !== 'CO_MENTIONED' && (relTypes.length === 0 || relTypes.includes(r.type)));
      if (labels.length) picked = picked.filter((r) => labels.includes(entities.get(r.source)!.type) || labels.includes(entities.get(r.target)!.type));
      if (names.length) picked = picked.filter((r) => names.some((n) => entities.get(r.source)!.name.toLowerCase() === n || entities.get(r.target)!.name.toLowerCase() === n));
      const ids = new Set(picked.flatMap((r) => [r.source, r.target]));
      const graph = { nodes: [...ids].map((x) => nodeOf(entities.get(x)!)), edges: edgesOf(picked) };
      return reply(['a', 'r', 'b'], picked.slice(0, 200).map((r) => [entities.get(r.source)!.name, r.type, entities.get(r.target)!.name]), graph);
    }
    return err(res, 404, 'NOT_FOUND', `no route ${req.method} /api${path}`);
  }

  return {
    docs,
    handle(req, res, next) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/api/')) return next();
      handleApi(url.pathname.slice(4), url, req, res).catch((e: Error) => err(res, 500, 'INTERNAL', e.message));
    },
  };
}

export function defaultMockPaths(root: string): { corpusDir: string; goldPath: string } {
  return { corpusDir: join(root, '..', 'shared', 'corpus', 'seeds'), goldPath: join(root, 'test', 'gold', 'seeds.json') };
}
