import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deskMembers } from './desk-scan.js';
import { importsOf } from './import-scan.js';
import { isTestCode } from './layers.js';

// Each domain desk (door, staff, admin, cards) answers its callers through a small API of methods named for what they
// do; its services stay private. The handlers call one level deep: they import only their own desk (and sibling
// handlers), the guards and shared/ contracts. kiosk-core assembles the desks and reaches none of their services.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const coreRoot = join(root, 'electron', 'core');

function coreFiles(match: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (match(entry.name) && !isTestCode(relative(root, full))) out.push(full);
    }
  };
  walk(coreRoot);
  return out;
}

/** Imports of `file` that are not shared/, the guards, or (when `own` says so) files of its own desk. */
function reachesPast(file: string, own: (target: string) => boolean): string[] {
  const found: string[] = [];
  for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
    if (!specifier.startsWith('.')) continue;
    const target = relative(root, resolve(dirname(file), specifier));
    if (target.startsWith('shared/') || target.startsWith('electron/core/guards/') || own(target)) continue;
    found.push(`${relative(root, file)} imports ${target}`);
  }
  return found;
}

const isDeskFile = (path: string): boolean => /-(desk|handlers)\.js$/.test(basename(path));

/** The desk folders: every core folder that has a `*-desk.ts`. */
const deskFolders = (): string[] => [...new Set(coreFiles((name) => name.endsWith('-desk.ts')).map((file) => relative(root, dirname(file))))];

describe('desk APIs', () => {
  const desks = coreFiles((name) => name.endsWith('-desk.ts'));

  it('every desk keeps its services private: no public field on any desk', () => {
    const all = desks.flatMap((file) => deskMembers(file, readFileSync(file, 'utf8')));
    expect(all.map((d) => d.desk).sort()).toEqual(expect.arrayContaining(['AdminDesk', 'CardDesk', 'DoorDesk', 'StaffDesk']));
    expect(all.filter((d) => d.fields.length > 0).map((d) => `${d.desk}: ${d.fields.join(', ')}`)).toEqual([]);
    for (const desk of all) expect(desk.methods.length, desk.desk).toBeGreaterThan(0);
  });

  it('handlers import only their own desk, the guards and shared/ contracts', () => {
    const handlers = coreFiles((name) => name.endsWith('-handlers.ts'));
    expect(handlers.length).toBeGreaterThanOrEqual(4);
    const found = handlers.flatMap((file) => reachesPast(file, (target) => dirname(target) === relative(root, dirname(file)) && isDeskFile(target)));
    expect(found).toEqual([]);
  });

  it('kiosk-core takes only desks and handlers from the desk folders', () => {
    const folders = deskFolders();
    expect(folders).toEqual(expect.arrayContaining(['electron/core/admin', 'electron/core/door', 'electron/core/staff']));
    const found = reachesPast(join(coreRoot, 'kiosk-core.ts'), (target) => !folders.some((folder) => target.startsWith(`${folder}/`)) || isDeskFile(target));
    expect(found).toEqual([]);
  });

  it('tells a public field from a private one (the check itself works)', () => {
    const text = `export class ShowsAll {
      readonly overrides = 1;
      private readonly hidden = 2;
      #alsoHidden = 3;
      constructor(readonly options: object, private readonly db: object, plain: number) {}
      record(): void {}
      private helper(): void {}
      get count(): number { return 0; }
    }`;
    expect(deskMembers('shows-all-desk.ts', text)).toEqual([{ desk: 'ShowsAll', methods: ['record', 'count'], fields: ['overrides', 'options'] }]);
  });
});
