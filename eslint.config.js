import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * The layers and what each may import of ours (README, "Project layout"). A layer always imports itself and any
 * package; everything of ours not listed is off limits. app/ (the composition root), bench/ and test/ may import
 * every layer; no layer imports them.
 */
export const LAYERS = {
  core: [],
  contract: ['core'],
  cypher: ['core'],
  neo4j: ['core'],
  ingest: ['core', 'cypher'],
  server: ['core', 'contract', 'cypher'],
  'client/src': ['core', 'contract'],
};
const FOLDERS = ['app', 'bench', 'client', 'contract', 'core', 'cypher', 'demo', 'ingest', 'neo4j', 'server', 'test'];

const zones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./${layer}`,
  from: FOLDERS.filter((f) => !allowed.includes(f) && f !== layer.split('/')[0]).map((f) => `./${f}`),
  message: `${layer}/ may import ${allowed.length ? `only ${allowed.map((a) => `${a}/`).join(', ')} of ours` : 'nothing of ours'} (README: Project layout).`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'client/dist/', 'neo4j/target/', 'bench/corpus/', 'test-output/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }] },
  },
);
