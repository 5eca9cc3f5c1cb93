// Bundles the Node side with esbuild: the web host CLI (ESM), the Electron main process and preload (CJS).
// Packages stay external: they are installed beside dist/ (and packed by electron-builder).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/web/cli.ts'], outfile: 'dist/web/cli.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external' }),
  // The sync worker thread both shells start (electron/core/sync/sync-worker.ts), beside them in dist/.
  build({ ...common, entryPoints: ['electron/core/sync/sync-worker.ts'], outfile: 'dist/sync-worker.mjs', format: 'esm', packages: 'external' }),
  // The full database check's worker thread (electron/core/services/chain-audit-worker.ts), beside them in dist/.
  build({ ...common, entryPoints: ['electron/core/services/chain-audit-worker.ts'], outfile: 'dist/chain-audit-worker.mjs', format: 'esm', packages: 'external' }),
  // A sandboxed preload may only require 'electron': everything else is bundled in.
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
