// The pure decision on an opened bundle's records (docs/peers.md §8): each outcome from the smallest holdings that
// earn it, and the order among them (read already, then a fork, then a gap, then nothing new).
import { describe, expect, it } from 'vitest';
import type { BundleHeader } from '../../../../shared/peers/peer-protocol.js';
import type { PeerRecord } from '../../../../shared/peers/peer-record.js';
import { bundleOutcome, hlcMs, type BundleHoldings } from './bundle-decision.js';
import type { RosterLine } from './bundle-write.js';

const A = 'door-a';
const B = 'door-b';
const header: BundleHeader = {
  bundleId: '0193a1f0-0000-7000-8000-00000000b001',
  groupId: '0193a1f0-0000-7000-8000-00000000aaaa',
  from: A,
  createdAt: '2026-12-04T14:02:00.000+05:00',
  hlc: '1796389320000-0000',
  nonce: 'AAAAAAAAAAAAAAAA',
  recipients: [{ deviceId: 'office', eph: 'A'.repeat(43), wrapped: 'A'.repeat(64) }],
  covers: {},
  have: {},
};

/** Only what the decision reads: origin, seq, hash, hlc. */
function rec(deviceId: string, seq: number, hash = `${deviceId}:${seq}`, ms = 1_796_389_000_000 + seq * 1000): PeerRecord {
  return { deviceId, seq, kind: 'setting', id: `id-${deviceId}-${seq}`, hlc: `${ms}-0000`, base: null, prevHash: '0'.repeat(64), hash, contentHash: '0'.repeat(64), body: '{}' };
}
const run = (deviceId: string, from: number, to: number): PeerRecord[] => Array.from({ length: to - from + 1 }, (_, i) => rec(deviceId, from + i));

function holdings(have: Record<string, number>, change: Partial<BundleHoldings> = {}): BundleHoldings {
  return { have, readBundles: new Map(), heldHashAt: (d, s) => (s <= (have[d] ?? 0) ? `${d}:${s}` : null), ...change };
}

const roster = (pulledMs: number): RosterLine => ({
  t: 'roster',
  pulledMs,
  cursor: 'c1',
  snapshot: { kindergarten: { id: 'kg', name: 'Ақбота', demo: false }, groups: [], children: [], companions: [], links: [], credentials: [], staff: [], cityKeys: [], settings: {} },
});

describe('bundleOutcome', () => {
  it('counts the new records per origin, with their seqs and the newest HLC time', () => {
    const outcome = bundleOutcome(header, [...run(B, 1, 4), ...run(A, 1, 10)], holdings({ [A]: 6 }));
    expect(outcome).toEqual({
      code: 'BUNDLE_READ',
      bundleId: header.bundleId,
      from: A,
      writtenAt: header.createdAt,
      total: 8,
      roster: false,
      origins: [
        { deviceId: A, count: 4, fromSeq: 7, toSeq: 10, newestMs: 1_796_389_010_000 },
        { deviceId: B, count: 4, fromSeq: 1, toSeq: 4, newestMs: 1_796_389_004_000 },
      ],
    });
    expect(hlcMs('1796389010000-0042')).toBe(1_796_389_010_000);
  });

  it('says a bundle was read before, whatever it holds', () => {
    const outcome = bundleOutcome(header, run(A, 1, 3), holdings({}, { readBundles: new Map([[header.bundleId, '2026-12-04T14:05:00.000+05:00']]) }));
    expect(outcome).toMatchObject({ code: 'BUNDLE_ALREADY_READ', readAt: '2026-12-04T14:05:00.000+05:00' });
  });

  it('says nothing is new when every record is held, and an empty bundle too', () => {
    expect(bundleOutcome(header, run(A, 1, 5), holdings({ [A]: 9 })).code).toBe('BUNDLE_NOTHING_NEW');
    expect(bundleOutcome(header, [], holdings({ [A]: 9 })).code).toBe('BUNDLE_NOTHING_NEW');
  });

  it('names every gap: before an origin’s first new record and inside its run', () => {
    const records = [...run(A, 9, 12), ...run(A, 15, 16), ...run(B, 1, 2)];
    expect(bundleOutcome(header, records, holdings({ [A]: 5 }))).toMatchObject({
      code: 'BUNDLE_GAP',
      gaps: [
        { deviceId: A, fromSeq: 6, toSeq: 8 },
        { deviceId: A, fromSeq: 13, toSeq: 14 },
      ],
    });
  });

  it('puts a fork before a gap, and reads a record it cannot compare (archived here) as no fork', () => {
    const records = [rec(A, 3, 'other'), ...run(A, 8, 9)];
    expect(bundleOutcome(header, records, holdings({ [A]: 5 }))).toMatchObject({ code: 'BUNDLE_FORK', deviceId: A, seq: 3 });
    const archived = holdings({ [A]: 5 }, { heldHashAt: () => null });
    expect(bundleOutcome(header, [rec(A, 3, 'other'), ...run(A, 6, 7)], archived)).toMatchObject({ code: 'BUNDLE_READ', total: 2 });
  });

  it('takes a newer roster snapshot as news on its own, and an older one as nothing', () => {
    expect(bundleOutcome(header, [], holdings({}, { rosterPulledMs: 100 }), roster(200))).toMatchObject({ code: 'BUNDLE_READ', total: 0, roster: true });
    expect(bundleOutcome(header, [], holdings({}, { rosterPulledMs: 300 }), roster(200)).code).toBe('BUNDLE_NOTHING_NEW');
    expect(bundleOutcome(header, [], holdings({}), roster(200))).toMatchObject({ code: 'BUNDLE_READ', roster: true });
  });
});
