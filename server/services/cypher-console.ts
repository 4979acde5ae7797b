/**
 * POST /api/cypher: read-only by construction, in three independent layers —
 *   1. a lexical pre-check (cypher/console.ts) refusing write/admin clauses and unlisted procedures;
 *   2. EXPLAIN first, and only a plan whose queryType is 'r' runs;
 *   3. the run itself happens in a READ transaction, with a server-side timeout.
 * Rows are streamed and consumption stops at CYPHER_MAX_ROWS (the session's fetch size is the cap + 1, so the
 * driver never buffers more than that); every node/relationship/path anywhere in the rows also comes back as
 * Cytoscape elements.
 */
import neo4j, { Neo4jError, isNode, isPath, isRelationship, type Driver, type ManagedTransaction, type Node, type Path, type Relationship } from 'neo4j-driver';
import type { CypherResponse, EdgeData, NodeData } from '../../contract/api.ts';
import { checkConsoleQuery } from '../../cypher/console.ts';
import { QUERIES } from '../../cypher/queries.ts';
import type { Config } from '../../core/config.ts';
import { HttpError } from '../errors.ts';
import { read } from '../../core/db.ts';
import { unprefixErrorPosition } from './cypher-error-position.ts';
import { isTimeout, timeoutError } from './neo4j-errors.ts';
import { toPlain } from './serialize.ts';

/** The graph view is for looking at, not for bulk export: past this many nodes (or edges) the rest is dropped. */
const CONSOLE_GRAPH_MAX = 2000;
/** Long property values (a document's text) are cut in graph elements; the rows keep them whole. */
const GRAPH_PROPERTY_MAX_CHARS = 300;

type ConsoleConfig = Pick<Config, 'CYPHER_TIMEOUT_MS' | 'CYPHER_MAX_ROWS'>;

/** JSON has one number type; whole numbers are sent as Cypher integers so `LIMIT $n` and `id = $n` behave. */
function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)]));
  return value;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => {
  const p = toPlain(v);
  return typeof p === 'number' ? p : undefined;
};

function graphProperties(p: Record<string, unknown>): Record<string, unknown> {
  const out = toPlain(p) as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === 'string' && v.length > GRAPH_PROPERTY_MAX_CHARS) out[k] = `${v.slice(0, GRAPH_PROPERTY_MAX_CHARS)}…`;
  }
  return out;
}

function consoleNodeData(n: Node, mentionCount?: number | null): NodeData {
  const p = n.properties as Record<string, unknown>;
  const properties = graphProperties(p);
  const id = str(p.id);
  if (n.labels.includes('Entity') && id) {
    const type = str(p.type) ?? n.labels.find((l) => l !== 'Entity') ?? 'Entity';
    return { id, label: str(p.name) ?? id, kind: 'entity', type, ...(mentionCount == null ? {} : { mentionCount }), properties };
  }
  if (n.labels.includes('Document') && id) return { id, label: str(p.title) ?? id, kind: 'document', type: 'Document', properties };
  if (n.labels.includes('Mention')) return { id: n.elementId, label: str(p.text) ?? 'Mention', kind: 'mention', type: 'Mention', properties };
  return { id: n.elementId, label: str(p.name) ?? str(p.title) ?? n.labels[0] ?? n.elementId, kind: 'other', type: n.labels[0] ?? 'Node', properties };
}

/** Collects every node and relationship in the result, however deeply nested. */
class GraphCollector {
  readonly nodes = new Map<string, Node>();
  readonly rels = new Map<string, Relationship>();
  truncated = false;

  visit(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    if (isNode(value)) return this.addNode(value as Node);
    if (isRelationship(value)) return this.addRel(value as Relationship);
    if (isPath(value)) {
      const p = value as Path;
      this.addNode(p.start);
      for (const s of p.segments) {
        this.addNode(s.end);
        this.addRel(s.relationship);
      }
      return;
    }
    if (Array.isArray(value)) for (const v of value) this.visit(v);
    else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) this.visit(v);
  }

  private addNode(n: Node): void {
    if (this.nodes.has(n.elementId)) return;
    if (this.nodes.size >= CONSOLE_GRAPH_MAX) this.truncated = true;
    else this.nodes.set(n.elementId, n);
  }

  private addRel(r: Relationship): void {
    if (this.rels.has(r.elementId)) return;
    if (this.rels.size >= CONSOLE_GRAPH_MAX) this.truncated = true;
    else this.rels.set(r.elementId, r);
  }
}

