// Bundles the Node side with esbuild: the web host CLI (ESM), the Electron main process and preload (CJS).
// The pure-JavaScript packages are bundled in: loading them file by file from node_modules (resolving, reading and
// compiling each of zod's modules, say) was a third of the time from the kiosk's start to its first tap answered.
// Packages stay external (installed beside dist/ and packed by electron-builder) when they are native, or when the
// kiosk loads them only on demand (the admin's exports and the holiday calendar), so they cost the start nothing.
import { build } from 'esbuild';

// `--outdir <dir>`: the same bundles elsewhere (the peers' integration proofs build a host of their own before
// `npm run build` has made dist/, which the unit tests come before). The Electron shell's files come only with dist/.
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt === -1 ? 'dist' : process.argv[outdirAt + 1];
if (!outdir) throw new Error('--outdir needs a folder');
const hostOnly = outdir !== 'dist';

const external = ['better-sqlite3', 'node-hid', 'exceljs', 'pdfkit', 'date-holidays', 'electron', 'bufferutil', 'utf-8-validate'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external };
// Bundled CommonJS packages call require(), which an ES module lacks: one made for the bundle's own place.
const esm = { ...common, format: 'esm', banner: { js: "import { createRequire as esikCreateRequire } from 'node:module'; const require = esikCreateRequire(import.meta.url);" } };
// A CommonJS bundle has no import.meta: its url is this file's (the holiday calendar is required relative to it).
const cjs = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': 'esikImportMetaUrl' },
  banner: { js: "const esikImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...esm, entryPoints: ['electron/web/cli.ts'], outfile: `${outdir}/web/cli.mjs` }),
  hostOnly ? null : build({ ...cjs, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // The sync worker thread both shells start (electron/core/sync/sync-worker.ts), beside them in dist/.
  build({ ...esm, entryPoints: ['electron/core/sync/sync-worker.ts'], outfile: `${outdir}/sync-worker.mjs` }),
  // The full database check's worker thread (electron/core/ledger/chain-audit-worker.ts), beside them in dist/.
  build({ ...esm, entryPoints: ['electron/core/ledger/chain-audit-worker.ts'], outfile: `${outdir}/chain-audit-worker.mjs` }),
  // The automatic backups' worker thread (electron/core/backup/backup-worker.ts), beside them in dist/.
  build({ ...esm, entryPoints: ['electron/core/backup/backup-worker.ts'], outfile: `${outdir}/backup-worker.mjs` }),
  // The peer link's worker thread (electron/core/peer-worker-entry.ts), beside them in dist/.
  build({ ...esm, entryPoints: ['electron/core/peer-worker-entry.ts'], outfile: `${outdir}/peer-worker.mjs` }),
  // A sandboxed preload may only require 'electron': everything else is bundled in.
  hostOnly ? null : build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
