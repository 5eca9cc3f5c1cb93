// The TTF fonts the PDF export embeds (DejaVu Sans: every Kazakh and Russian letter), shipped in resources/fonts/
// so the PDF never depends on the system's fonts. Found beside the app wherever it runs: the packaged app's
// resources folder, or the project folder above the running script (web host, tests, bench).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface FontFiles {
  regular: string;
  bold: string;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

function* ancestors(start: string): Generator<string> {
  let dir = resolve(start);
  for (;;) {
    yield dir;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Candidate resources folders, most specific first. */
function resourceFolders(): string[] {
  const folders: string[] = [];
  if (process.env.ESIK_RESOURCES_DIR) folders.push(process.env.ESIK_RESOURCES_DIR);
  // Electron, packaged: electron-builder's extraResources copies resources/ into process.resourcesPath.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) folders.push(join(packaged, 'resources'));
  for (const start of [process.argv[1] ? dirname(process.argv[1]) : null, process.cwd()]) {
    if (start) for (const dir of ancestors(start)) folders.push(join(dir, 'resources'));
  }
  return folders;
}

let found: FontFiles | null = null;

export function fontFiles(): FontFiles {
  if (found) return found;
  for (const folder of resourceFolders()) {
    const regular = join(folder, 'fonts', REGULAR);
    const bold = join(folder, 'fonts', BOLD);
    if (existsSync(regular) && existsSync(bold)) return (found = { regular, bold });
  }
  throw new Error(`the PDF fonts (resources/fonts/${REGULAR}) were not found; set ESIK_RESOURCES_DIR to the resources folder`);
}
