/** Stopping the embedded Neo4j shuts the store down cleanly: no JVM left behind, and the store opens again with its data. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { createDriver } from '../../neo4j/connect.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'nlkg-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function countMarkers(uri: string, write: boolean): Promise<number> {
  const driver = createDriver(uri);
  const session = driver.session();
  try {
    if (write) await session.run('CREATE (:LifecycleMarker {at: timestamp()})');
    const res = await session.run('MATCH (n:LifecycleMarker) RETURN count(n) AS c');
    return Number(res.records[0]!.get('c'));
  } finally {
    await session.close();
    await driver.close();
  }
}

describe.skipIf(inject('neo4j').source !== 'embedded')('embedded Neo4j lifecycle', () => {
  it('stops cleanly and reopens the same store with its data', async () => {
    const first = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 64, heapMb: 512, log: () => {} });
    expect(await countMarkers(first.uri, true)).toBe(1);
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 64, heapMb: 512, log: () => {} });
    try {
      expect(await countMarkers(second.uri, false)).toBe(1);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
