/**
 * `npm run mcp`: the MCP server over stdio, for Claude Desktop / Claude Code and other local MCP clients. Finds
 * Neo4j like `npm start` (mcp/connection.ts). stdout carries the protocol, so every log line goes to stderr.
 * Ends when the client closes stdin (or on SIGINT/SIGTERM), shutting down an embedded Neo4j it started.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from '../core/config.ts';
import { lazyGraph } from './connection.ts';
import { RateLimiter } from './errors.ts';
import { createMcpServer } from './server.ts';

// Anything that prints (the ingest on first start, a library) must not corrupt the JSON-RPC stream.
console.log = console.info = console.debug = console.error;
const log = (msg: string) => console.error(`[mcp] ${msg}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const graph = lazyGraph(config, log);
  graph.driver().catch((err: Error) => log(`${err.message} (tools will say so and retry on the next call)`));
  const server = createMcpServer({ driver: graph.driver, config, log, cypherLimiter: new RateLimiter(config.CYPHER_RATE_LIMIT), clientKey: 'stdio' });
  await server.connect(new StdioServerTransport());
  log('MCP server on stdio ready');

  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: shutting down…`);
    Promise.allSettled([server.close(), graph.close()]).then(() => process.exit(0));
  };
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: Error) => {
  log(`start failed: ${err.message}`);
  process.exit(1);
});
