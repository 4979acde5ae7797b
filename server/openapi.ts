/**
 * GET /api/openapi.json: OpenAPI 3.1 generated from the zod schemas in contract/api.ts — inputs as their
 * input type (what a client sends: strings in the query), responses as their output type — so the document
 * cannot drift from what the server actually validates.
 */
import { z } from 'zod';
import * as C from '../contract/api.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    // A field that accepts "absent" has a default or is optional.
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(field as z.ZodType, 'input'),
  }));
}

interface Route {
  method: 'get' | 'post' | 'delete';
  /** The success status (default 200). */
  status?: number;
  path: string;
  summary: string;
  tag: string;
  response: { name: string; schema: z.ZodType };
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: { name: string; schema: z.ZodType };
  /** Extra error statuses beyond 400/503/500 (404 is added for path parameters). */
  errors?: Record<number, string>;
}

const ROUTES: Route[] = [
  { method: 'get', path: '/api/health', tag: 'meta', summary: 'Database status and graph counts', response: { name: 'HealthResponse', schema: C.HealthResponse } },
  { method: 'get', path: '/api/stats', tag: 'meta', summary: 'Entities, relations and documents by type, publication and month', response: { name: 'StatsResponse', schema: C.StatsResponse } },
  { method: 'get', path: '/api/search', tag: 'entities', summary: 'Ranked entity search over names and aliases (exact, then prefix, then word and typo matches), and issues by title', query: C.SearchQuery, response: { name: 'SearchResponse', schema: C.SearchResponse } },
  { method: 'get', path: '/api/entities/{id}', tag: 'entities', summary: 'One entity with counts, first/last issue and relation counts (over the issues in from/to)', pathParams: C.EntityParams, query: C.EntityQuery, response: { name: 'EntityDetail', schema: C.EntityDetail } },
  { method: 'get', path: '/api/entities/{id}/mentions', tag: 'entities', summary: 'Every mention of the entity, paginated, with its sentence', pathParams: C.EntityParams, query: C.MentionsQuery, response: { name: 'MentionsResponse', schema: C.MentionsResponse } },
  { method: 'get', path: '/api/entities/{id}/neighbors', tag: 'entities', summary: 'The strongest neighbours as graph elements', pathParams: C.EntityParams, query: C.NeighborsQuery, response: { name: 'NeighborsResponse', schema: C.NeighborsResponse } },
  { method: 'get', path: '/api/entities/{id}/timeline', tag: 'entities', summary: 'Mentions per document over time', pathParams: C.EntityParams, query: C.EntityQuery, response: { name: 'TimelineResponse', schema: C.TimelineResponse } },
  { method: 'get', path: '/api/edges', tag: 'graph', summary: 'Evidence sentences of the relation(s) between two entities', query: C.EdgeQuery, response: { name: 'EdgeResponse', schema: C.EdgeResponse }, errors: { 404: 'An entity does not exist' } },
  { method: 'get', path: '/api/documents', tag: 'documents', summary: 'Documents, filtered, sorted and paginated', query: C.DocumentsQuery, response: { name: 'DocumentsResponse', schema: C.DocumentsResponse } },
  { method: 'get', path: '/api/documents/dates', tag: 'documents', summary: 'Issues per day (for a histogram of the archive) and how many are undated', response: { name: 'DocumentDatesResponse', schema: C.DocumentDatesResponse } },
  { method: 'get', path: '/api/documents/{id}/graph', tag: 'documents', summary: 'One issue as a graph: its most mentioned entities and the typed relations it states', pathParams: C.EntityParams, query: C.DocumentGraphQuery, response: { name: 'DocumentGraphResponse', schema: C.DocumentGraphResponse } },
  { method: 'get', path: '/api/documents/{id}', tag: 'documents', summary: 'One document with its text, mentions and entities', pathParams: C.EntityParams, response: { name: 'DocumentDetail', schema: C.DocumentDetail } },
  { method: 'get', path: '/api/trends', tag: 'graph', summary: 'What is new in a period against the one before: entities first seen, rising fastest, new typed relations', query: C.TrendsQuery, response: { name: 'TrendsResponse', schema: C.TrendsResponse }, errors: { 422: 'The trends query exceeded the time limit' } },
  { method: 'get', path: '/api/paths', tag: 'graph', summary: 'Shortest paths between two entities or documents', query: C.PathsQuery, response: { name: 'PathsResponse', schema: C.PathsResponse }, errors: { 404: 'An end does not exist', 422: 'The path search exceeded the time limit' } },
  {
    method: 'post',
    path: '/api/cypher',
    tag: 'console',
    summary: 'Run a read-only Cypher query (rate-limited, time-limited, row-capped)',
    body: { name: 'CypherRequest', schema: C.CypherRequest },
    response: { name: 'CypherResponse', schema: C.CypherResponse },
    errors: { 403: 'The query writes, administers or calls a procedure outside the allowlist', 413: 'Request body over 64 kB', 422: 'The query exceeded the time or memory limit', 429: 'Too many console queries' },
  },
  { method: 'get', path: '/api/curation', tag: 'curation', summary: 'Curation decisions in the order they apply, and whether this server takes curation writes', response: { name: 'CurationListResponse', schema: C.CurationListResponse } },
  {
    method: 'post',
    path: '/api/curation',
    tag: 'curation',
    summary: 'Make a curation decision (merge, rename, retype, split-alias, delete, reject-relation), applied at once and by every later ingest',
    status: 201,
    body: { name: 'CurationRequest', schema: C.CurationRequest },
    response: { name: 'CurationCreated', schema: C.CurationCreated },
    errors: { 401: 'CURATION_TOKEN is set and the request does not carry it', 403: 'Curation writes are off (non-loopback bind without CURATION_TOKEN)', 404: 'An entity or relation the decision names does not exist' },
  },
  {
    method: 'delete',
    path: '/api/curation/{id}',
    tag: 'curation',
    summary: 'Undo a curation decision: the graph goes back to the extractor’s view for it',
    pathParams: C.CurationParams,
    response: { name: 'CurationUndone', schema: C.CurationUndone },
    errors: { 401: 'CURATION_TOKEN is set and the request does not carry it', 403: 'Curation writes are off (non-loopback bind without CURATION_TOKEN)', 409: 'A later decision builds on this one' },
  },
];

