import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * A module's declaration (modules/<name>/index.ts) loads its worker part (`./worker`) and its
 * UI part (`./ui/module`) on demand. Each build needs only one of them: the UI build leaves the
 * worker parts out and the worker build the UI parts, so neither ships the other's chunks.
 * Only for builds: tests in Node load every part.
 */
function onlyThisSide(part: string): Plugin {
  const stub = `\0not-on-this-side:${part}`;
  return {
    name: `outpost-not-on-this-side:${part}`,
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === part && importer && /[\\/]modules[\\/][^\\/]+[\\/]index\.ts$/.test(importer))
        return stub;
      return null;
    },
    load(id) {
      return id === stub ? 'export {};' : null;
    },
  };
}

// The renderer (UI thread + data-core worker). Served from app:// in Electron and from
// http://127.0.0.1 in web mode; `base: './'` keeps asset URLs relative for both.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), onlyThisSide('./worker')],
  // PouchDB still expects Node's `global` and `events` in the browser.
  define: { global: 'globalThis' },
  resolve: { alias: { events: 'events' } },
  worker: { format: 'es', plugins: () => [onlyThisSide('./ui/module')] },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: [
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // Deep tests (`npm run test:deep`, vitest.deep.config.ts) take minutes: not in the default run.
    exclude: ['**/node_modules/**', '**/.git/**', '**/*.deep.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // pouchdb-replication 9.0.0 calls `src.info()` after each batch without a catch, so a
    // server that a test deliberately stops mid-replication leaves an unhandled FetchError
    // (ECONNRESET/ECONNREFUSED) behind. That one is expected; every other unhandled error fails.
    onUnhandledError(error) {
      const e = error as { name?: string; code?: string; errno?: string; message?: string };
      const code = e.code ?? e.errno;
      if (e.name === 'FetchError' && (code === 'ECONNRESET' || code === 'ECONNREFUSED'))
        return false;
    },
  },
});
