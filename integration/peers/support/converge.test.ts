// The proofs' comparison itself: two machines' snapshots differ exactly where a row differs, and the bounded wait
// gives up with what still differed.
import { describe, expect, it } from 'vitest';
import { differences, waitUntilSame, type Snapshot } from './converge.js';

function snap(rows: unknown[]): Snapshot {
  return { tables: new Map([['absences', { digest: JSON.stringify(rows), rows }]]) };
}

describe('the proofs\' comparison', () => {
  it('finds nothing between equal snapshots and names the rows only one side holds', () => {
    const a = [{ id: 'a1', reason: 'sick' }];
    expect(differences([{ name: 'door 1', snap: snap(a) }, { name: 'office', snap: snap([...a]) }])).toBeNull();
    const diff = differences([{ name: 'door 1', snap: snap(a) }, { name: 'office', snap: snap([{ id: 'a1', reason: 'family' }]) }]);
    expect(diff).toContain('absences: door 1 1 rows, office 1');
    expect(diff).toContain('"reason":"sick"');
    expect(diff).toContain('"reason":"family"');
  });

  it('gives up at its deadline with the last difference', async () => {
    let asked = 0;
    await expect(
      waitUntilSame('the test', () => {
        asked += 1;
        return `still ${String(asked)}`;
      }, 60, 10),
    ).rejects.toThrow(/the test: still not the same after 60 ms:\nstill \d+/);
    expect(asked).toBeGreaterThan(1);
    expect(asked).toBeLessThan(10);
  });
});