async function buildGraph(tx: ManagedTransaction, g: GraphCollector): Promise<CypherResponse['graph'] & { truncated: boolean }> {
  // Relationships whose end nodes were not returned, and entities (for their mention counts), are looked up
  // in one extra statement so no edge dangles.
  const wanted = new Set<string>();
  for (const r of g.rels.values()) for (const eid of [r.startNodeElementId, r.endNodeElementId]) if (!g.nodes.has(eid)) wanted.add(eid);
  for (const n of g.nodes.values()) if (n.labels.includes('Entity')) wanted.add(n.elementId);
  const counts = new Map<string, number>();
  if (wanted.size) {
    const res = await tx.run(QUERIES.consoleNodes, { ids: [...wanted].slice(0, CONSOLE_GRAPH_MAX * 2) });
    for (const rec of res.records) {
      const n = rec.get('n') as Node;
      if (!g.nodes.has(n.elementId)) {
        if (g.nodes.size >= CONSOLE_GRAPH_MAX) g.truncated = true;
        else g.nodes.set(n.elementId, n);
      }
      const c = num(rec.get('mentionCount'));
      if (c !== undefined) counts.set(n.elementId, c);
    }
  }
  const graphId = new Map<string, string>();
  const nodes = [...g.nodes.values()].map((n) => {
    const data = consoleNodeData(n, counts.get(n.elementId));
    graphId.set(n.elementId, data.id);
    return { data };
  });
  // Entity/document nodes use their own ids, so two Neo4j nodes can never share one here; still, keep the first.
  const seen = new Set<string>();
  const uniqueNodes = nodes.filter((n) => !seen.has(n.data.id) && seen.add(n.data.id));
  const edges: { data: EdgeData }[] = [];
  for (const r of g.rels.values()) {
    const source = graphId.get(r.startNodeElementId);
    const target = graphId.get(r.endNodeElementId);
    if (!source || !target) continue;
    const p = r.properties as Record<string, unknown>;
    edges.push({
      data: {
        id: r.elementId,
        source,
        target,
        type: r.type,
        weight: num(p.weight) ?? num(p.count) ?? 1,
        evidenceCount: 1,
        ...(str(p.reason) ? { reason: str(p.reason) } : {}),
        properties: graphProperties(p),
      },
    });
  }
  return { nodes: uniqueNodes, edges, truncated: g.truncated };
}

/** What the console puts before the user's query for the plan check; Neo4j's error positions include it. */
const PLAN_PREFIX = 'EXPLAIN ';

/** `prefix`: what was prepended to the statement that failed (PLAN_PREFIX while planning, '' afterwards). */
function mapConsoleError(err: unknown, timeoutMs: number, prefix: string): never {
  if (err instanceof HttpError) throw err;
  if (isTimeout(err)) throw timeoutError('query', timeoutMs);
  if (err instanceof Neo4jError) {
    const code = err.code ?? '';
    const { message, position } = unprefixErrorPosition(err.message, prefix);
    // The position (in the query as sent) lets the console mark the error in its editor.
    const details = position ? { position } : undefined;
    if (code === 'Neo.ClientError.Statement.SyntaxError') throw new HttpError(400, 'cypher_syntax_error', message, details);
    if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
      throw new HttpError(403, 'not_read_only', `The console is read-only: ${err.message}`);
    }
    if (/MemoryLimit|OutOfMemory/i.test(code)) throw new HttpError(422, 'query_too_large', `The query needs more memory than allowed: ${err.message}`);
    if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.') || code.startsWith('Neo.ClientError.Schema.')) {
      throw new HttpError(400, 'cypher_error', message, details);
    }
  }
  throw err;
}

export async function runConsoleQuery(
  driver: Driver,
  config: ConsoleConfig,
  input: { query: string; params: Record<string, unknown> },
): Promise<CypherResponse> {
  const check = checkConsoleQuery(input.query);
  if (!check.ok) throw new HttpError(check.status, check.code, check.message);
  return runPlannedRead(driver, config, check.query, input.params);
}

/** Layers 2 and 3 on their own (exported so tests can show they hold without the lexical check). */
export async function runPlannedRead(driver: Driver, config: ConsoleConfig, query: string, rawParams: Record<string, unknown>): Promise<CypherResponse> {
  const params = toCypherParams(rawParams) as Record<string, unknown>;
  const maxRows = config.CYPHER_MAX_ROWS;
  const started = performance.now();
  let prefix = PLAN_PREFIX;
  try {
    return await read(
      driver,
      async (tx) => {
        prefix = PLAN_PREFIX;
        const plan = await tx.run(`${PLAN_PREFIX}${query}`, params);
        prefix = '';
        const queryType = plan.summary.queryType;
        if (queryType !== 'r') {
          throw new HttpError(403, 'not_read_only', `The console only runs read queries; this one plans as ${JSON.stringify(queryType)} (writes or schema changes)`);
        }
        const result = tx.run(query, params);
        const columns = await result.keys();
        const rows: unknown[][] = [];
        const graph = new GraphCollector();
        let truncated = false;
        for await (const record of result) {
          if (rows.length >= maxRows) {
            // Leaving the loop cancels the stream: the server stops producing rows.
            truncated = true;
            break;
          }
          const values = columns.map((c) => record.get(c));
          graph.visit(values);
          rows.push(values.map(toPlain));
        }
        const { truncated: graphTruncated, ...elements } = await buildGraph(tx, graph);
        return {
          columns: [...columns],
          rows,
          graph: elements,
          summary: {
            queryType,
            timeMs: Math.round(performance.now() - started),
            rowCount: rows.length,
            truncated,
            graphTruncated,
            notifications: plan.summary.notifications.map((n) => ({ code: n.code, title: n.title, description: n.description, severity: n.severityLevel })),
          },
        };
      },
      { timeout: config.CYPHER_TIMEOUT_MS, fetchSize: Math.min(maxRows + 1, 10_000) },
    );
  } catch (err) {
    mapConsoleError(err, config.CYPHER_TIMEOUT_MS, prefix);
  }
}
