// Builds valid peer-log chains for one device key, as its origin would write them (docs/peers.md §5 "The peer log"):
// tests of the importer, the merge rules, the bundle and the channel start from real, signed rows and break them.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AbsenceRecord, AttendanceRecord } from '../../../../shared/sync/protocol.js';
import type { MemberBodySchema, PeerKind, PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import type { z } from 'zod';
import { generateSigningKey, rawPublicKey } from '../../credentials/ed25519.js';
import { eventHash, GENESIS_HASH } from '../../ledger/event-chain.js';
import { bodyContentHash, peerRecordHash, signHead } from '../../ledger/peer-hash.js';

export interface ChainKitOptions {
  deviceId?: string;
  key?: KeyObject;
  /** The first HLC's wall-clock ms; each record takes the next second unless it names its own HLC. */
  startMs?: number;
}

export interface RecordOptions {
  id?: string;
  base?: string | null;
  hlc?: string;
}

export type EventFields = Partial<Omit<AttendanceRecord, 'type' | 'id' | 'deviceId' | 'deviceSeq' | 'prevHash' | 'hash'>>;

export type MemberBody = z.infer<typeof MemberBodySchema>;

export function hlcAt(ms: number, counter = 0): string {
  return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}`;
}

/** One origin's log: `append` and `attendance` return the next row, `head` signs the newest. */
export class PeerChainKit {
  readonly deviceId: string;
  readonly key: KeyObject;
  readonly records: PeerRecord[] = [];
  private nextMs: number;
  private eventSeq = 0;
  private eventPrev = GENESIS_HASH;

  constructor(options: ChainKitOptions = {}) {
    this.deviceId = options.deviceId ?? uuidv7();
    this.key = options.key ?? generateSigningKey();
    this.nextMs = options.startMs ?? 1_795_403_523_000;
  }

  get signPub(): KeyObject {
    return createPublicKey(this.key);
  }

  /** The public key as a member record carries it. */
  get signPubB64u(): string {
    return Buffer.from(rawPublicKey(this.key)).toString('base64url');
  }

  get lastSeq(): number {
    return this.records.length;
  }

  /** This device's `member` body, as its sponsor writes it (the X25519 and QR keys are stand-ins: nothing here opens them). */
  memberBody(name = 'Door', role: 'door' | 'office' = 'door'): MemberBody {
    return { deviceId: this.deviceId, name, role, signPub: this.signPubB64u, dhPub: this.signPubB64u, qrKeyId: `qr-${this.deviceId}`, qrPub: this.signPubB64u, addrs: ['127.0.0.1:47620'], pairedBy: null, pairedAt: '2026-11-20T08:00:00+05:00' };
  }

  /** An absence body of this device under `id` (a city kind: the body's id is the record's). */
  absenceBody(id: string, childId = 'child-1'): AbsenceRecord {
    return { type: 'absence', id, deviceId: this.deviceId, childId, firstDate: '2026-11-20', lastDate: '2026-11-20', reason: 'sick', certificateNumber: null, certificateDate: null, note: null, staffId: 'staff-1', recordedAt: '2026-11-20T09:00:00+05:00', recordedMs: 1_795_406_400_000 };
  }

  /** A row of any kind but attendance; an object body is written as JSON once, as the origin does. */
  append(kind: Exclude<PeerKind, 'attendance'>, body: string | object, options: RecordOptions = {}): PeerRecord {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return this.push(kind, { body: text, contentHash: bodyContentHash(text) }, options);
  }

  /** An attendance row wrapping a chained event of this device (its own esik-event-v1 chain). */
  attendance(fields: EventFields = {}, options: RecordOptions = {}): PeerRecord {
    const id = options.id ?? uuidv7();
    const occurredMs = fields.occurredMs ?? this.nextMs;
    const chained = {
      id,
      device_id: this.deviceId,
      device_seq: this.eventSeq + 1,
      child_id: fields.childId ?? 'child-1',
      kind: fields.kind ?? 'arrival',
      method: fields.method ?? 'rfid',
      companion_id: fields.companionId === undefined ? 'companion-1' : fields.companionId,
      credential_id: fields.credentialId === undefined ? 'card-1' : fields.credentialId,
      staff_id: fields.staffId ?? null,
      occurred_at: fields.occurredAt ?? new Date(occurredMs).toISOString().replace('Z', '+00:00'),
      occurred_ms: occurredMs,
      local_date: fields.localDate ?? new Date(occurredMs).toISOString().slice(0, 10),
      prev_hash: this.eventPrev,
    };
    const hash = eventHash(chained);
    this.eventSeq += 1;
    this.eventPrev = hash;
    const event: AttendanceRecord = {
      type: 'attendance',
      id,
      deviceId: this.deviceId,
      deviceSeq: chained.device_seq,
      childId: chained.child_id,
      kind: chained.kind,
      method: chained.method,
      companionId: chained.companion_id,
      credentialId: chained.credential_id,
      staffId: chained.staff_id,
      occurredAt: chained.occurred_at,
      occurredMs,
      localDate: chained.local_date,
      prevHash: chained.prev_hash,
      hash,
      clockOffsetMs: fields.clockOffsetMs ?? null,
    };
    return this.push('attendance', { body: null, event, contentHash: hash }, { ...options, id });
  }

  /** The signed head at `seq` (by default the newest row). */
  head(seq = this.lastSeq): SignedHead {
    const row = this.records[seq - 1];
    if (row === undefined) throw new RangeError(`no row ${seq} in ${this.deviceId}'s chain`);
    return { deviceId: this.deviceId, seq, hash: row.hash, sig: signHead(this.key, this.deviceId, seq, row.hash) };
  }

  /** The rows from `fromSeq` to `toSeq` (both included) with the head of the last, as a page carries them. */
  page(fromSeq = 1, toSeq = this.lastSeq): { records: PeerRecord[]; heads: SignedHead[] } {
    return { records: this.records.slice(fromSeq - 1, toSeq), heads: [this.head(toSeq)] };
  }

  private push(kind: PeerKind, content: { body: string | null; event?: AttendanceRecord; contentHash: string }, options: RecordOptions): PeerRecord {
    const seq = this.records.length + 1;
    const prevHash = this.records.at(-1)?.hash ?? GENESIS_HASH;
    const link = { deviceId: this.deviceId, seq, kind, id: options.id ?? uuidv7(), hlc: options.hlc ?? hlcAt(this.nextMs), base: options.base ?? null, contentHash: content.contentHash, prevHash };
    this.nextMs += 1000;
    const record: PeerRecord = { ...link, hash: peerRecordHash(link), body: content.body, ...(content.event === undefined ? {} : { event: content.event }) };
    this.records.push(record);
    return record;
  }
}

/** Re-hashes a row after a test changed its fields, so only the change it means to test is wrong. */
export function rehash(record: PeerRecord): PeerRecord {
  return { ...record, hash: peerRecordHash(record) };
}
