/**
 * Builds the explorer into client/dist (served by the API server at `/`).
 * Dev: `npx vite --config client/vite.config.ts` proxies /api to API_URL (default http://127.0.0.1:3000);
 * with MOCK_API=1 it answers /api from the seed corpus instead (test/e2e/support/mock-api.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function mockApi(): Plugin {
  return {
    name: 'explorer-mock-api',
    apply: 'serve',
    async configureServer(server) {
      const { createMockApi, defaultMockPaths } = await import('../test/e2e/support/mock-api.ts');
      const { corpusDir, goldPath } = defaultMockPaths(projectRoot);
      const api = await createMockApi(corpusDir, goldPath);
      server.middlewares.use((req, res, next) => api.handle(req, res, next));
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: process.env.MOCK_API ? [mockApi()] : [],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { cytoscape: ['cytoscape', 'cytoscape-fcose', 'cytoscape-dagre'], codemirror: ['@codemirror/commands', '@codemirror/state', '@codemirror/view', '@codemirror/language', '@codemirror/autocomplete', '@codemirror/legacy-modes/mode/cypher'] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: process.env.MOCK_API ? undefined : { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
});
