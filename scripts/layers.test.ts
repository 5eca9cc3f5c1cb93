import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layers, type Layer } from './layers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

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

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean);
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function violations(layer: Layer): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(layer.folder)) {
    const from = relative(root, file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), specifier));
        if (!layer.mayImport.some((prefix) => target.startsWith(prefix))) found.push(`${from} imports ${target}`);
      } else if (!layer.packages.includes(packageName(specifier))) {
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
});
