/**
 * Every environment variable the project reads, validated once; every entry point (app/) loads it here. README's
 * configuration table mirrors this.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './log.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('password'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(512),
  NEO4J_HEAP_MB: z.coerce.number().int().min(128).default(1024),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  CORPUS_DIR: z.string().default('demo/corpus'),
  INGEST_ON_START: flag.default(true),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
  CYPHER_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /**
   * Responses the API keeps for its read routes (LRU, also bounded to 64 MB), dropped whenever an ingest changes
   * the graph; 0 disables the cache. See server/cache.ts.
   */
  API_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  CORS_ORIGIN: z.string().optional(),
  /**
   * Curation writes (POST / DELETE /api/curation) are on while HOST is loopback; with this set they are on whatever
   * HOST is, and every write must send `Authorization: Bearer <token>`. Empty means unset.
   */
  CURATION_TOKEN: z
    .string()
    .optional()
    .transform((s) => s || undefined)
    .pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** What the server and `npm start` log (core/log.ts). */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * The MCP Streamable HTTP endpoint at /mcp (mcp/http.ts): 'loopback' answers only clients on this machine (and
   * only Host headers naming it), even when HOST exposes the explorer; 'any' answers every client that reaches
   * HOST; 'off' removes it. The stdio server (`npm run mcp`) does not read it.
   */
  MCP_HTTP: z.enum(['loopback', 'any', 'off']).default('loopback'),
  /** Host names (no port) /mcp accepts in the Host header; default: localhost, 127.0.0.1, [::1] in loopback mode, any in 'any'. */
  MCP_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((h) => h.trim()).filter(Boolean) : undefined)),
});

export type Config = z.infer<typeof EnvSchema> & { projectRoot: string };

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    NEO4J_DATA_DIR: resolve(PROJECT_ROOT, c.NEO4J_DATA_DIR),
    CORPUS_DIR: resolve(process.cwd(), c.CORPUS_DIR),
    projectRoot: PROJECT_ROOT,
  };
}
