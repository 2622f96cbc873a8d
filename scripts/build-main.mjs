// Bundles the Electron main process and the preload into dist-main/. Both are CommonJS because a
// sandboxed preload cannot load ES modules and cannot `require` anything but `electron`, so
// everything it uses must be inlined; main is bundled too so the packaged app needs no node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src-main/main.ts'], outfile: 'dist-main/main.cjs' }),
  build({ ...common, entryPoints: ['src-main/preload.ts'], outfile: 'dist-main/preload.cjs' }),
]);
console.log('Built dist-main/main.cjs and dist-main/preload.cjs');
