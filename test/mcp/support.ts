/** Drives `npm run mcp`'s entry point (mcp/stdio.ts) with the SDK's own client over stdio, as an MCP host would. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';

export const STDIO_ENTRY = resolve(PROJECT_ROOT, 'mcp/stdio.ts');

export interface StdioSession {
  client: Client;
  /** What the server wrote to stderr (its log). */
  stderr: () => string;
  close(): Promise<void>;
}

export async function startStdioClient(env: Record<string, string>): Promise<StdioSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', STDIO_ENTRY],
    cwd: PROJECT_ROOT,
    env: { ...getDefaultEnvironment(), INGEST_ON_START: 'false', ...env },
    stderr: 'pipe',
  });
  let log = '';
  transport.stderr?.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  const client = new Client({ name: 'nlkg-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => log, close: () => client.close() };
}

export function textOf(result: unknown): string {
  const r = result as CallToolResult;
  return r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** Calls a tool and returns its text and structured content, failing the test with the tool's text if it errored. */
export async function callOk<T = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown>): Promise<{ text: string; data: T }> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (r.isError) throw new Error(`${name} failed: ${textOf(r)}`);
  return { text: textOf(r), data: r.structuredContent as T };
}

export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (!r.isError) throw new Error(`${name} was expected to fail, got: ${textOf(r).slice(0, 300)}`);
  return textOf(r);
}
