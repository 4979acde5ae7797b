/**
 * Worker thread for ./parallel.ts: runs the text-only half of extraction (prepareText) on whatever text it is sent.
 * Messages in: { id, text }. Out: { id, prepared } or { id, error }.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { prepareText } from './prepare.ts';

if (!parentPort) throw new Error('prepare-worker.ts must run as a worker thread');
/**
 * Below the thread that resolves documents in order: on two cores, three busy threads share two, and that thread
 * is the critical path — at the same priority it got about half a core and the workers waited on it; at nice 10 it
 * runs whenever it can and the workers take the rest (AINews, 2 cores: 30 s → 24 s). Linux names the calling
 * thread in /proc/thread-self; elsewhere the priority stays as it is.
 */
const WORKER_NICE = Number(process.env.NLKG_WORKER_NICE ?? 10);
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), WORKER_NICE);
} catch {
  /* no per-thread priority here */
}
const port = parentPort;
port.on('message', (msg: { id: number; text: string }) => {
  try {
    port.postMessage({ id: msg.id, prepared: prepareText(msg.text) });
  } catch (err) {
    port.postMessage({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
