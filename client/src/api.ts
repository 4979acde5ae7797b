/** The one module that talks to the API. Types come from contract/api.ts; errors become ApiError with the server's message. */
import type {
  CurationCreated,
  CurationListResponse,
  CurationRequest,
  CurationUndone,
  CypherResponse,
  DocumentDatesResponse,
  DocumentDetail,
  DocumentGraphResponse,
  DocumentsResponse,
  EdgeResponse,
  EntityDetail,
  HealthResponse,
  MentionsResponse,
  NeighborsResponse,
  PathsResponse,
  SearchResponse,
  StatsResponse,
  TimelineResponse,
  TrendsResponse,
} from '../../contract/api.ts';

/** The time filter as the range-aware routes take it (see model/time-range.ts rangeQuery). */
type Range = { from?: string; to?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

function qs(query: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

async function request<T>(path: string, init: RequestInit & { signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', `Cannot reach the API: ${(err as Error).message}`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? (text.slice(0, 200) || res.statusText), e?.details);
  }
  if (body === null) throw new ApiError(res.status, 'BAD_RESPONSE', `Expected JSON from ${path}, got ${text.slice(0, 80) || 'nothing'}`);
  return body as T;
}

const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });

export const api = {
  health: (signal?: AbortSignal) => get<HealthResponse>('/health', signal),
  stats: (signal?: AbortSignal) => get<StatsResponse>('/stats', signal),
  search: (q: string, opts: { types?: readonly string[]; limit?: number; docLimit?: number } & Range = {}, signal?: AbortSignal) =>
    get<SearchResponse>(`/search${qs({ q, ...opts })}`, signal),
  entity: (id: string, signal?: AbortSignal, range: Range = {}) => get<EntityDetail>(`/entities/${enc(id)}${qs(range)}`, signal),
  mentions: (id: string, opts: { limit?: number; offset?: number } & Range = {}, signal?: AbortSignal) =>
    get<MentionsResponse>(`/entities/${enc(id)}/mentions${qs(opts)}`, signal),
  neighbors: (id: string, opts: { types?: readonly string[]; relTypes?: readonly string[]; limit?: number; direction?: 'out' | 'in' } & Range = {}, signal?: AbortSignal) =>
    get<NeighborsResponse>(`/entities/${enc(id)}/neighbors${qs(opts)}`, signal),
  timeline: (id: string, signal?: AbortSignal, range: Range = {}) => get<TimelineResponse>(`/entities/${enc(id)}/timeline${qs(range)}`, signal),
  edges: (source: string, target: string, type?: string, signal?: AbortSignal, range: Range = {}) =>
    get<EdgeResponse>(`/edges${qs({ source, target, type, limit: 50, ...range })}`, signal),
  documents: (opts: { q?: string; publication?: string; limit?: number; offset?: number; sort?: string; order?: 'asc' | 'desc' } & Range = {}, signal?: AbortSignal) =>
    get<DocumentsResponse>(`/documents${qs(opts)}`, signal),
  documentDates: (signal?: AbortSignal) => get<DocumentDatesResponse>('/documents/dates', signal),
  document: (id: string, signal?: AbortSignal) => get<DocumentDetail>(`/documents/${enc(id)}`, signal),
  documentGraph: (id: string, opts: { limit?: number; types?: readonly string[]; coMentions?: boolean } = {}, signal?: AbortSignal) =>
    get<DocumentGraphResponse>(`/documents/${enc(id)}/graph${qs(opts)}`, signal),
  /** The time filter is fromDate/toDate here: from/to are the two ends. */
  paths: (from: string, to: string, opts: { maxHops?: number; limit?: number } & Range = {}, signal?: AbortSignal) =>
    get<PathsResponse>(`/paths${qs({ from, to, maxHops: opts.maxHops, limit: opts.limit, fromDate: opts.from, toDate: opts.to })}`, signal),
  trends: (from: string, to: string, opts: { types?: readonly string[]; limit?: number; risingBy?: 'mentions' | 'documents' } = {}, signal?: AbortSignal) =>
    get<TrendsResponse>(`/trends${qs({ from, to, ...opts })}`, signal),
  cypher: (query: string, params: Record<string, unknown> = {}, signal?: AbortSignal) =>
    request<CypherResponse>('/cypher', { method: 'POST', body: JSON.stringify({ query, params }), signal }),
  curation: (signal?: AbortSignal) => get<CurationListResponse>('/curation', signal),
  /** `token`: the server's CURATION_TOKEN, when it asks for one. */
  curate: (decision: CurationRequest, token?: string | null) =>
    request<CurationCreated>('/curation', { method: 'POST', body: JSON.stringify(decision), headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  undoCuration: (id: string, token?: string | null) =>
    request<CurationUndone>(`/curation/${enc(id)}`, { method: 'DELETE', headers: token ? { Authorization: `Bearer ${token}` } : {} }),
};
