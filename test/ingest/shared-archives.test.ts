/**
 * Real archives in, nothing lost: the seeds, the Interconnects posts and the AINews daily issues of
 * ../shared/corpus ingested into an empty graph give one document per file, skip none, store no markup in any
 * text or mention sentence, and the same files read from another folder add nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs, type IngestSummary } from '../../ingest/pipeline.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';

const CORPUS = process.env.SHARED_CORPUS ? resolve(process.env.SHARED_CORPUS) : resolve(import.meta.dirname, '../../../shared/corpus');
const FOLDERS = ['seeds', 'interconnects', 'ainews'];
const present = FOLDERS.every((f) => existsSync(join(CORPUS, f)));
if (!present) console.warn(`shared-archives: ${CORPUS}/{${FOLDERS.join(',')}} not found, skipping (set SHARED_CORPUS)`);

/** Markup families that must never reach stored text. */
const MARKUP = ['{#', 'component-name', '","', '](http', '<div', "\\'", '!['];

describe.skipIf(!present)('the shared archives in one graph', () => {
  let driver: Driver;
  let files = 0;
  let summary: IngestSummary;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
    for (const f of FOLDERS) files += (await readdir(join(CORPUS, f))).filter((n) => /\.(md|txt)$/.test(n)).length;
    summary = await ingestInputs(driver, FOLDERS.map((f) => join(CORPUS, f)));
  }, 600_000);
  afterAll(async () => driver?.close());

  it('stores one document per file and skips none', async () => {
    expect(summary.skipped).toEqual([]);
    expect(summary.failed).toEqual([]);
    expect(summary.documents.created).toBe(files);
    const [row] = (await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n, count(DISTINCT d.identity) AS identities')).records;
    expect(row!.get('n')).toBe(files);
    expect(row!.get('identities')).toBe(files);
  });

  it('stores no markup in any mention sentence or document text', async () => {
    for (const pattern of MARKUP) {
      const [m] = (await driver.executeQuery('MATCH (m:Mention) WHERE m.sentence CONTAINS $p RETURN count(m) AS n, collect(m.sentence)[0..3] AS examples', { p: pattern })).records;
      expect({ pattern, n: m!.get('n'), examples: m!.get('examples') }).toEqual({ pattern, n: 0, examples: [] });
      const [d] = (await driver.executeQuery('MATCH (d:Document) WHERE d.text CONTAINS $p RETURN collect(d.path) AS paths', { p: pattern })).records;
      expect({ pattern, paths: d!.get('paths') }).toEqual({ pattern, paths: [] });
    }
  });

  it('adds nothing when the same files come again from another folder', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'archives-elsewhere-'));
    for (const f of FOLDERS) await symlink(join(CORPUS, f), join(elsewhere, `moved-${f}`));
    const again = await ingestInputs(driver, FOLDERS.map((f) => join(elsewhere, `moved-${f}`)));
    expect(again.documents).toEqual({ created: 0, updated: 0, unchanged: files });
    const [row] = (await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n')).records;
    expect(row!.get('n')).toBe(files);
  }, 300_000);
});
