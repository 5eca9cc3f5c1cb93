import { describe, expect, it } from 'vitest';
import { largestGrowth, summarizeHeapSnapshot } from './heap-snapshot-summary.js';

/** A heap snapshot in Chrome's format with nodes given as [type, name, self size]. */
function snapshot(nodes: [string, string, number][]): string {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native'];
  const strings = [...new Set(nodes.map(([, name]) => name))];
  return JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [types] } },
    nodes: nodes.flatMap(([type, name, size], id) => [types.indexOf(type), strings.indexOf(name), id, size]),
    strings,
  });
}

describe('heap snapshot summary', () => {
  const before = summarizeHeapSnapshot(
    snapshot([
      ['object', 'PerformanceMark', 100],
      ['code', 'system / InstructionStream', 1000],
      ['string', 'a receipt', 40],
    ]),
  );
  const after = summarizeHeapSnapshot(
    snapshot([
      ['object', 'PerformanceMark', 100],
      ['object', 'PerformanceMark', 100],
      ['object', 'AudioNode', 300],
      ['code', 'system / InstructionStream', 1000],
      ['code', 'system / InstructionStream', 1500],
      ['string', 'another receipt', 60],
    ]),
  );

  it('splits compiled code from the page objects', () => {
    expect(after.codeMb).toBeCloseTo(0.0025, 9);
    expect(after.otherMb).toBeCloseTo(0.00056, 9);
  });

  it('names what grew by constructor, largest first, strings as one kind', () => {
    expect(largestGrowth(before, after, 5)).toEqual([
      { name: 'AudioNode', count: 1, bytes: 300 },
      { name: 'PerformanceMark', count: 1, bytes: 100 },
      { name: '(string)', count: 0, bytes: 20 },
    ]);
    expect(largestGrowth(before, after, 5, 'codeGroups')).toEqual([{ name: 'system / InstructionStream', count: 1, bytes: 1500 }]);
  });
});