export function buildOpenApi(): JsonSchema {
  const schemas: Record<string, JsonSchema> = { ApiError: jsonSchema(C.ApiError, 'output') };
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });

  for (const r of ROUTES) {
    schemas[r.response.name] = jsonSchema(r.response.schema, 'output');
    if (r.body) schemas[r.body.name] = jsonSchema(r.body.schema, 'input');
    const params = [...(r.pathParams ? parameters(r.pathParams, 'path') : []), ...(r.query ? parameters(r.query, 'query') : [])];
    const responses: Record<string, unknown> = {
      [r.status ?? 200]: { description: r.status === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.response.name}` } } } },
    };
    if (params.length || r.body) responses[400] = errorResponse('Invalid request (the message names each bad field)');
    if (r.pathParams) responses[404] = errorResponse('No such id');
    for (const [status, description] of Object.entries(r.errors ?? {})) responses[status] = errorResponse(description);
    responses[500] = errorResponse('Unexpected server error (never with a stack trace)');
    responses[503] = errorResponse('The graph database is unavailable; retry after the Retry-After delay');
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      operationId: `${r.method}${r.path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, 'By_$1').split(/[/_-]/).filter(Boolean).map((s) => s[0]!.toUpperCase() + s.slice(1)).join('')}`,
      summary: r.summary,
      tags: [r.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.body.name}` } } } } } : {}),
      responses,
    };
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'getOpenapiJson',
      summary: 'This document',
      tags: ['meta'],
      responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Newsletter knowledge-graph explorer API',
      version: '0.1.0',
      description: 'Entities, mentions, relations and documents extracted from AI/ML newsletters, stored in Neo4j. Generated from contract/api.ts.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas },
  };
}
