/**
 * The active curation decisions as one transaction sees them. The ingest writer asks at the start of every write
 * transaction, so the list is read again only when the curation counter moved (one small query otherwise).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { Curation, decisionFromProps, type Decision } from '../core/curation.ts';
import { CURATION } from './curation.ts';

export interface CurationSeen {
  /** The curation counter: a writer compares it at commit time (bumpGraphVersion returns it). */
  count: number;
  curation: Curation;
}

let cached: { key: string; curation: Curation } | null = null;

export async function readDecisions(tx: ManagedTransaction): Promise<Decision[]> {
  const res = await tx.run(CURATION.decisions);
  return res.records.map((r) => decisionFromProps(r.get('props') as Record<string, unknown>));
}

export async function readCuration(tx: ManagedTransaction): Promise<CurationSeen> {
  const rec = (await tx.run(CURATION.state)).records[0];
  const count = Number(rec?.get('count') ?? 0);
  const decisions = Number(rec?.get('decisions') ?? 0);
  if (decisions === 0) return { count, curation: Curation.EMPTY };
  // The epoch is new whenever the version node is: a wiped graph never reuses a cached list.
  const key = `${String(rec?.get('epoch'))}:${count}:${decisions}`;
  if (cached?.key !== key) cached = { key, curation: new Curation(await readDecisions(tx)) };
  return { count, curation: cached.curation };
}
