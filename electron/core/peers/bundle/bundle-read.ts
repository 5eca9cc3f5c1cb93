// Reads a USB bundle to the end of what peers/ decides (docs/peers.md §8): open it (bundle-open.ts), decide what its
// records mean here (bundle-decision.ts), and judge the chain of the new ones as a LAN page is judged
// (record-verify.ts), all before anything is written. Writing the records is the import's: it gets `fresh` only on
// BUNDLE_READ.
import type { BundleOutcome } from '../../../../shared/peers/bundle-outcome.js';
import type { PeerRecord } from '../../../../shared/peers/peer-record.js';
import { verifyPage } from '../record-verify.js';
import { bundleOutcome, type BundleHoldings } from './bundle-decision.js';
import { openBundle, openBundleFile, type OpenBundleContext, type OpenedBundle, type OpenResult } from './bundle-open.js';

export interface ReadBundleContext extends OpenBundleContext {
  holdings: BundleHoldings;
}

export interface BundleReading {
  outcome: BundleOutcome;
  /** The opened bundle, when it opened (for the audit's ranges and the way back's `have`). */
  bundle: OpenedBundle | null;
  /** On BUNDLE_READ only: the records to take in, in the bundle's order, each origin's after what is held. */
  fresh: PeerRecord[];
}

export function readBundleFile(path: string, context: ReadBundleContext): BundleReading {
  return decide(openBundleFile(path, context), context);
}

export function readBundle(bytes: Uint8Array, context: ReadBundleContext): BundleReading {
  return decide(openBundle(bytes, context), context);
}

function decide(opened: OpenResult, context: ReadBundleContext): BundleReading {
  if (!opened.ok) return { outcome: opened.refusal, bundle: null, fresh: [] };
  const { bundle } = opened;
  const { holdings } = context;
  // A machine's own log never comes back to it from a peer (record-verify skips it too), so it is never "new" here.
  const foreign = bundle.records.filter((r) => r.deviceId !== context.deviceId);
  const decision = bundleOutcome(bundle.header, foreign, holdings, bundle.roster);
  if (decision.code === 'BUNDLE_ALREADY_READ') return { outcome: decision, bundle, fresh: [] };
  // Every run judged before its meaning is told: a fork is said only once its origin's signature proves the other row,
  // so no member can raise a standing alert about another's log with a stick.
  const about = { bundleId: decision.bundleId, from: decision.from, writtenAt: decision.writtenAt };
  const verdict = verifyPage({
    records: bundle.records,
    heads: bundle.heads,
    have: holdings.have,
    ownDeviceId: context.deviceId,
    member: context.member,
    heldHashAt: (deviceId, seq) => holdings.heldHashAt(deviceId, seq),
    // Link-only rows are judged as a page's are: up to the archived head the stick names or the one kept here.
    archived: bundle.archived,
    archivedThrough: (deviceId) => holdings.archivedThrough?.(deviceId) ?? 0,
  });
  if (!verdict.ok) {
    const { code, deviceId, seq, why } = verdict.refusal;
    if (code === 'PEER_FORK') return { outcome: { code: 'BUNDLE_FORK', ...about, deviceId, seq }, bundle, fresh: [] };
    if (code === 'PEER_REVOKED') return { outcome: { code: 'BUNDLE_ORIGIN_REVOKED', ...about, deviceId, seq }, bundle, fresh: [] };
    return { outcome: { code: 'BUNDLE_TAMPERED', detail: `${code} ${deviceId}/${seq}: ${why}`, from: decision.from }, bundle, fresh: [] };
  }
  if (decision.code !== 'BUNDLE_READ') return { outcome: decision, bundle, fresh: [] };
  // The decision found every gap against `have` already; one the judge reports was an origin it could not prove
  // for want of another's member record: the same answer holds, a stick in between is missing.
  if (verdict.gaps.length > 0) {
    const firstSeqOf = (deviceId: string): number => foreign.find((r) => r.deviceId === deviceId)?.seq ?? 0;
    const gaps = verdict.gaps.map((g) => ({ deviceId: g.deviceId, fromSeq: g.fromSeq, toSeq: Math.max(g.fromSeq, firstSeqOf(g.deviceId) - 1) }));
    return { outcome: { code: 'BUNDLE_GAP', ...about, gaps }, bundle, fresh: [] };
  }
  return { outcome: decision, bundle, fresh: verdict.accepted };
}
