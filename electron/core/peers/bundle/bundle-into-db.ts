// A stick into the database (docs/peers.md §8 "Reading"): open it and decide (bundle-read.ts) before anything is
// written; on BUNDLE_READ take its new records in through the importer with the appliers handed in, and keep the stick
// in peer_bundles (its ranges and the sender's `have`, which the way back reads), all in one transaction, so a stick
// read twice says so and a refusal changes nothing. Every outcome is audited: `bundle-read` or `bundle-refused`.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import { toLocalTime, type LocalTime } from '../../../../shared/domain/local-time.js';
import type { BundleOutcome } from '../../../../shared/peers/bundle-outcome.js';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { archivedHeadOf } from '../../ledger/archive/peer-archived.js';
import type { PeerAppliers } from '../../ledger/peer-applier.js';
import { heldHave } from '../../ledger/peer-log.js';
import { memberLookupOf } from '../member-lookup.js';
import { importPage, type Applied } from '../record-import.js';
import type { BundleHoldings } from './bundle-decision.js';
import { readBundleFile } from './bundle-read.js';

export interface BundleIntoDbInput {
  db: Database;
  groupId: string;
  deviceId: string;
  /** This machine's static X25519 private key (secret `peer-dh-key`). */
  dhPrivateKey: KeyObject;
  appliers: PeerAppliers;
  path: string;
  at: LocalTime;
  staffId: string;
}

export interface BundleTaken {
  outcome: BundleOutcome;
  /** What the records touched, for the core to refresh; null when nothing was taken in. */
  applied: Applied | null;
}

class ImportRefused extends Error {
  constructor(readonly outcome: BundleOutcome) {
    super(outcome.code);
  }
}

/** What is held here, as the decision reads it. */
function holdingsOf(db: Database, offsetMinutes: number): BundleHoldings {
  const read = db.prepare<[], { bundle_id: string; at_ms: number }>("SELECT bundle_id, at_ms FROM peer_bundles WHERE direction = 'read'").all();
  const hashAt = db.prepare<[string, number], { hash: string }>('SELECT hash FROM peer_log WHERE device_id = ? AND seq = ?');
  return {
    have: heldHave(db),
    // When it was read, in the zone the page speaks (the reader's "read on 4 Dec at 14:05").
    readBundles: new Map(read.map((r) => [r.bundle_id, toLocalTime(new Date(r.at_ms), offsetMinutes).iso])),
    heldHashAt: (deviceId, seq) => hashAt.get(deviceId, seq)?.hash ?? null,
    archivedThrough: (deviceId) => archivedHeadOf(db, deviceId)?.seq ?? 0,
  };
}

export function readBundleIntoDb(input: BundleIntoDbInput): BundleTaken {
  const { db } = input;
  const member = memberLookupOf(db);
  const reading = readBundleFile(input.path, {
    groupId: input.groupId,
    deviceId: input.deviceId,
    dhPrivateKey: input.dhPrivateKey,
    member,
    holdings: holdingsOf(db, input.at.offsetMinutes),
  });
  const file = basename(input.path);
  const audit = new AdminAudit(db);
  const { outcome, bundle } = reading;
  if (outcome.code !== 'BUNDLE_READ' || bundle === null) {
    db.transaction(() => audit.record(outcome.code === 'BUNDLE_ALREADY_READ' || outcome.code === 'BUNDLE_NOTHING_NEW' ? 'bundle-read' : 'bundle-refused', input.staffId, input.at, { file, ...outcome }))();
    return { outcome, applied: null };
  }
  const heads = bundle.heads.filter((h) => reading.fresh.some((r) => r.deviceId === h.deviceId));
  try {
    // One transaction: the records, their effects and the stick's row, so a crash half-way leaves a stick to read again.
    const applied = db
      .transaction((): Applied => {
        const imported = importPage(db, { records: reading.fresh, heads, archived: bundle.archived }, { ownDeviceId: input.deviceId, appliers: input.appliers, nowMs: () => input.at.ms, member });
        if (!imported.ok) {
          const { code, deviceId, seq, why } = imported.refusal;
          const about = { bundleId: bundle.header.bundleId, from: bundle.header.from, writtenAt: bundle.header.createdAt };
          if (code === 'PEER_FORK') throw new ImportRefused({ code: 'BUNDLE_FORK', ...about, deviceId, seq });
          if (code === 'PEER_REVOKED') throw new ImportRefused({ code: 'BUNDLE_ORIGIN_REVOKED', ...about, deviceId, seq });
          throw new ImportRefused({ code: 'BUNDLE_TAMPERED', detail: `${code} ${deviceId}/${seq}: ${why}`, from: bundle.header.from });
        }
        db.prepare("INSERT INTO peer_bundles (bundle_id, direction, sender_device_id, file_name, ranges, records, staff_id, at_ms) VALUES (?, 'read', ?, ?, ?, ?, ?, ?)").run(
          bundle.header.bundleId,
          bundle.header.from,
          file,
          JSON.stringify({ covers: bundle.header.covers, have: bundle.header.have }),
          imported.stored,
          input.staffId,
          input.at.ms,
        );
        audit.record('bundle-read', input.staffId, input.at, { file, ...outcome, stored: imported.stored, waiting: imported.waiting });
        const { kinds, children, staff, applied: count, waiting } = imported;
        return { kinds, children, staff, applied: count, waiting };
      })
      .immediate();
    return { outcome, applied };
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    db.transaction(() => audit.record('bundle-refused', input.staffId, input.at, { file, ...error.outcome }))();
    return { outcome: error.outcome, applied: null };
  }
}
