import SwaggerParser from '@apidevtools/swagger-parser';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { testDriver } from '../helpers/neo4j.ts';

let driver: Driver;
let app: ReturnType<typeof testApp>;
beforeAll(() => {
  driver = testDriver();
  app = testApp(driver);
});
afterAll(async () => driver.close());

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[]; requestBody?: unknown; responses: Record<string, unknown> }>> };

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    const doc = res.body as Doc;
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place, so give it a copy.
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
  });

  it('describes every route with its parameters, body and error responses', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body as Doc;
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/curation',
      '/api/curation/{id}',
      '/api/cypher',
      '/api/documents',
      '/api/documents/dates',
      '/api/documents/{id}',
      '/api/documents/{id}/graph',
      '/api/edges',
      '/api/entities/{id}',
      '/api/entities/{id}/mentions',
      '/api/entities/{id}/neighbors',
      '/api/entities/{id}/timeline',
      '/api/health',
      '/api/openapi.json',
      '/api/paths',
      '/api/search',
      '/api/stats',
      '/api/trends',
    ]);
    const search = doc.paths['/api/search']!.get!;
    expect(search.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'q', in: 'query', required: true }),
        expect.objectContaining({ name: 'types', in: 'query', required: false }),
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
        expect.objectContaining({ name: 'from', in: 'query', required: false }),
      ]),
    );
    expect(doc.paths['/api/trends']!.get!.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'from', in: 'query', required: true }),
        expect.objectContaining({ name: 'to', in: 'query', required: true }),
      ]),
    );
    expect(Object.keys(search.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
    // The time filter on the routes the explorer limits by date (paths name it fromDate/toDate: from/to are its ends).
    for (const path of ['/api/entities/{id}', '/api/entities/{id}/mentions', '/api/entities/{id}/neighbors', '/api/entities/{id}/timeline', '/api/edges', '/api/documents']) {
      expect(doc.paths[path]!.get!.parameters!.map((p) => p.name), path).toEqual(expect.arrayContaining(['from', 'to']));
    }
    expect(doc.paths['/api/paths']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'fromDate', 'toDate']));
    expect(doc.paths['/api/entities/{id}/mentions']!.get!.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
    expect(Object.keys(doc.paths['/api/entities/{id}']!.get!.responses)).toContain('404');
    const cypher = doc.paths['/api/cypher']!.post!;
    expect(cypher.requestBody).toBeDefined();
    expect(Object.keys(cypher.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '422', '429', '503']));
  });

  it('every documented route exists (no 404 from the router)', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body as Doc;
    for (const path of Object.keys(doc.paths)) {
      for (const method of Object.keys(doc.paths[path]!)) {
        const url = path.replace('{id}', 'x');
        const res = method === 'post' ? await request(app).post(url).send({}) : method === 'delete' ? await request(app).delete(url) : await request(app).get(url);
        if (res.status === 404) expect(res.body.error.message).not.toMatch(/^No route/);
      }
    }
  });
});
