import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf } from './import-scan.js';
import { isTestCode } from './layers.js';

// The core's folders must form layers, never a ring: a cycle (sync ↔ staff, say) means neither can be read,
// tested or replaced alone. The folder table in layers.ts says who may import whom; this test catches a ring
// even where that table was widened by mistake. Tests and testing/ kits stand above the folders they build, so they
// are left out.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const coreRoot = join(root, 'electron', 'core');

function folderOf(file: string): string {
  const parts = relative(coreRoot, file).split(sep);
  return parts.length > 1 ? (parts[0] ?? '.') : '.';
}

function coreFolderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !isTestCode(relative(root, full))) {
        const from = folderOf(full);
        for (const specifier of importsOf(readFileSync(full, 'utf8'))) {
          if (!specifier.startsWith('.')) continue;
          const target = resolve(dirname(full), specifier);
          if (relative(coreRoot, target).startsWith('..')) continue;
          const to = folderOf(target);
          if (to === from) continue;
          const edges = graph.get(from) ?? new Set<string>();
          edges.add(to);
          graph.set(from, edges);
        }
      }
    }
  };
  walk(coreRoot);
  return graph;
}

/** One cycle per strongly connected group of folders, each written as a → b → a. */
export function cyclesIn(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (seen === undefined) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('core folders', () => {
  it('import one another without any cycle', () => {
    const graph = coreFolderGraph();
    expect(graph.get('.')?.size ?? 0).toBeGreaterThan(3);
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const ring = new Map([
      ['sync', new Set(['staff', 'ledger'])],
      ['staff', new Set(['ledger', 'sync'])],
      ['ledger', new Set<string>()],
    ]);
    expect(cyclesIn(ring)).toEqual(['sync → staff → sync']);
    expect(cyclesIn(new Map([['staff', new Set(['ledger'])]]))).toEqual([]);
  });
});
