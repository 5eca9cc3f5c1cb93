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
  { folder: 'shared/', mayImport: ['shared/'], packages: ['zod', ...TEST_PACKAGES] },
  {
    folder: 'electron/core/',
    mayImport: ['shared/', 'electron/core/'],
    packages: ['node:', 'better-sqlite3', 'uuid', 'zod', 'node-hid', ...TEST_PACKAGES],
  },
  { folder: 'electron/web/', mayImport: ['shared/', 'electron/core/', 'electron/web/'], packages: ['node:', 'ws', 'zod', ...TEST_PACKAGES] },
  { folder: 'electron/main/', mayImport: ['shared/', 'electron/core/', 'electron/main/'], packages: ['node:', 'electron'] },
  {
    folder: 'renderer/',
    mayImport: ['shared/', 'renderer/'],
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'html5-qrcode', 'zxing-wasm', 'zod', ...TEST_PACKAGES],
  },
];
