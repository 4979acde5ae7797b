/**
 * Worker thread for ./parallel.ts: runs the text-only half of extraction (prepareText) on whatever text it is sent.
 * Messages in: { id, text }. Out: { id, prepared } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { prepareText } from './index.ts';

if (!parentPort) throw new Error('prepare-worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (msg: { id: number; text: string }) => {
  try {
    port.postMessage({ id: msg.id, prepared: prepareText(msg.text) });
  } catch (err) {
    port.postMessage({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
