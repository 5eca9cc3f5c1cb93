// Who may import whom. Each top folder names the folders and packages its files may import; the
// layering test fails the build on anything else (VS Code keeps a table like this for its layers).

export interface Layer {
  /** Path prefix of the files in this layer. */
  folder: string;
  /** Path prefixes of project folders the layer may import from. */
  mayImport: string[];
  /** Packages (bare specifiers, first segment or scope/name) the layer may import; 'node:' for Node built-ins. */
  packages: string[];
  /** Packages its tests (only) may import as well, e.g. to read the kiosk's file behind the code under test. */
  testPackages?: string[];
  /** The row holds for the folder's code only; its tests and `testing/` kits answer to the next wider row. */
  codeOnly?: true;
}

const TEST_PACKAGES = ['vitest', 'fast-check'];

// date-holidays: the табель's Kazakh calendar; exceljs, pdfkit: its exports; qrcode-generator: printed QR cards;
// pino: the log files.
const CORE_PACKAGES = ['node:', 'better-sqlite3', 'uuid', 'zod', 'node-hid', 'date-holidays', 'exceljs', 'pdfkit', 'qrcode-generator', 'pino', 'fflate'];

/**
 * Packages only one core folder may import. updates/ reads a feed's channel file with electron-updater's own reader
 * (its providers/Provider module, which loads no Electron), so the core and the installer read the file alike;
 * peers/ speaks to the kindergarten's other machines over a WebSocket of its own (docs/peers.md §2), and its tests
 * dial it.
 */
const FOLDER_PACKAGES: Record<string, string[]> = { updates: ['electron-updater'], peers: ['ws'] };

/** One code-only row per core folder: it may import shared/, itself and the floors named. */
function coreFloors(floors: Record<string, string[]>): Layer[] {
  return Object.entries(floors).map(([folder, below]) => ({
    folder: `electron/core/${folder}/`,
    mayImport: ['shared/', `electron/core/${folder}/`, ...below.map((floor) => `electron/core/${floor}/`)],
    packages: [...CORE_PACKAGES, ...(FOLDER_PACKAGES[folder] ?? [])],
    codeOnly: true,
  }));
}

