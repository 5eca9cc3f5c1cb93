import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, packageName } from './import-scan.js';
import { isTestCode, layerOf, layers, type Layer } from './layers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
    }
  };
  walk(join(root, folder));
  return out;
}

function violations(layer: Layer): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(layer.folder)) {
    const from = relative(root, file);
    if (layerOf(from) !== layer) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), specifier));
        if (!layer.mayImport.some((prefix) => target.startsWith(prefix))) found.push(`${from} imports ${target}`);
      } else if (![...layer.packages, ...(isTestCode(from) ? (layer.testPackages ?? []) : [])].includes(packageName(specifier))) {
        found.push(`${from} imports package ${specifier}`);
      }
    }
  }
  return found;
}

describe('layering', () => {
  for (const layer of layers) {
    it(`${layer.folder} imports only what its layer allows`, () => {
      expect(sourceFiles(layer.folder).length).toBeGreaterThan(0);
      expect(violations(layer)).toEqual([]);
    });
  }

  it('catches a forbidden import (the check itself works)', () => {
    expect(importsOf("import { app } from 'electron';\nimport x from '../../renderer/src/App.js';")).toEqual(['electron', '../../renderer/src/App.js']);
    expect(packageName('@scope/pkg/deep')).toBe('@scope/pkg');
    expect(packageName('node:fs')).toBe('node:');
  });

  it('holds a core folder to its floors, and its tests to the core row', () => {
    expect(layerOf('electron/core/ledger/outbox-store.ts')?.mayImport).not.toContain('electron/core/sync/');
    expect(layerOf('electron/core/ledger/outbox-store.test.ts')?.folder).toBe('electron/core/');
    expect(layerOf('electron/core/staff/testing/staff-kit.ts')?.folder).toBe('electron/core/');
    expect(layerOf('electron/core/kiosk-core.ts')?.folder).toBe('electron/core/');
  });

  it('keeps the one upload store on a floor both its users stand on', () => {
    // The console sends a roster workbook (admin/) and a stick (computers/) piece by piece into one store; files/ is
    // the lowest floor, importing no other core folder, so computers/ may stand on it without reaching a domain.
    for (const user of ['electron/core/admin/roster-import-desk.ts', 'electron/core/computers/stick-desk.ts']) {
      expect(layerOf(user)?.mayImport).toContain('electron/core/files/');
    }
    expect(layerOf('electron/core/files/upload-store.ts')?.mayImport).toEqual(['shared/', 'electron/core/files/']);
  });
});
