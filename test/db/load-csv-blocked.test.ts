/**
 * Defence in depth for the Cypher console: even a LOAD CSV that got past the console's checks cannot read
 * files or reach the network, because the embedded Neo4j is configured so (neo4j/src/main/java).
 */
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDriver } from '../helpers/neo4j.ts';

let driver: Driver;
let server: Server;
let hits = 0;
beforeAll(async () => {
  driver = testDriver();
  server = createServer((_req, res) => {
    hits++;
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  server.close();
  await driver.close();
});

describe.skipIf(inject('neo4j').source !== 'embedded')('LOAD CSV inside the embedded Neo4j', () => {
  it.each([
    ['file:///etc/passwd', /allow_csv_import_from_file_urls/],
    ['http://127.0.0.1:PORT/x.csv', /blocked/],
    ['http://localhost:PORT/x.csv', /blocked/],
  ])('refuses %s', async (url, message) => {
    const { port } = server.address() as { port: number };
    const session = driver.session();
    try {
      await expect(session.run(`LOAD CSV FROM $url AS line RETURN line`, { url: url.replace('PORT', String(port)) })).rejects.toThrow(message);
    } finally {
      await session.close();
    }
    expect(hits).toBe(0);
  });
});