export const layers: Layer[] = [
  { folder: 'shared/', mayImport: ['shared/'], packages: ['zod', '@scure/base', ...TEST_PACKAGES] },
  {
    folder: 'electron/core/',
    mayImport: ['shared/', 'electron/core/'],
    packages: [...CORE_PACKAGES, ...TEST_PACKAGES],
    testPackages: FOLDER_PACKAGES.peers,
  },
  // The core's folders, floors first. A folder may import only the floors below it (and itself), never a sibling
  // above it: ledger/ (the one write path: attendance log, event chain, outbox, sync state, audit, settings) and
  // roster/ (children, companions, cards and their changes) are what door/, staff/, admin/ and sync/ stand on.
  // kiosk-core.ts, api/ and testing/ stand above all of them (the row above).
  ...coreFloors({
    time: [],
    files: [],
    db: ['files'],
    credentials: ['files'],
    guards: [],
    readers: [],
    logging: [],
    // How hard background work (the city push, a peer's catch-up) may press while people are at the door.
    pacing: [],
    // The disk the records live on: free space against the early warning, the records file still reachable.
    disk: ['time', 'files', 'db'],
    // Counts failed starts in the data folder so a crash loop ends on the recovery screen (both shells call it).
    'start-guard': ['files'],
    // credentials/: the peer log signs its rows with the device key (ledger/peer-log.ts, peer-hash.ts).
    ledger: ['time', 'files', 'db', 'credentials'],
    roster: ['time', 'files', 'db', 'credentials', 'ledger'],
    demo: ['credentials'],
    door: ['time', 'files', 'db', 'credentials', 'guards', 'ledger', 'roster'],
    staff: ['time', 'files', 'db', 'guards', 'ledger', 'roster'],
    sync: ['time', 'files', 'db', 'credentials', 'guards', 'ledger', 'roster', 'pacing'],
    admin: ['time', 'files', 'db', 'credentials', 'guards', 'ledger', 'roster', 'staff'],
    // A restore recognises its admin by PIN against the copy's staff accounts (staff/pin-hash.ts, pin-pepper.ts).
    backup: ['time', 'files', 'db', 'guards', 'ledger', 'staff'],
    // Updates: the admin's feed or a USB folder, checked against the vendor's key (credentials/ed25519.ts), the quiet
    // hours read beside the door's settings (ledger/), the admin's acts audited.
    updates: ['time', 'files', 'credentials', 'guards', 'ledger'],
    // The diagnostics page reads the floors and writes its bundle where the admin's exports go.
    diagnostics: ['files', 'db', 'guards', 'logging', 'admin'],
    // The first-run setup: the staff's first admin, the city's enrollment shown before it is kept, the roster's counts.
    setup: ['time', 'files', 'db', 'credentials', 'guards', 'ledger', 'roster', 'staff', 'sync'],
    // Machines of one kindergarten (docs/peers.md): the peer log's import, merge rules, channel and USB bundle. It
    // imports no domain beyond the floors: the appliers of ledger/, roster/, staff/ and admin/ are handed in from the top.
    peers: ['time', 'files', 'db', 'credentials', 'guards', 'ledger', 'roster', 'pacing'],
    // The console's Computers page and the first-run join: the admin's PIN again (staff/), then the peer link's control;
    // a stick sent from the console waits in the one upload store the roster import uses too (files/upload-store.ts).
    computers: ['guards', 'files', 'ledger', 'staff', 'peers'],
  }),
  {
    folder: 'electron/web/',
    mayImport: ['shared/', 'electron/core/', 'electron/web/'],
    packages: ['node:', 'ws', 'zod', ...TEST_PACKAGES],
    testPackages: ['better-sqlite3'],
  },
  { folder: 'electron/main/', mayImport: ['shared/', 'electron/core/', 'electron/main/'], packages: ['node:', 'electron', 'electron-updater'], testPackages: TEST_PACKAGES },
  {
    folder: 'renderer/',
    mayImport: ['shared/', 'renderer/'],
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'zxing-wasm', 'zod', '@tanstack/react-virtual', ...TEST_PACKAGES],
  },
  {
    // The reference city server: speaks the protocol from shared/ and seeds the kiosk's demo kindergarten; no kiosk
    // layer lists city-server/, so kiosk code can never depend on it.
    folder: 'city-server/',
    mayImport: ['shared/', 'electron/core/demo/', 'city-server/'],
    packages: ['node:', 'better-sqlite3', 'zod', 'fastify', ...TEST_PACKAGES],
  },
  {
    // Tests that run the kiosk core against the reference city server over loopback: the one place both meet. The
    // peers' proofs also run the built web host as its own process, started as the Playwright specs start it
    // (e2e/support/kiosk-host.ts), enroll a folder as the specs do (e2e/support/city.ts), and speak to it over the
    // kiosk API's socket (ws).
    folder: 'integration/',
    mayImport: ['shared/', 'electron/core/', 'city-server/', 'integration/', 'e2e/support/kiosk-host', 'e2e/support/city'],
    packages: ['node:', 'better-sqlite3', 'uuid', 'zod', 'esbuild', 'ws', ...TEST_PACKAGES],
  },
];

/** Tests and the `testing/` kits: they may reach past a folder's floors to build what they test. */
export function isTestCode(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || path.includes('/testing/');
}

/** The row that governs a file: the most specific folder that holds it (code-only rows skip tests). */
export function layerOf(path: string): Layer | undefined {
  const test = isTestCode(path);
  return layers
    .filter((layer) => path.startsWith(layer.folder) && !(layer.codeOnly && test))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
}
