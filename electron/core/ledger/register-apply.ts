// What the appliers of register kinds share (settings, transfers, cards, roster rows): a foreign record read as the
// merge rules read it, and when a decision is noted.
import type { Database } from 'better-sqlite3';
import type { PeerRecord } from '../../../shared/peers/peer-record.js';
import type { RegisterRecord } from './merge-rules.js';
import { peerLogOf } from './peer-log.js';
import { registerRecordOf } from './peer-registers.js';

/** A foreign record's body parsed for the rules, or null when it is not one of its kind. */
export function registerOfRecord(record: PeerRecord): RegisterRecord | null {
  return registerRecordOf({ device_id: record.deviceId, seq: record.seq, kind: record.kind, record_id: record.id, hlc: record.hlc, base: record.base, body: record.body });
}

/** When a decision is noted (peer_conflicts.decided_ms): this machine's wall clock as its peer log reads it. */
export function decidedNowMs(db: Database): number {
  return peerLogOf(db)?.wallMs() ?? Date.now();
}
