import { defineConfig } from 'vitest/config';
import base from './vite.config.js';

// `npm run test:deep`: only the deep tests (*.deep.test.ts), which the default run leaves out.
// One file at a time: each starts servers and devices and wants both cores to itself.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src-renderer/**/*.deep.test.ts', 'server/**/*.deep.test.ts'],
    exclude: ['**/node_modules/**', '**/.git/**'],
    fileParallelism: false,
    hookTimeout: 300_000,
  },
});
