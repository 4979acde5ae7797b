/**
 * Shortest paths between two nodes (entities or documents). Two statements in one read transaction: the
 * paths as node sequences (plus node data and, for two documents, their shared entities), then one row per
 * distinct consecutive pair with the relationship to show and its evidence — never one query per step.
 */
import type { Driver } from 'neo4j-driver';
import type { DocumentRef, GraphElements, PathsResponse } from '../../contract/api.ts';
import { CO_MENTION, MENTIONS, RELATION_TYPES } from '../../core/vocabulary.ts';
import { QUERIES, relPattern } from '../../cypher/queries.ts';
import { notFound } from '../errors.ts';
import { read } from '../../core/db.ts';
import { int, rangeParams, type DateRange } from './db.ts';
import { aggregatedEdge, documentNode, entityNode } from './elements.ts';
import { mapTimeout } from './neo4j-errors.ts';
import { toPlain } from './serialize.ts';
import { cutSentence, type SentenceSpan } from './text.ts';

interface PathNode {
  elementId: string;
  id: string | null;
  document: boolean;
  label: string | null;
  type: string;
  mentionCount: number | null;
}
interface PathsRow {
  fromFound: boolean;
  toFound: boolean;
  paths: string[][];
  shared: PathsResponse['shared'];
  nodes: PathNode[];
}
interface StepRow {
  pair: [string, string];
  source: string;
  target: string;
  type: string;
  weight: number;
  evidenceCount: number;
  reason: string | null;
  evidence: string | null;
  document: DocumentRef | null;
  text: string | null;
  mention: (SentenceSpan & { sentence: string | null }) | null;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export interface PathsInput {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  coMentions: boolean;
  /** Only steps stated in, and issues dated in, this range (YYYY-MM-DD). */
  range?: DateRange;
}

export async function findPaths(driver: Driver, input: PathsInput, timeoutMs: number): Promise<PathsResponse> {
  const rels = relPattern([...RELATION_TYPES, ...(input.coMentions ? [CO_MENTION] : []), MENTIONS]);
  let found: { row: PathsRow; steps: StepRow[] };
  try {
    found = await read(
      driver,
      async (tx) => {
        // The ends are $source/$target here: $from/$to are the time filter's bounds in every range-aware statement.
        const range = rangeParams(input.range);
        const res = await tx.run(QUERIES.paths(rels, input.maxHops), { source: input.from, target: input.to, limit: int(input.limit), ...range });
        const row = toPlain(res.records[0]!.toObject()) as PathsRow;
        if (!row.fromFound || !row.toFound || row.paths.length === 0) return { row, steps: [] };
        const pairs = new Map<string, [string, string]>();
        for (const ids of row.paths) for (let i = 0; i + 1 < ids.length; i++) pairs.set(pairKey(ids[i]!, ids[i + 1]!), [ids[i]!, ids[i + 1]!]);
        const steps = await tx.run(QUERIES.pathSteps(rels), { pairs: [...pairs.values()], ...range });
        return { row, steps: steps.records.map((r) => toPlain(r.toObject()) as StepRow) };
      },
      { timeout: timeoutMs },
    );
  } catch (err) {
    mapTimeout(err, 'the path search', timeoutMs);
  }
  const { row, steps } = found;
  if (!row.fromFound) throw notFound('Node', input.from);
  if (!row.toFound) throw notFound('Node', input.to);

  const graphId = new Map(row.nodes.map((n) => [n.elementId, n.id ?? n.elementId]));
  const stepByPair = new Map(steps.map((s) => [pairKey(s.pair[0], s.pair[1]), s]));

  const paths: PathsResponse['paths'] = row.paths.map((ids) => ({
    length: ids.length - 1,
    nodes: ids.map((eid) => graphId.get(eid) ?? eid),
    steps: ids.slice(1).flatMap((eid, i) => {
      const s = stepByPair.get(pairKey(ids[i]!, eid));
      if (!s) return [];
      // MENTIONS steps quote the first mention's sentence (stored at ingest; cut from the text for older mentions).
      const evidence = s.evidence ?? s.mention?.sentence ?? (s.text != null && s.mention ? cutSentence(s.text, s.mention).sentence : null);
      return [{ source: s.source, target: s.target, type: s.type, evidence, document: s.document }];
    }),
  }));
  if (input.from === input.to) paths.push({ length: 0, nodes: [input.from], steps: [] });

  const elements: GraphElements = {
    nodes: row.nodes.map((n) =>
      n.document
        ? documentNode({ id: n.id ?? n.elementId, title: n.label ?? n.elementId })
        : entityNode({ id: n.id ?? n.elementId, name: n.label ?? n.elementId, type: n.type, mentionCount: n.mentionCount }),
    ),
    edges: steps.map(aggregatedEdge).filter((e, i, all) => all.findIndex((x) => x.data.id === e.data.id) === i),
  };
  return { from: input.from, to: input.to, paths, elements, shared: row.shared };
}
