import neo4j from 'neo4j-driver';
import request from 'supertest';
import { inject, afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../neo4j/connect.ts';
import { freePort } from '../../neo4j/embedded.ts';
import { testApp } from '../helpers/api.ts';
import { tcpProxy } from '../helpers/tcp-proxy.ts';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});

/** A driver that gives up quickly (the project's retries for 5 s, which would make each 503 below take that long). */
function impatientDriver(port: number) {
  const { user, password, source } = inject('neo4j');
  return neo4j.driver(`bolt://127.0.0.1:${port}`, source === 'embedded' ? undefined : neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 0,
    connectionTimeout: 2000,
    connectionAcquisitionTimeout: 3000,
    logging: { level: 'error', logger: () => {} },
  });
}

describe('when Neo4j is unavailable', () => {
  it("the project's own driver, pointed at a closed port, gives a 503", async () => {
    const driver = createDriver(`bolt://127.0.0.1:${await freePort()}`);
    closers.push(() => driver.close());
    const res = await request(testApp(driver)).get('/api/stats').expect(503);
    expect(res.body.error.code).toBe('database_unavailable');
  });

  it('every route answers 503 with a JSON error and Retry-After, never a stack trace', async () => {
    const driver = impatientDriver(await freePort());
    closers.push(() => driver.close());
    const app = testApp(driver);
    const gets = ['/api/health', '/api/stats', '/api/search?q=grpo', '/api/entities/x', '/api/entities/x/mentions', '/api/entities/x/neighbors',
      '/api/entities/x/timeline', '/api/edges?source=a&target=b', '/api/documents', '/api/documents/x', '/api/paths?from=a&to=b'];
    for (const path of gets) {
      const res = await request(app).get(path).expect(503);
      expect(res.body).toEqual({ error: { code: 'database_unavailable', message: expect.stringMatching(/unavailable/) } });
      expect(res.headers['retry-after']).toBe('5');
    }
    const res = await request(app).post('/api/cypher').send({ query: 'RETURN 1' }).expect(503);
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
    expect(app.logged).toEqual([]);
    // Validation still comes first: a bad request is a 400 even with the database down.
    await request(app).get('/api/search').expect(400);
  });

  it('recovers by itself when the database comes back', async () => {
    const { uri } = inject('neo4j');
    const target = new URL(uri.replace(/^bolt/, 'http'));
    const proxy = await tcpProxy(target.hostname, Number(target.port));
    closers.push(() => proxy.close());
    const driver = impatientDriver(proxy.port);
    closers.push(() => driver.close());
    const app = testApp(driver);
    await request(app).get('/api/health').expect(200);
    await proxy.stop();
    await request(app).get('/api/health').expect(503);
    await request(app).get('/api/stats').expect(503);
    await proxy.start();
    // Pooled connections died with the outage; the driver drops them and opens new ones without help.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await request(app).get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await request(app).get('/api/stats').expect(200);
  });
});
