// Reads a USB bundle to the end of what peers/ decides (docs/peers.md §8): open it (bundle-open.ts), decide what its
// records mean here (bundle-decision.ts), and check the chain of the new ones as a LAN page is checked, all before
// anything is written. Writing the records is the import's (§10 steps 4 and 7): it gets `fresh` only on BUNDLE_READ.
import type { BundleOutcome } from '../../../../shared/peers/bundle-outcome.js';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import { bundleOutcome, type BundleHoldings } from './bundle-decision.js';
import { openBundle, openBundleFile, type OpenBundleContext, type OpenedBundle, type OpenResult } from './bundle-open.js';

/**
 * The chain check of records that continue what is held (links from `have`, each hash and content hash, the signed
 * head of each origin's last record, the origin a member within its accepted seqs): null when they hold.
 */
export type RecordsVerifier = (records: readonly PeerRecord[], heads: readonly SignedHead[]) => RecordsRefusal | null;
export type RecordsRefusal = { fork: { deviceId: string; seq: number }; detail: string } | { fork?: undefined; detail: string };

export interface ReadBundleContext extends OpenBundleContext {
  holdings: BundleHoldings;
  verify: RecordsVerifier;
}

export interface BundleReading {
  outcome: BundleOutcome;
  /** The opened bundle, when it opened (for the audit's ranges and the way back's `have`). */
  bundle: OpenedBundle | null;
  /** On BUNDLE_READ only: the records to take in, each origin's in seq order after what is held. */
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
  const decision = bundleOutcome(bundle.header, bundle.records, context.holdings, bundle.roster);
  if (decision.code !== 'BUNDLE_READ') return { outcome: decision, bundle, fresh: [] };
  const have = context.holdings.have;
  const fresh = bundle.records.filter((r) => r.seq > (have[r.deviceId] ?? 0));
  const refusal = context.verify(fresh, bundle.heads);
  if (refusal === null) return { outcome: decision, bundle, fresh };
  const about = { bundleId: decision.bundleId, from: decision.from, writtenAt: decision.writtenAt };
  if (refusal.fork !== undefined) return { outcome: { code: 'BUNDLE_FORK', ...about, ...refusal.fork }, bundle, fresh: [] };
  return { outcome: { code: 'BUNDLE_TAMPERED', detail: refusal.detail, from: decision.from }, bundle, fresh: [] };
}
