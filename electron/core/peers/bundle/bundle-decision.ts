// What an opened bundle's records mean against what this machine holds (docs/peers.md §8), as a pure function: read
// already, a fork, a gap, nothing new, or so many new records per origin. Bundles are cumulative, so an older stick
// after a newer one holds only what is here already and says so; a gap means a stick in between was never read.
import type { BundleDecision, BundleOriginNews, BundleSeqGap } from '../../../../shared/peers/bundle-outcome.js';
import type { BundleHeader } from '../../../../shared/peers/peer-protocol.js';
import type { HaveVector, PeerRecord } from '../../../../shared/peers/peer-record.js';
import type { RosterLine } from './bundle-write.js';

export interface BundleHoldings {
  /** Highest contiguous seq held per origin (`have`). */
  have: HaveVector;
  /** Bundles read here before (`peer_bundles`): id → when, as the local ISO time it was read. */
  readBundles: ReadonlyMap<string, string>;
  /** The hash of the held record at (origin, seq), or null when it is not held here (archived, say). */
  heldHashAt(deviceId: string, seq: number): string | null;
  /** The seq through which an origin's rows are already taken here without their event (its archived head); 0: none. */
  archivedThrough?(deviceId: string): number;
  /** The newest city roster snapshot this machine took, by the puller's clock; null: none. */
  rosterPulledMs?: number | null;
}

/** The ms of an HLC "<ms>-<counter>". */
export function hlcMs(hlc: string): number {
  return Number(hlc.slice(0, 13));
}

function byOrigin(records: readonly PeerRecord[]): Map<string, PeerRecord[]> {
  const origins = new Map<string, PeerRecord[]>();
  for (const record of records) {
    const run = origins.get(record.deviceId);
    if (run === undefined) origins.set(record.deviceId, [record]);
    else run.push(record);
  }
  for (const run of origins.values()) run.sort((a, b) => a.seq - b.seq);
  return new Map([...origins.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function bundleOutcome(header: BundleHeader, records: readonly PeerRecord[], holdings: BundleHoldings, roster: RosterLine | null = null): BundleDecision {
  const about = { bundleId: header.bundleId, from: header.from, writtenAt: header.createdAt };
  const readAt = holdings.readBundles.get(header.bundleId);
  if (readAt !== undefined) return { code: 'BUNDLE_ALREADY_READ', ...about, readAt };
  const origins = byOrigin(records);
  // A fork first: a record unlike the one held at its place is a standing alert, whatever else the bundle brings.
  for (const [deviceId, run] of origins) {
    const held = holdings.have[deviceId] ?? 0;
    for (const record of run) {
      if (record.seq > held) break;
      const hash = holdings.heldHashAt(deviceId, record.seq);
      if (hash !== null && hash !== record.hash) return { code: 'BUNDLE_FORK', ...about, deviceId, seq: record.seq };
    }
  }
  const gaps: BundleSeqGap[] = [];
  const news: BundleOriginNews[] = [];
  for (const [deviceId, run] of origins) {
    const held = holdings.have[deviceId] ?? 0;
    const fresh = run.filter((r) => r.seq > held);
    const first = fresh[0];
    if (first === undefined) continue;
    let expected = held + 1;
    for (const record of fresh) {
      if (record.seq > expected) gaps.push({ deviceId, fromSeq: expected, toSeq: record.seq - 1 });
      expected = Math.max(expected, record.seq + 1);
    }
    const last = fresh[fresh.length - 1] ?? first;
    news.push({ deviceId, count: fresh.length, fromSeq: first.seq, toSeq: last.seq, newestMs: fresh.reduce((ms, r) => Math.max(ms, hlcMs(r.hlc)), 0) });
  }
  if (gaps.length > 0) return { code: 'BUNDLE_GAP', ...about, gaps };
  const rosterIsNew = roster !== null && (holdings.rosterPulledMs === undefined || holdings.rosterPulledMs === null || roster.pulledMs > holdings.rosterPulledMs);
  if (news.length === 0 && !rosterIsNew) return { code: 'BUNDLE_NOTHING_NEW', ...about };
  return { code: 'BUNDLE_READ', ...about, origins: news, total: news.reduce((n, o) => n + o.count, 0), roster: rosterIsNew };
}
