/**
 * The MCP server: tools and resources over the API's own services (server/services), so an assistant sees
 * exactly what the explorer shows — no second set of queries. Each tool answers with text to quote (sentences
 * verbatim, with the issue they come from) and the same data as structuredContent, typed by its outputSchema.
 * Transports live elsewhere: mcp/stdio.ts (`npm run mcp`) and mcp/http.ts (/mcp on the explorer's server).
 */
import { McpError, type CallToolResult, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import {
  CypherRequest,
  CypherResponse,
  DocumentsResponse,
  EntityDetail,
  EntityTypeEnum,
  IdParam,
  IsoDate,
  MentionsResponse,
  PathStep,
  PathsResponse,
  RelationTypeEnum,
  SearchResponse,
  TrendsResponse,
  type DocumentDetail,
} from '../contract/api.ts';
import type { Config } from '../core/config.ts';
import { HttpError } from '../server/errors.ts';
import { runConsoleQuery } from '../server/services/cypher-console.ts';
import { getDocument, listDocuments } from '../server/services/documents.ts';
import { getEntity, getEntityMentions, getEntityNeighbors } from '../server/services/entities.ts';
import { findPaths } from '../server/services/paths.ts';
import { searchEntities } from '../server/services/search.ts';
import { getTrends } from '../server/services/trends.ts';
import { errorText, toolError, type RateLimiter } from './errors.ts';
import { compactJson, issueCite, issueLabel, lines, plural, quote, range } from './format.ts';

export interface McpDeps {
  /** The app's one driver; the stdio server connects lazily (mcp/connection.ts). */
  driver: () => Promise<Driver>;
  config: Pick<Config, 'CYPHER_TIMEOUT_MS' | 'CYPHER_MAX_ROWS' | 'CYPHER_RATE_LIMIT'>;
  log: (msg: string) => void;
  /** run_cypher's per-minute limit (CYPHER_RATE_LIMIT), shared by all server instances of one transport. */
  cypherLimiter: RateLimiter;
  /** Whose calls these are, for the rate limit ('stdio', or the HTTP client's address). */
  clientKey: string;
}

export const SERVER_INFO = { name: 'newsletter-kg', title: 'Newsletter knowledge graph', version: '0.1.0' };

const INSTRUCTIONS = `A knowledge graph of AI/ML newsletter issues: entities (Paper, Lab, Person, Method, Benchmark, Model, Tool, Dataset),
the typed relations between them (PROPOSES, INTRODUCES, IMPROVES_ON, VARIANT_OF, COMPARED_WITH, EVALUATED_ON, AUTHORED_BY,
FROM_LAB, AFFILIATED_WITH, USES; CO_MENTIONED = named in the same sentence) and every mention with its sentence and issue.
Entity ids look like "Method:grpo"; find them with search_entities. Issue ids come from list_issues. Quote the sentences
returned, with their issue, when you make a claim. Dates are YYYY-MM-DD; undated issues have no place in time.`;

/** A shown page of rows in run_cypher's text (all rows, up to CYPHER_MAX_ROWS, are in structuredContent). */
const CYPHER_TEXT_ROWS = 50;

const EntityRef = z.object({ id: z.string(), name: z.string(), type: z.string() });
const NodeRef = z.object({ id: z.string(), label: z.string(), kind: z.enum(['entity', 'document']), type: z.string() });
type NodeRef = z.infer<typeof NodeRef>;

// ---------- inputs (native JSON types; the REST routes take the same values as query strings) ----------
const entityId = IdParam.describe('Entity id as returned by search_entities, e.g. "Method:grpo" or "Lab:openai"');
const types = z.array(EntityTypeEnum).min(1).max(8).optional().describe('Only these entity types');
const from = (what: string) => IsoDate.describe(`${what} (YYYY-MM-DD, included)`);

const SearchInput = z.object({
  query: z.string().trim().min(1).max(200).describe('A name or part of one: "GRPO", "nathan lambert", "deepseek"; prefixes and small typos match'),
  types,
  from: from('Only entities mentioned in an issue dated on or after this day').optional(),
  to: from('Only entities mentioned in an issue dated on or before this day').optional(),
  limit: z.number().int().min(1).max(100).default(10).describe('Hits to return (best first)'),
});
const EntityInput = z.object({ id: entityId });
const MentionsInput = z.object({
  id: entityId,
  limit: z.number().int().min(1).max(200).default(25).describe('Mentions per page'),
  offset: z.number().int().min(0).max(1_000_000).default(0).describe('Mentions to skip (for the next page)'),
});
const NeighborsInput = z.object({
  id: entityId,
  types: types.describe('Only neighbours of these entity types'),
  relationTypes: z.array(RelationTypeEnum).min(1).max(11).optional().describe('Only these relations (CO_MENTIONED: same sentence)'),
  limit: z.number().int().min(1).max(200).default(20).describe('Neighbours to return, strongest first'),
});
const PathsInput = z.object({
  from: IdParam.describe('An entity id ("Method:grpo") or an issue id (from list_issues)'),
  to: IdParam.describe('An entity id or an issue id'),
  maxHops: z.number().int().min(1).max(8).default(4).describe('Longest path to look for, in steps'),
  limit: z.number().int().min(1).max(25).default(3).describe('Paths to return (shortest first)'),
  coMentions: z.boolean().default(true).describe('Allow steps through sentence co-mentions (issues often connect only through them)'),
});
const TrendsInput = z.object({
  from: from('First day of the period'),
  to: from('Last day of the period'),
  types,
  limit: z.number().int().min(1).max(100).default(10).describe('Items per list'),
});
const IssuesInput = z.object({
  query: z.string().trim().max(200).optional().describe('Text in the title, publication, issue number or file name'),
  publication: z.string().max(200).optional().describe('Exact publication name, e.g. "The Tokenizer"'),
  sort: z.enum(['date', 'title', 'publication', 'mentions']).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

// ---------- outputs ----------
const MentionsOutput = MentionsResponse.extend({ entity: EntityRef });
const NeighborsOutput = z.object({
  center: EntityRef.extend({ mentionCount: z.number().int().optional() }),
  /** Neighbours matching the filters in all; `neighbors` holds the strongest `limit` of them. */
  total: z.number().int(),
  more: z.number().int(),
  neighbors: z.array(
    EntityRef.extend({
      mentionCount: z.number().int().optional(),
      relations: z.array(z.object({ type: z.string(), direction: z.enum(['out', 'in']), weight: z.number(), evidenceCount: z.number().int() })),
    }),
  ),
});
const PathsOutput = z.object({
  from: NodeRef,
  to: NodeRef,
  paths: z.array(z.object({ length: z.number().int(), nodes: z.array(NodeRef), steps: z.array(PathStep) })),
  shared: PathsResponse.shape.shared,
});
const CypherOutput = CypherResponse.pick({ columns: true, rows: true, summary: true });

type Answer = { text: string; data: Record<string, unknown> };

const badInput = (message: string) => new HttpError(400, 'invalid_request', message);
const checkRange = (a?: string, b?: string) => {
  if (a && b && a > b) throw badInput(`Invalid input: from (${a}) must not be after to (${b})`);
};

export const issueUri = (id: string) => `issue://${encodeURIComponent(id)}`;

function issueText(d: DocumentDetail): string {
  const doc = d.document;
  const top = d.entities.slice(0, 40).map((e) => `${e.name} (${e.type}, ${e.count})`);
  return lines(
    `Title: ${doc.title}`,
    `Publication: ${doc.publication ?? 'unknown'}`,
    doc.issue && `Issue: ${doc.issue}`,
    `Date: ${doc.date ?? 'undated'}`,
    doc.url && `URL: ${doc.url}`,
    `Issue id: ${doc.id}`,
    `Words: ${doc.wordCount}; ${plural(doc.mentionCount, 'mention')} of ${plural(doc.entityCount, 'entity', 'entities')}`,
    top.length > 0 && `Entities (most mentioned first${d.entities.length > top.length ? `, ${top.length} of ${d.entities.length}` : ''}): ${top.join(', ')}`,
    '',
    '---',
    '',
    doc.text,
  );
}

/** Typed relations by direction; co-mentions (symmetric, stored one way) as one line. */
function relationLines(e: EntityDetail): string[] {
  const entities = (n: number) => plural(n, 'entity', 'entities');
  const typed = e.relationCounts
    .filter((r) => r.type !== 'CO_MENTIONED')
    .map((r) => (r.direction === 'out' ? `- ${e.name} ${r.type} ${entities(r.count)}` : `- ${entities(r.count)} ${r.type} ${e.name}`));
  const co = e.relationCounts.filter((r) => r.type === 'CO_MENTIONED').reduce((n, r) => n + r.count, 0);
  return co ? [...typed, `- named in the same sentence as ${entities(co)} (CO_MENTIONED)`] : typed;
}

/** A run_cypher cell: nodes and relationships written the Cypher way, without element ids; long values cut. */
function cell(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { labels?: unknown; type?: unknown; properties?: unknown };
    if (Array.isArray(o.labels) && o.properties) return `(:${o.labels.join(':')} ${compactJson(o.properties, 200)})`;
    if (typeof o.type === 'string' && o.properties) return `[:${o.type} ${compactJson(o.properties, 200)}]`;
  }
  return compactJson(v, 200);
}

export function createMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

  /** Runs one tool call: the driver, the work, and every failure turned into a tool error with its reason. */
  const call =
    <A>(work: (args: A, driver: Driver) => Promise<Answer>) =>
    async (args: A): Promise<CallToolResult> => {
      try {
        const { text, data } = await work(args, await deps.driver());
        return { content: [{ type: 'text', text }], structuredContent: data };
      } catch (err) {
        return toolError(errorText(err, deps.log));
      }
    };

  /** An unknown entity id: say so, and offer the closest names (an assistant often guesses an id from a name). */
  async function entityOrHint<T>(driver: Driver, id: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 404)) throw err;
      const guess = (id.includes(':') ? id.slice(id.indexOf(':') + 1) : id).replace(/[-_]+/g, ' ');
      const { hits } = await searchEntities(driver, { q: guess, limit: 5 }).catch(() => ({ hits: [] }));
      const closest = hits.length ? ` Closest matches: ${hits.map((h) => `${h.name} (${h.id})`).join(', ')}.` : '';
      throw new HttpError(404, 'not_found', `${err.message}.${closest} Use search_entities to find entity ids.`);
    }
  }

  server.registerTool(
    'search_entities',
    {
      title: 'Search entities',
      description:
        'Find papers, labs, people, methods, benchmarks, models, tools or datasets by name (prefix and typo tolerant), ' +
        'optionally only those mentioned in issues dated within from/to. Returns ids for the other tools, with mention counts.',
      inputSchema: SearchInput,
      outputSchema: SearchResponse,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof SearchInput>, driver) => {
      checkRange(a.from, a.to);
      const res = await searchEntities(driver, { q: a.query, types: a.types, from: a.from, to: a.to, limit: a.limit });
      const period = a.from || a.to ? ` mentioned ${a.from ?? '…'} to ${a.to ?? '…'}` : '';
      const text = res.hits.length
        ? lines(
            `${plural(res.hits.length, 'entity', 'entities')} ${res.hits.length === 1 ? 'matches' : 'match'} ${quote(a.query)}${period}, best first:`,
            res.hits.map(
              (h, i) =>
                `${i + 1}. ${h.name} — ${h.type}, id ${h.id}, ${plural(h.mentionCount, 'mention')}` +
                (h.aliases.length ? `; also written ${h.aliases.map((x) => quote(x)).join(', ')}` : ''),
            ),
          )
        : `No entity matches ${quote(a.query)}${period}. Try a shorter name, another spelling, or fewer filters.`;
      return { text, data: res };
    }),
  );

  server.registerTool(
    'get_entity',
    {
      title: 'Get entity',
      description:
        'Details of one entity by id: type, aliases, how often and in how many issues it is mentioned, the first and last ' +
        'issue that mention it, and its typed relations by type and direction.',
      inputSchema: EntityInput,
      outputSchema: EntityDetail,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof EntityInput>, driver) => {
      const e = await entityOrHint(driver, a.id, () => getEntity(driver, a.id));
      const text = lines(
        `${e.name} — ${e.type} (id ${e.id})`,
        e.aliases.length > 0 && `Also written: ${e.aliases.map((x) => quote(x)).join(', ')}`,
        `${plural(e.mentionCount, 'mention')} in ${plural(e.documentCount, 'issue')}.`,
        e.firstSeen && `First seen: ${issueCite(e.firstSeen)}`,
        e.lastSeen && e.lastSeen.id !== e.firstSeen?.id && `Last seen: ${issueCite(e.lastSeen)}`,
        e.relationCounts.length ? ['Relations (use get_neighbors for the entities, find_paths for the sentences):', ...relationLines(e)] : 'No relations to other entities.',
      );
      return { text, data: e };
    }),
  );

  server.registerTool(
    'get_mentions',
    {
      title: 'Get mentions',
      description:
        'Every mention of an entity, in issue order, each with the sentence it occurs in, the issue (title, publication, date) ' +
        'and the extraction rule. Paginated: pass offset to get the next page. Quote these sentences as evidence.',
      inputSchema: MentionsInput,
      outputSchema: MentionsOutput,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof MentionsInput>, driver) => {
      const e = await entityOrHint(driver, a.id, () => getEntity(driver, a.id));
      const page = await getEntityMentions(driver, a.id, { limit: a.limit, offset: a.offset });
      const next = a.offset + page.mentions.length;
      const text = lines(
        `${e.name} (${e.type}, id ${e.id}): mentions ${range(a.offset, page.mentions.length, page.total)}, in issue order.`,
        page.mentions.map(
          (m, i) =>
            `${a.offset + i + 1}. ${quote(m.sentence)} — ${issueCite(m.document)}` + (m.text.toLowerCase() !== e.name.toLowerCase() ? ` (written ${quote(m.text)})` : ''),
        ),
        next < page.total && `More: call get_mentions with offset=${next}.`,
      );
      return { text, data: { ...page, entity: { id: e.id, name: e.name, type: e.type } } };
    }),
  );

  server.registerTool(
    'get_neighbors',
    {
      title: 'Get neighbours',
      description:
        'The entities most strongly connected to one entity (typed relations count double against shared sentences), with ' +
        'the relations to each. Filter by entity types and relation types; `more` says how many were left out.',
      inputSchema: NeighborsInput,
      outputSchema: NeighborsOutput,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof NeighborsInput>, driver) => {
      const res = await entityOrHint(driver, a.id, () => getEntityNeighbors(driver, a.id, { types: a.types, relTypes: a.relationTypes, limit: a.limit }));
      const [centerNode, ...others] = res.elements.nodes.map((n) => n.data);
      const center = { id: a.id, name: centerNode?.label ?? a.id, type: centerNode?.type ?? 'Entity', ...(centerNode?.mentionCount == null ? {} : { mentionCount: centerNode.mentionCount }) };
      const neighbors = others.map((n) => ({
        id: n.id,
        name: n.label,
        type: n.type,
        ...(n.mentionCount == null ? {} : { mentionCount: n.mentionCount }),
        relations: res.elements.edges
          .map((e) => e.data)
          .filter((e) => (e.source === a.id && e.target === n.id) || (e.source === n.id && e.target === a.id))
          .sort((x, y) => Number(x.type === 'CO_MENTIONED') - Number(y.type === 'CO_MENTIONED'))
          .map((e) => ({ type: e.type, direction: e.source === a.id ? ('out' as const) : ('in' as const), weight: e.weight, evidenceCount: e.evidenceCount })),
      }));
      const rel = (n: (typeof neighbors)[number]) =>
        n.relations
          .map((r) =>
            r.type === 'CO_MENTIONED'
              ? `named in the same sentence (${plural(r.weight, 'sentence')})`
              : `${r.direction === 'out' ? `${center.name} ${r.type} ${n.name}` : `${n.name} ${r.type} ${center.name}`} (${plural(r.evidenceCount, 'statement')})`,
          )
          .join('; ');
      const text = neighbors.length
        ? lines(
            `${center.name} (${center.type}, id ${center.id}): ${plural(res.total, 'neighbour')} match; ${neighbors.length < res.total ? `the ${neighbors.length} strongest` : 'all of them'}:`,
            neighbors.map((n, i) => `${i + 1}. ${n.name} — ${n.type}, id ${n.id}: ${rel(n)}`),
            res.more > 0 && `${res.more} more: raise limit (up to 200) or filter by types.`,
            'For the sentence behind a relation: find_paths from one entity to the other with maxHops=1.',
          )
        : `${center.name} (${center.id}) has no neighbours matching these filters.`;
      return { text, data: { center, total: res.total, more: res.more, neighbors } };
    }),
  );

  server.registerTool(
    'find_paths',
    {
      title: 'Find paths',
      description:
        'How two entities, or two issues, are connected: the shortest paths, each step with the sentence (evidence) and issue ' +
        'behind it. For two issues also the entities both mention. Ids: entity ids from search_entities, issue ids from list_issues.',
      inputSchema: PathsInput,
      outputSchema: PathsOutput,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof PathsInput>, driver) => {
      let res: PathsResponse;
      try {
        res = await findPaths(driver, { from: a.from, to: a.to, maxHops: a.maxHops, limit: a.limit, coMentions: a.coMentions }, deps.config.CYPHER_TIMEOUT_MS);
      } catch (err) {
        if (err instanceof HttpError && err.status === 404) {
          throw new HttpError(404, 'not_found', `${err.message}: from and to must be entity ids (search_entities) or issue ids (list_issues).`);
        }
        throw err;
      }
      const refs = new Map<string, NodeRef>(
        res.elements.nodes.map(({ data: n }) => [n.id, { id: n.id, label: n.label, kind: n.kind === 'document' ? 'document' : 'entity', type: n.type }]),
      );
      const ref = (id: string): NodeRef => refs.get(id) ?? { id, label: id, kind: 'entity', type: 'Entity' };
      const name = (r: NodeRef) => (r.kind === 'document' ? `"${r.label}" (issue)` : `${r.label} (${r.type})`);
      const paths = res.paths.map((p) => ({ length: p.length, nodes: p.nodes.map(ref), steps: p.steps }));
      const [f, t] = [ref(res.from), ref(res.to)];
      const text = lines(
        paths.length
          ? `${plural(paths.length, 'path')} between ${name(f)} and ${name(t)}, shortest first:`
          : `No path of at most ${a.maxHops} steps connects ${name(f)} and ${name(t)}${a.coMentions ? '' : ' without co-mentions'}. Try maxHops up to 8${a.coMentions ? '' : ' or coMentions=true'}.`,
        paths.flatMap((p, i) => [
          `Path ${i + 1} (${plural(p.length, 'step')}): ${p.nodes.map(name).join(' → ')}`,
          ...p.steps.map((s) => {
            // A MENTIONS step starts at the issue that is its own source: name the entity and quote the sentence.
            const what = s.type === 'MENTIONS' ? `mentions ${ref(s.target).label}` : `${ref(s.source).label} ${s.type} ${ref(s.target).label}`;
            return `  - ${what}${s.evidence ? `: ${quote(s.evidence)}` : ''}${s.document ? ` — ${issueLabel(s.document)}` : ''}`;
          }),
        ]),
        res.shared.length > 0 &&
          `Entities both issues mention (strongest first): ${res.shared
            .slice(0, 15)
            .map((s) => `${s.name} (${s.type}; ${s.fromCount} and ${s.toCount} mentions)`)
            .join(', ')}${res.shared.length > 15 ? `, and ${res.shared.length - 15} more` : ''}`,
      );
      return { text, data: { from: f, to: t, paths, shared: res.shared } };
    }),
  );

  server.registerTool(
    'get_trends',
    {
      title: 'Get trends',
      description:
        'What is new in a period (from/to, days included) against the period of the same length just before it: entities ' +
        'first mentioned in it, entities rising fastest, and typed relations first stated in it, with their sentence. Only dated issues count.',
      inputSchema: TrendsInput,
      outputSchema: TrendsResponse,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof TrendsInput>, driver) => {
      checkRange(a.from, a.to);
      const t = await getTrends(driver, { from: a.from, to: a.to, types: a.types, limit: a.limit }, deps.config.CYPHER_TIMEOUT_MS);
      const shown = (n: number, total: number) => (n < total ? `, ${n} shown` : '');
      const text = lines(
        `${t.period.from} to ${t.period.to} (${plural(t.period.documents, 'dated issue')}) against ${t.previous.from} to ${t.previous.to} (${plural(t.previous.documents, 'dated issue')})` +
          (t.undatedDocuments ? `; ${plural(t.undatedDocuments, 'undated issue')} not counted.` : '.'),
        `New entities (${t.newEntities.total} first mentioned in this period${shown(t.newEntities.items.length, t.newEntities.total)}):`,
        t.newEntities.items.length
          ? t.newEntities.items.map((e, i) => `${i + 1}. ${e.name} — ${e.type}, id ${e.id}: ${plural(e.mentions, 'mention')} in ${plural(e.documents, 'issue')}; first in ${issueLabel(e.firstSeen)}`)
          : '(none)',
        `Rising fastest (${t.rising.total} seen before and mentioned more than in the previous period${shown(t.rising.items.length, t.rising.total)}):`,
        t.rising.items.length
          ? t.rising.items.map((e, i) => `${i + 1}. ${e.name} — ${e.type}, id ${e.id}: ${e.previousMentions} → ${e.mentions} mentions (+${e.change}) in ${plural(e.documents, 'issue')}`)
          : '(none)',
        `New typed relations (${t.newRelations.total} first stated in this period${shown(t.newRelations.items.length, t.newRelations.total)}):`,
        t.newRelations.items.length
          ? t.newRelations.items.map((r, i) => `${i + 1}. ${r.source.name} ${r.type} ${r.target.name}: ${quote(r.evidence)} — ${issueLabel(r.document)}`)
          : '(none)',
      );
      return { text, data: t };
    }),
  );

  server.registerTool(
    'list_issues',
    {
      title: 'List issues',
      description:
        'The ingested newsletter issues with title, publication, number, date, size and entity counts; filter by text or ' +
        'publication, sort and paginate. Each issue id works with find_paths and as the resource issue://{id} (full text).',
      inputSchema: IssuesInput,
      outputSchema: DocumentsResponse,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof IssuesInput>, driver) => {
      const res = await listDocuments(driver, { q: a.query || undefined, publication: a.publication, sort: a.sort, order: a.order, limit: a.limit, offset: a.offset });
      const next = a.offset + res.documents.length;
      const text = res.documents.length
        ? lines(
            `Issues ${range(a.offset, res.documents.length, res.total)}, by ${a.sort} (${a.order === 'desc' ? 'descending' : 'ascending'}):`,
            res.documents.map(
              (d, i) =>
                `${a.offset + i + 1}. ${issueLabel(d)} — id ${d.id}; ${d.wordCount} words, ${plural(d.mentionCount, 'mention')} of ${plural(d.entityCount, 'entity', 'entities')}; full text: ${issueUri(d.id)}`,
            ),
            next < res.total && `More: call list_issues with offset=${next}.`,
          )
        : res.total
          ? `No issues at offset ${a.offset}: there are ${res.total}.`
          : 'No issue matches these filters.';
      return { text, data: res };
    }),
  );

  server.registerTool(
    'run_cypher',
    {
      title: 'Run read-only Cypher',
      description:
        'Run one read-only Cypher query on the graph (the explorer\'s console: writes, admin commands and unlisted procedures ' +
        `are refused; ${deps.config.CYPHER_TIMEOUT_MS} ms timeout; at most ${deps.config.CYPHER_MAX_ROWS} rows; ${deps.config.CYPHER_RATE_LIMIT} queries a minute). ` +
        'Model: (:Document)-[:CONTAINS]->(:Mention {sentence})-[:REFERS_TO]->(:Entity {id, name, type}); (:Document)-[:MENTIONS {count}]->(:Entity); ' +
        '(:Entity)-[:IMPROVES_ON|USES|… {documentId, evidence}]->(:Entity). Pass values as params ($name).',
      inputSchema: CypherRequest,
      outputSchema: CypherOutput,
      annotations: readOnly,
    },
    call(async (a: z.infer<typeof CypherRequest>, driver) => {
      if (!deps.cypherLimiter.take(deps.clientKey)) {
        throw new HttpError(429, 'rate_limited', `Too many console queries: at most ${deps.config.CYPHER_RATE_LIMIT} per minute`);
      }
      const res = await runConsoleQuery(driver, deps.config, { query: a.query, params: a.params });
      const shownRows = res.rows.slice(0, CYPHER_TEXT_ROWS);
      const text = lines(
        `${plural(res.summary.rowCount, 'row')}${res.summary.truncated ? ` (cut at the ${deps.config.CYPHER_MAX_ROWS}-row limit)` : ''} in ${res.summary.timeMs} ms; columns: ${res.columns.join(', ') || '(none)'}.`,
        shownRows.length > 0 && res.columns.join(' | '),
        shownRows.map((row) => row.map(cell).join(' | ')),
        res.rows.length > shownRows.length && `(${shownRows.length} of ${res.rows.length} rows shown here; all of them are in structuredContent.rows)`,
        ...(res.summary.notifications ?? []).map((n) => `Note from Neo4j: ${n.title}`),
      );
      return { text, data: { columns: res.columns, rows: res.rows, summary: res.summary } };
    }),
  );

  server.registerResource(
    'issue',
    new ResourceTemplate('issue://{id}', {
      list: async () => {
        try {
          const res = await listDocuments(await deps.driver(), { sort: 'date', order: 'desc', limit: 500, offset: 0 });
          return {
            resources: res.documents.map((d) => ({
              uri: issueUri(d.id),
              name: d.title,
              description: `${issueLabel(d)}: ${d.wordCount} words, ${plural(d.entityCount, 'entity', 'entities')}`,
              mimeType: 'text/plain',
            })),
          };
        } catch (err) {
          throw new McpError(-32603, errorText(err, deps.log));
        }
      },
    }),
    {
      title: 'Newsletter issue',
      description: 'One ingested issue as plain text: its metadata (title, publication, number, date, URL, id), the entities it mentions, then its text.',
      mimeType: 'text/plain',
    },
    async (uri, variables): Promise<ReadResourceResult> => {
      const raw = Array.isArray(variables.id) ? variables.id[0] : variables.id;
      let id: string;
      try {
        id = IdParam.parse(decodeURIComponent(raw ?? ''));
      } catch {
        throw new McpError(-32602, `Invalid issue URI ${uri.href}: expected issue://{id} with an id from list_issues`);
      }
      try {
        const doc = await getDocument(await deps.driver(), id);
        return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: issueText(doc) }] };
      } catch (err) {
        // -32002: the MCP code for "resource not found".
        if (err instanceof HttpError && err.status === 404) throw new McpError(-32002, `No issue with id ${JSON.stringify(id)}: see list_issues`);
        throw new McpError(-32603, errorText(err, deps.log));
      }
    },
  );

  return server;
}

