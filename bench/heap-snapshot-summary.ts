// What a V8 heap snapshot holds, summed by kind: compiled code (V8's code and bytecode, WebAssembly's native module)
// apart from everything else, and everything else by constructor, so that two snapshots minutes apart say which of
// the page's own objects (React state, kept logs, performance entries, listeners, audio nodes, image buffers) grew.
import type { CDPSession } from '@playwright/test';
import { z } from 'zod';

/** The part of Chrome's .heapsnapshot format read here (nodes are flat rows of node_fields.length numbers). */
const HeapSnapshotSchema = z.object({
  snapshot: z.object({ meta: z.object({ node_fields: z.array(z.string()), node_types: z.array(z.unknown()) }) }),
  nodes: z.array(z.number()),
  strings: z.array(z.string()),
});

export interface HeapGroup {
  count: number;
  bytes: number;
}

export interface HeapSummary {
  codeMb: number;
  otherMb: number;
  /** Self sizes of everything but compiled code, by constructor (objects) or by kind (strings, arrays, closures…). */
  groups: Map<string, HeapGroup>;
  /** Compiled code by V8's name for it (the function or the kind of code). */
  codeGroups: Map<string, HeapGroup>;
}

/** Strings are named by their text and numbers by their value: each kind is one group, not thousands. */
const KINDS_NAMED_BY_VALUE = new Set(['string', 'concatenated string', 'sliced string', 'number', 'bigint']);

function groupOf(type: string, name: string): string {
  if (KINDS_NAMED_BY_VALUE.has(type)) return `(${type})`;
  if (type === 'object' || type === 'native') return name;
  // Closures by function name, hidden and array nodes by V8's label ('system / Context', '(internal array)').
  return `(${type}) ${name.slice(0, 60)}`;
}

export function summarizeHeapSnapshot(text: string): HeapSummary {
  const snapshot = HeapSnapshotSchema.parse(JSON.parse(text));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = z.array(z.string()).parse(snapshot.snapshot.meta.node_types[0]);
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  if (typeAt < 0 || nameAt < 0 || sizeAt < 0) throw new Error('heap snapshot without type, name or self_size');
  let code = 0;
  let other = 0;
  const groups = new Map<string, HeapGroup>();
  const codeGroups = new Map<string, HeapGroup>();
  const add = (into: Map<string, HeapGroup>, key: string, size: number): void => {
    const group = into.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += size;
    into.set(key, group);
  };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt] ?? 0;
    const type = types[snapshot.nodes[i + typeAt] ?? -1] ?? '?';
    const name = snapshot.strings[snapshot.nodes[i + nameAt] ?? -1] ?? '';
    if (type === 'code' || name.includes('WasmNativeModule')) {
      code += size;
      add(codeGroups, name.slice(0, 60), size);
      continue;
    }
    other += size;
    add(groups, groupOf(type, name), size);
  }
  return { codeMb: code / 1e6, otherMb: other / 1e6, groups, codeGroups };
}

export interface GroupGrowth extends HeapGroup {
  name: string;
}

/** The groups that grew most in bytes from `before` to `after` (count and bytes are differences). */
export function largestGrowth(before: HeapSummary, after: HeapSummary, top: number, of: 'groups' | 'codeGroups' = 'groups'): GroupGrowth[] {
  const growth: GroupGrowth[] = [];
  for (const [name, now] of after[of]) {
    const then = before[of].get(name) ?? { count: 0, bytes: 0 };
    if (now.bytes > then.bytes) growth.push({ name, count: now.count - then.count, bytes: now.bytes - then.bytes });
  }
  return growth.sort((a, b) => b.bytes - a.bytes).slice(0, top);
}

/** Takes a snapshot of the page's heap over the DevTools protocol (V8 collects garbage first) and sums it. */
export async function takeHeapSummary(cdp: CDPSession): Promise<HeapSummary> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return summarizeHeapSnapshot(chunks.join(''));
}
