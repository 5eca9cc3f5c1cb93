// What the one-time backfill (peers/backfill.ts, docs/peers.md §9 "Backfill, once") hands each owning folder's piece:
// one writer that turns this device's past rows into its peer log. Here, on the floor, so ledger/, staff/, roster/ and
// admin/ each write their own rows with it and peers/ imports no domain. A row is held back until the next one comes,
// so the last row of the whole backfill is known when it is written and signed; between, every 1000th is signed and
// the links prove the rest (§5 "sig").
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { toLocalTime, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import type { CityKind, PeerKind } from '../../../shared/peers/peer-record.js';
import { SyncRecordSchema } from '../../../shared/sync/protocol.js';
import { decideRegister, registerKeyOf, type RegisterContent, type RegisterKind, type RegisterRecord } from './merge-rules.js';
import type { PeerContent, PeerLog } from './peer-log.js';
import { PEER_REGISTER_SQL, registerBase, registerPlace, registerRecordOf } from './peer-registers.js';

/** One folder's part of the backfill: appends its rows through the writer, in the backfill's transaction. */
export type BackfillPiece = (db: Database, out: BackfillWriter) => void;

/** Every how many rows the backfill signs one (its last is always signed). */
export const BACKFILL_SIGN_EVERY = 1000;

interface Pending {
  kind: PeerKind;
  recordId: string;
  content: PeerContent;
  base: string | null;
}

export class BackfillWriter {
  private pending: Pending | null = null;
  private written = 0;
  /** The newest record appended now per register key: the next edit of that register names it as its base. */
  private readonly newest = new Map<string, string>();
  private readonly touched = new Set<RegisterKind>();
  private readonly held: Statement<[string], { one: number }>;
  private readonly outboxBody: Statement<[string], { body: string }>;
  /** When the backfill runs, in the kindergarten's zone: the time fresh records carry (a city body needs an offset). */
  readonly at: LocalTime;

  constructor(
    private readonly db: Database,
    readonly log: PeerLog,
    nowMs: number,
    zone?: LocalZone,
  ) {
    this.at = toLocalTime(new Date(nowMs), zone);
    this.held = db.prepare('SELECT 1 AS one FROM peer_log WHERE record_id = ?');
    // The body a city record was queued with, while the outbox still keeps it: the record as built once (§5).
    this.outboxBody = db.prepare('SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_id = ?');
  }

  get deviceId(): string {
    return this.log.deviceId;
  }

  /** Rows appended so far (the one held back included). */
  get rows(): number {
    return this.written + (this.pending === null ? 0 : 1);
  }

  /** Whether a record id is already in the peer log (written after migration 0027, or by this backfill). */
  has(recordId: string): boolean {
    return this.pending?.recordId === recordId || this.held.get(recordId) !== undefined;
  }

  /** The JSON the outbox queued for a record, when it is still there (sent rows are pruned after some days). */
  queuedBody(recordId: string): string | null {
    return this.outboxBody.get(recordId)?.body ?? null;
  }

  /**
   * A past city record (an absence, a correction…) under its own id: the text the outbox queued while it is kept, else
   * the record rebuilt from its row, checked against the city's schema (a row this version cannot state is left
   * local: another machine would refuse the whole page). False when skipped.
   */
  cityFact(kind: Exclude<CityKind, 'attendance' | 'credential-change' | 'roster-change'>, recordId: string, rebuilt: () => unknown): boolean {
    if (this.has(recordId)) return false;
    const queued = this.queuedBody(recordId);
    if (queued !== null) return this.fact(kind, recordId, { body: queued });
    const record = SyncRecordSchema.safeParse(rebuilt());
    if (!record.success || record.data.type !== kind || record.data.id !== recordId) return false;
    return this.fact(kind, recordId, { body: JSON.stringify(record.data) });
  }

  /** A fact (attendance with its event's hash, or a record's body), unless its id is already in the log. */
  fact(kind: PeerKind, recordId: string, content: PeerContent): boolean {
    if (this.has(recordId)) return false;
    this.push({ kind, recordId, content, base: null });
    return true;
  }

  /**
   * Whether a register already has a record here from before this backfill (own, written after 0027, or another
   * machine's): its newer state is in the log, so the past of it is not restated.
   */
  registerHeld(content: RegisterContent): boolean {
    return !this.newest.has(registerKeyOf(content)) && registerBase(this.db, content) !== null;
  }

  /**
   * A register record: its base the previous record of its register appended now. Skipped (false) when its id is
   * already in the log, or when the register had records before the backfill began (registerHeld).
   */
  register(content: RegisterContent, recordId: string = uuidv7(), body: string = JSON.stringify(content.body)): boolean {
    if (this.has(recordId) || this.registerHeld(content)) return false;
    return this.append(content, recordId, body);
  }

  /**
   * Whether no record of the register is held at all, before the backfill or written by it: only then is its value as
   * it stands restated (its first step; the steps after it pass register()), so the past edits a register has keep
   * saying what it is.
   */
  unwritten(content: RegisterContent): boolean {
    return !this.newest.has(registerKeyOf(content)) && registerBase(this.db, content) === null;
  }

  private append(content: RegisterContent, recordId: string, body: string): boolean {
    const key = registerKeyOf(content);
    this.push({ kind: content.kind, recordId, content: { body }, base: this.newest.get(key) ?? null });
    this.newest.set(key, recordId);
    this.touched.add(content.kind);
    return true;
  }

  /**
   * Writes the row held back, signed, and decides every register the backfill wrote (peer_registers), each register's
   * records read once per kind rather than once per key. No follow-up is owed: only registers with no record before
   * were written, so this machine's records are their only ones.
   */
  finish(): void {
    if (this.pending !== null) this.write(this.pending, true);
    this.pending = null;
    const ofKind = this.db.prepare<[string], { device_id: string; seq: number; kind: PeerKind; record_id: string; hlc: string; base: string | null; body: string | null }>(
      PEER_REGISTER_SQL.ofKind,
    );
    const setWinner = this.db.prepare(PEER_REGISTER_SQL.setWinner);
    for (const kind of this.touched) {
      const byKey = new Map<string, RegisterRecord[]>();
      for (const row of ofKind.iterate(kind)) {
        const record = registerRecordOf(row);
        if (record === null) continue;
        const key = registerKeyOf(record);
        if (!this.newest.has(key)) continue;
        const same = byKey.get(key);
        if (same === undefined) byKey.set(key, [record]);
        else same.push(record);
      }
      for (const records of byKey.values()) {
        const decision = decideRegister(records);
        const { entity, key } = registerPlace(decision.key);
        setWinner.run({ entity, key, id: decision.winner.id, hlc: decision.winner.hlc, device: decision.winner.deviceId });
      }
    }
  }

  private push(next: Pending): void {
    if (this.pending !== null) this.write(this.pending, (this.written + 1) % BACKFILL_SIGN_EVERY === 0);
    this.pending = next;
  }

  private write(row: Pending, sign: boolean): void {
    this.log.append(row.kind, row.recordId, row.content, row.base, sign);
    this.written += 1;
  }
}
