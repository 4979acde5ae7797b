/** The Streamable HTTP transport at /mcp on the explorer's own app, driven by the SDK's client, on the fixture graph. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../contract/api.ts';
import { createDriver } from '../../neo4j/connect.ts';
import { API_DRIVER_TUNING } from '../../app/start.ts';
import { isLoopbackAddress } from '../../mcp/http.ts';
import { RateLimiter } from '../../mcp/errors.ts';
import { testApp, useFixtureApp } from '../helpers/api.ts';
import { ENTITIES } from '../helpers/fixture-graph.ts';
import { freePort } from '../../neo4j/embedded.ts';
import { callError, callOk } from './support.ts';

const api = useFixtureApp();
let server: Server;
let url: URL;

beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const s = api.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
});

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '0' } },
};

describe('POST /mcp (Streamable HTTP)', () => {
  it('serves the same tools to the SDK client, answering from the app\'s driver', async () => {
    const client = new Client({ name: 'nlkg-http-test', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url));
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('find_paths');
      const { text, data } = await callOk<SearchResponse>(client, 'search_entities', { query: 'GRPO' });
      expect(data.hits[0]).toMatchObject({ id: ENTITIES.grpo.id, mentionCount: 4 });
      expect(text).toContain('1. GRPO — Method, id Method:grpo, 4 mentions');
      const paths = await callOk<{ paths: { steps: { evidence: string }[] }[] }>(client, 'find_paths', { from: 'doc:gn-1', to: 'doc:gn-2' });
      expect(paths.data.paths.length).toBeGreaterThan(0);
      expect(await callError(client, 'run_cypher', { query: 'MATCH (n) DETACH DELETE n' })).toMatch(/^Refused/);
      const { contents } = await client.readResource({ uri: 'issue://doc%3Agn-1' });
      expect((contents[0] as { text: string }).text).toMatch(/^Title: Gradient Notes #1: FooPO arrives\nPublication: Gradient Notes\nIssue: 1\nDate: 2025-01-10/);
    } finally {
      await client.close();
    }
  });

  it('answers plain JSON to a bare JSON-RPC POST (curl-friendly)', async () => {
    const res = await request(api.app).post('/mcp').set('Accept', 'application/json, text/event-stream').send(initialize).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.result.serverInfo.name).toBe('newsletter-kg');
    expect(res.body.result.instructions).toMatch(/Entity ids look like "Method:grpo"/);
  });

  it('refuses a foreign Host header (DNS rebinding), GET/DELETE, and malformed JSON', async () => {
    const evil = await request(api.app).post('/mcp').set('Host', 'evil.example:3000').set('Accept', 'application/json, text/event-stream').send(initialize).expect(403);
    expect(evil.body.error.message).toMatch(/Invalid Host: evil\.example/);
    await request(api.app).get('/mcp').expect(405);
    await request(api.app).delete('/mcp').expect(405);
    const bad = await request(api.app).post('/mcp').set('Content-Type', 'application/json').send('{"jsonrpc":').expect(400);
    expect(bad.body.error.code).toBe(-32700);
  });

  it('MCP_HTTP=off leaves /mcp unmounted; MCP_ALLOWED_HOSTS names the accepted hosts', async () => {
    await request(testApp(api.driver, { MCP_HTTP: 'off' })).post('/mcp').send(initialize).expect(404);
    const named = testApp(api.driver, { MCP_HTTP: 'any', MCP_ALLOWED_HOSTS: 'kg.internal' });
    await request(named).post('/mcp').set('Host', 'kg.internal').set('Accept', 'application/json, text/event-stream').send(initialize).expect(200);
    await request(named).post('/mcp').set('Host', '127.0.0.1').set('Accept', 'application/json, text/event-stream').send(initialize).expect(403);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(!external)('in loopback mode, refuses a client that is not on this machine even when HOST exposes the app', async () => {
    const open = await new Promise<Server>((resolve) => {
      const s = api.app.listen(0, '0.0.0.0', () => resolve(s));
    });
    try {
      const port = (open.address() as AddressInfo).port;
      const res = await fetch(`http://${external}:${port}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', host: `localhost:${port}` },
        body: JSON.stringify(initialize),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/only clients on this machine/);
      // The REST API on the same socket is not affected.
      expect((await fetch(`http://${external}:${port}/api/health`)).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => open.close(() => resolve()));
      open.closeAllConnections();
    }
  });

  it('a database that is down: a tool error saying so, not a failed request', async () => {
    const deadDriver = createDriver(`bolt://127.0.0.1:${await freePort()}`, undefined, API_DRIVER_TUNING);
    const app = testApp(deadDriver);
    const s = await new Promise<Server>((resolve) => {
      const x = app.listen(0, '127.0.0.1', () => resolve(x));
    });
    const client = new Client({ name: 'nlkg-http-test', version: '0.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${(s.address() as AddressInfo).port}/mcp`)));
      expect(await callError(client, 'get_entity', { id: 'Method:grpo' })).toMatch(/^The graph database is unavailable right now/);
      expect(app.logged).toEqual([]);
    } finally {
      await client.close();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      s.closeAllConnections();
      await deadDriver.close();
    }
  });

  it('tells loopback addresses apart, and rate-limits per client', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:192.168.1.2', '2001:db8::1', '', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
    const limiter = new RateLimiter(2, 60_000);
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2), limiter.take('b', 3), limiter.take('a', 60_001)]).toEqual([true, true, false, true, true]);
  });
});
