// `npm start` runs this first: it builds the explorer into client/dist only when a source is newer than the
// last build, so a warm start does not pay for a Vite build (~10 s on two cores).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = ['client/src', 'client/index.html', 'client/vite.config.ts', 'contract', 'core', 'package-lock.json'];
const built = join(root, 'client/dist/index.html');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale = !existsSync(built) || Math.max(...inputs.map((p) => newest(join(root, p)))) > statSync(built).mtimeMs;
if (stale) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'client/vite.config.ts'), logLevel: 'warn' });
}
