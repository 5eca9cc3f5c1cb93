// Today's records from the kindergarten's other kiosks (a second entrance), into attendance_events with THEIR device
// id, sequence and hash and with no outbox row — they reach the city from their own kiosk. Then a child who came in
// by the other door shows "here since 08:12" at this one, and a tap here is a departure, not a second arrival.
//
// The chain check at start-up (AttendanceLog.verify) walks only this kiosk's device id, so foreign rows never enter
// it; for the same reason a record claiming this kiosk's own device id is never imported (it would fork our chain).
import type { Database, Statement } from 'better-sqlite3';
import { PeersReplySchema, type AttendanceRecord } from '../../../shared/sync/protocol.js';
import type { AttendanceLog, ForeignEvent } from '../ledger/attendance-log.js';
import { eventHash } from '../ledger/event-chain.js';
import { chainedFieldsOf, storedEventOf } from '../ledger/record-as-event.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

export type PeerSkipReason = 'own-device' | 'hash-mismatch' | 'forked-chain' | 'unknown-child' | 'unknown-companion' | 'unknown-credential' | 'unknown-staff';

export interface PeersImported {
  cursor: string;
  /** Records stored now. */
  added: number;
  /** Records already held (the same page again after a lost reply, an overlap of cursors). */
  alreadyHeld: number;
  /** Records not stored, with why: kept out of the log, logged, and not asked for again. */
  skipped: { id: string; reason: PeerSkipReason }[];
  /** When the page was full, more follow from the new cursor. */
  full: boolean;
}

export interface PeerImportContext {
  /** This kiosk's own device ids: the one in its chain and the one the city assigned at enrollment. */
  ownDeviceIds: readonly string[];
  /** How many records make a full page (MAX_PUSH_RECORDS): a full page means ask again. */
  pageSize: number;
}

export class PeersRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeersRejectedError';
  }
}

/** Validates a peers reply and stores its records and its cursor in one transaction. */
export function importPeerRecords(db: Database, log: AttendanceLog, raw: unknown, context: PeerImportContext): PeersImported {
  const parsed = PeersReplySchema.safeParse(raw);
  if (!parsed.success) throw new PeersRejectedError(`the peers reply does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
  const reply = parsed.data;
  const checks = new PeerChecks(db, context.ownDeviceIds);
  return db
    .transaction((): PeersImported => {
      const skipped: PeersImported['skipped'] = [];
      const fresh: ForeignEvent[] = [];
      const idsInPage = new Set<string>();
      const seqsInPage = new Set<string>();
      let alreadyHeld = 0;
      for (const record of reply.records) {
        // Peers carry attendance records only (docs/sync-protocol.md); a staff record from a newer server is ignored.
        if (record.type !== 'attendance') continue;
        if (checks.held(record.id) || idsInPage.has(record.id)) {
          alreadyHeld += 1;
          continue;
        }
        const reason = checks.problem(record, seqsInPage);
        if (reason) {
          skipped.push({ id: record.id, reason });
          continue;
        }
        fresh.push(storedEventOf(record));
        idsInPage.add(record.id);
        seqsInPage.add(seqKey(record.deviceId, record.deviceSeq));
      }
      const added = log.importForeign(fresh);
      new SyncStateStore(db).set(SYNC_KEYS.peersCursor, reply.cursor);
      return { cursor: reply.cursor, added, alreadyHeld, skipped, full: reply.records.length >= context.pageSize };
    })
    .immediate();
}

class PeerChecks {
  private readonly own: ReadonlySet<string>;
  private readonly atSeq: Statement<[string, number]>;
  private readonly s: Record<'event' | 'child' | 'companion' | 'credential' | 'staff', Statement<[string]>>;

  constructor(db: Database, ownDeviceIds: readonly string[]) {
    this.own = new Set(ownDeviceIds);
    this.atSeq = db.prepare('SELECT 1 FROM attendance_events WHERE device_id = ? AND device_seq = ?');
    this.s = {
      event: db.prepare('SELECT 1 FROM attendance_events WHERE id = ?'),
      child: db.prepare('SELECT 1 FROM children WHERE id = ?'),
      companion: db.prepare('SELECT 1 FROM companions WHERE id = ?'),
      credential: db.prepare('SELECT 1 FROM credentials WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
    };
  }

  held(id: string): boolean {
    return this.s.event.get(id) !== undefined;
  }

  /**
   * Why a record cannot be stored, or null. The hash is checked so that a damaged or invented record never looks
   * like another kiosk's; the roster references must exist (foreign keys) — the roster is pulled just before, so a
   * miss means the record names someone this kindergarten no longer lists, and it is left out.
   */
  problem(r: AttendanceRecord, seqsInPage: ReadonlySet<string>): PeerSkipReason | null {
    if (this.own.has(r.deviceId)) return 'own-device';
    if (eventHash(chainedFieldsOf(r)) !== r.hash) return 'hash-mismatch';
    if (this.atSeq.get(r.deviceId, r.deviceSeq) !== undefined || seqsInPage.has(seqKey(r.deviceId, r.deviceSeq))) return 'forked-chain';
    if (this.s.child.get(r.childId) === undefined) return 'unknown-child';
    if (r.companionId !== null && this.s.companion.get(r.companionId) === undefined) return 'unknown-companion';
    if (r.credentialId !== null && this.s.credential.get(r.credentialId) === undefined) return 'unknown-credential';
    if (r.staffId !== null && this.s.staff.get(r.staffId) === undefined) return 'unknown-staff';
    return null;
  }
}

/** A JSON pair, never a separator: ids are free text. */
function seqKey(deviceId: string, deviceSeq: number): string {
  return JSON.stringify([deviceId, deviceSeq]);
}

