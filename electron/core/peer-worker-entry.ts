// The peer worker thread's script (docs/peers.md §5 "Threads"): at the core's top level, the only level that may import
// every domain, so it joins the appliers each owning folder exports into the one map the import calls
// (peers/record-import.ts); peers/ itself imports no domain. A folder that gains appliers adds one line here.
import { isMainThread } from 'node:worker_threads';
import { adminAppliers } from './admin/peer-apply.js';
import { cityAcksAppliers } from './ledger/city-acks-apply.js';
import { memberAppliers } from './ledger/member-apply.js';
import { ledgerAppliers } from './ledger/peer-apply.js';
import type { PeerAppliers } from './ledger/peer-applier.js';
import { relayingAppliers } from './ledger/relay-queue.js';
import { pairingHooks } from './peers/pairing-hooks.js';
import { runPeerWorker } from './peers/peer-worker.js';
import { rosterAppliers } from './roster/peer-apply.js';
import { staffAppliers } from './staff/peer-apply.js';

/** Every kind this version can apply; a kind missing here is kept and waits (`applier:<kind>`), never dropped. */
export const peerAppliers: PeerAppliers = relayingAppliers(
  {
    ...ledgerAppliers,
    ...cityAcksAppliers,
    ...staffAppliers,
    ...memberAppliers,
    ...adminAppliers,
    ...rosterAppliers,
  },
  // A relayed door's city records are queued for the office's push as they are taken in (docs/peers.md §5).
  () => Date.now(),
);

// Imported on the main thread (tests read the map), it starts nothing.
if (!isMainThread) runPeerWorker({ appliers: peerAppliers, pairing: (server, context) => pairingHooks(server, context) });
