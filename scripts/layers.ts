// Who may import whom. Each top folder names the folders and packages its files may import; the
// layering test fails the build on anything else (VS Code keeps a table like this for its layers).

export interface Layer {
  /** Path prefix of the files in this layer. */
  folder: string;
  /** Path prefixes of project folders the layer may import from. */
  mayImport: string[];
  /** Packages (bare specifiers, first segment or scope/name) the layer may import; 'node:' for Node built-ins. */
  packages: string[];
}

const TEST_PACKAGES = ['vitest', 'fast-check'];

export const layers: Layer[] = [
  { folder: 'shared/', mayImport: ['shared/'], packages: ['zod', '@scure/base', ...TEST_PACKAGES] },
  {
    folder: 'electron/core/',
    mayImport: ['shared/', 'electron/core/'],
    // date-holidays: the табель's Kazakh calendar; exceljs, pdfkit: its exports; qrcode-generator: printed QR cards.
    packages: ['node:', 'better-sqlite3', 'uuid', 'zod', 'node-hid', 'date-holidays', 'exceljs', 'pdfkit', 'qrcode-generator', ...TEST_PACKAGES],
  },
  { folder: 'electron/web/', mayImport: ['shared/', 'electron/core/', 'electron/web/'], packages: ['node:', 'ws', 'zod', ...TEST_PACKAGES] },
  { folder: 'electron/main/', mayImport: ['shared/', 'electron/core/', 'electron/main/'], packages: ['node:', 'electron'] },
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
    // Tests that run the kiosk core against the reference city server over loopback: the one place both meet.
    folder: 'integration/',
    mayImport: ['shared/', 'electron/core/', 'city-server/', 'integration/'],
    packages: ['node:', 'better-sqlite3', 'uuid', 'zod', 'esbuild', ...TEST_PACKAGES],
  },
];
