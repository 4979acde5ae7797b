/**
 * What a file's bytes become depends on the bytes and on the readers: `sourceHash` covers both, so a stored
 * document is known unchanged by its file alone only while neither changed. The readers' part is a hash of this
 * folder's sources and of the parser versions installed (package-lock.json), computed once per process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const PARSERS = ['markdown-it', 'markdown-it-footnote', 'htmlparser2', 'fast-xml-parser', 'yaml'];

let fingerprint: string | undefined;

/** The readers' sources (this folder and the record shape) and the parser versions they run on. */
export function readerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  for (const f of readdirSync(HERE).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(HERE, f)));
  h.update(readFileSync(join(HERE, '../model.ts')));
  const lock = join(HERE, '../../package-lock.json');
  if (existsSync(lock)) {
    const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages?: Record<string, { version?: string }> }).packages ?? {};
    for (const p of PARSERS) h.update(`${p}@${packages[`node_modules/${p}`]?.version ?? '?'}`);
  }
  h.update(process.version);
  fingerprint = h.digest('hex');
  return fingerprint;
}

export function sourceHash(bytes: Uint8Array): string {
  return createHash('sha256').update(readerFingerprint()).update(bytes).digest('hex');
}
