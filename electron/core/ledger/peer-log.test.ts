// The peer log over a real SQLite file: own rows linked, hashed and signed in the caller's transaction (a vector: fixed
// key seed, fixed clock), the readers replication needs, and the outbox's hook on the door's tap path.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PeerRecordSchema } from '../../../shared/peers/peer-record.js';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { publicKeyFromRaw, rawPublicKey } from '../credentials/ed25519.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { AttendanceLog } from './attendance-log.js';
import { eventHash, sha256Hex } from './event-chain.js';
import { bodyContentHash, headSignatureValid, linkFieldsOf, PEER_GENESIS_HASH, peerRecordHash, signHeadRaw } from './peer-hash.js';
import { heldHave, PEER_LOG_SQL, PeerLog, peerLogOf } from './peer-log.js';
import { bindTestPeerLog, seededSigningKey } from './testing/peer-log-kit.js';

const T0 = 1_795_403_523_120;
const DOOR = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01';
const ABSENCE_ID = '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f';
const EVENT_ID = '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3e';
const testPublicKey = publicKeyFromRaw(rawPublicKey(seededSigningKey(0x07)));

function store(seedRoster = false) {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  if (seedRoster) new RosterStore(db).seed(demoRoster());
  return db;
}

const countOf = (db: ReturnType<typeof store>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('the peer log', () => {
  it('appends own rows linked, hashed and signed: a vector for a fixed key and clock', () => {
    // The key of docs/peer-protocol.md's example.
    expect(Buffer.from(rawPublicKey(seededSigningKey(0x07))).toString('base64url')).toBe('6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw');
    const db = store();
    const log = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0);
    const [first, second] = db.transaction(() => [log.append('absence', ABSENCE_ID, { body: '{"type":"absence"}' }), log.append('attendance', EVENT_ID, { eventHash: 'e'.repeat(64) })])();
    expect(first).toMatchObject({ seq: 1, hlc: '1795403523120-0000', prev_hash: PEER_GENESIS_HASH, body: '{"type":"absence"}', received_ms: T0 });
    expect(first?.content_hash).toBe(sha256Hex('{"type":"absence"}'));
    expect(second).toMatchObject({ seq: 2, hlc: '1795403523120-0001', prev_hash: first?.hash, content_hash: 'e'.repeat(64), body: null });
    // Fixed: any change to the fields, their order, the key or the clock changes them.
    expect([first?.content_hash, first?.hash, second?.hash]).toEqual(VECTOR.hashes);
    expect(log.headOf(DOOR, 2)?.sig).toBe(VECTOR.sig2);
    for (const row of [first, second]) {
      if (!row) throw new Error('no row');
      const link = { deviceId: DOOR, seq: row.seq, kind: row.kind, id: row.record_id, hlc: row.hlc, base: row.base, contentHash: row.content_hash, prevHash: row.prev_hash };
      expect(peerRecordHash(link)).toBe(row.hash);
      expect(headSignatureValid(testPublicKey, DOOR, row.seq, row.hash, row.sig?.toString('base64url') ?? '')).toBe(true);
    }
    expect(log.haveVector()).toEqual({ [DOOR]: 2 });
  });

  it('writes only inside its record\'s transaction, a body for every kind but attendance', () => {
    const db = store();
    const log = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0);
    expect(() => log.append('absence', ABSENCE_ID, { body: '{}' })).toThrow(/inside its record's transaction/);
    expect(() => db.transaction(() => log.append('attendance', EVENT_ID, { body: '{}' }))()).toThrow(/event's hash/);
    expect(() => db.transaction(() => log.append('absence', ABSENCE_ID, { eventHash: 'e'.repeat(64) }))()).toThrow(/a body/);
    expect(countOf(db, 'peer_log')).toBe(0);
  });

  it('never goes back in HLC across a restart with the wall clock behind', () => {
    const db = store();
    db.transaction(() => new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0).append('absence', ABSENCE_ID, { body: '{}' }))();
    const restarted = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0 - 3_600_000);
    const row = db.transaction(() => restarted.append('absence', EVENT_ID, { body: '{}' }))();
    expect(row.hlc).toBe('1795403523120-0001');
  });


  it("never goes back in HLC along its seqs when two connections of this machine append in turn (the core's, a worker's)", () => {
    const db = store();
    const core = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0);
    const worker = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0);
    // The worker's clock ticks first, then the core writes a burst in the same millisecond, then the worker again.
    db.transaction(() => worker.append('absence', '0196f3a2-7c1e-7b3a-9d4e-000000000001', { body: '{}' }))();
    db.transaction(() => {
      for (let i = 2; i <= 4; i++) core.append('absence', `0196f3a2-7c1e-7b3a-9d4e-00000000000${i}`, { body: '{}' });
    })();
    const last = db.transaction(() => worker.append('city-acks', '0196f3a2-7c1e-7b3a-9d4e-000000000005', { body: '{}' }))();
    expect(last).toMatchObject({ seq: 5, hlc: '1795403523120-0004' });
    const hlcs = db.prepare<[], string>('SELECT hlc FROM peer_log ORDER BY seq').pluck().all();
    expect(hlcs).toEqual([...hlcs].sort());
    expect(new Set(hlcs).size).toBe(5);
  });
  it("never goes back in HLC along its seqs when another connection's clock is far ahead of this one's (a clock set back)", () => {
    const db = store();
    const behind = T0 - 12 * 86_400_000;
    const core = new PeerLog(db, DOOR, seededSigningKey(0x07), () => behind);
    const worker = new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0);
    db.transaction(() => core.append('absence', '0196f3a2-7c1e-7b3a-9d4e-000000000001', { body: '{}' }))();
    db.transaction(() => worker.append('absence', '0196f3a2-7c1e-7b3a-9d4e-000000000002', { body: '{}' }))();
    // Twelve days past this connection's wall clock: a peer's HLC that far ahead is not followed, but an own row's is
    // this origin's own past, and the next seq must come after it.
    const next = db.transaction(() => core.append('absence', '0196f3a2-7c1e-7b3a-9d4e-000000000003', { body: '{}' }))();
    expect(next.hlc).toBe('1795403523120-0001');
  });

  it("a tap writes one peer-log row per event in the event's transaction, and a failed transaction leaves neither", () => {
    const db = store(true);
    let ms = T0;
    const peers = bindTestPeerLog(db, DOOR, () => ms);
    expect(peerLogOf(db)).toBe(peers);
    const log = new AttendanceLog(db, DOOR);
    const at = localTimeOn('2026-11-23', '08:12', 'Asia/Almaty');
    const draft = (childId: string) => ({ childId, kind: 'arrival' as const, method: 'rfid' as const, companionId: null, credentialId: null, staffId: null });
    const events = log.append([draft('ch0001'), draft('ch0002')], at);
    const rows = db.prepare<[], { record_id: string; kind: string; content_hash: string; body: string | null }>('SELECT record_id, kind, content_hash, body FROM peer_log ORDER BY seq').all();
    expect(rows).toEqual(events.map((e) => ({ record_id: e.id, kind: 'attendance', content_hash: e.hash, body: null })));

    ms += 1000;
    expect(() =>
      db.transaction(() => {
        log.append([draft('ch0003')], at);
        throw new Error('the caller fails after the tap was written');
      })(),
    ).toThrow(/caller fails/);
    expect(countOf(db, 'attendance_events')).toBe(2);
    expect(countOf(db, 'peer_log')).toBe(2);
    expect(countOf(db, 'sync_outbox')).toBe(2);
    // A record of another kind carries the outbox's very body text.
    const body = db.prepare<[], string>("SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'attendance' LIMIT 1").pluck().get();
    expect(JSON.parse(body ?? '{}')).toMatchObject({ id: events[0]?.id });
  });

  it('serves pages across origins in HLC order, each origin cut at its last signed row, attendance with its event', () => {
    const db = store(true);
    let ms = T0;
    const peers = bindTestPeerLog(db, DOOR, () => ms);
    const log = new AttendanceLog(db, DOOR);
    const at = localTimeOn('2026-11-23', '08:12', 'Asia/Almaty');
    const [tap] = log.append([{ childId: 'ch0001', kind: 'arrival', method: 'rfid', companionId: 'cp0001', credentialId: null, staffId: null }], at);
    // Another origin's rows, as an import would store them: the middle one in HLC order, the last one unsigned.
    const office = new PeerLog(db, 'office-1', seededSigningKey(0x09), () => T0 + 5);
    db.transaction(() => {
      office.append('absence', '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d40', { body: '{"n":1}' });
    })();
    db.prepare(
      `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
       VALUES ('office-1', 2, 'absence', '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d41', '1795403523130-0000', NULL, ?, ?, ?, NULL, '{"n":2}', 0)`,
    ).run('c'.repeat(64), office.rowAt('office-1', 1)?.hash, 'd'.repeat(64));
    ms = T0 + 20;
    db.transaction(() => peers.append('setting', '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d42', { body: '{"key":"sound","value":true}' }))();

    expect(peers.haveVector()).toEqual({ [DOOR]: 2, 'office-1': 2 });
    const page = peers.page({}, 10);
    expect(page.map((r) => [r.deviceId, r.seq])).toEqual([
      [DOOR, 1],
      ['office-1', 1],
      [DOOR, 2],
    ]);
    for (const r of page) expect(PeerRecordSchema.safeParse(r).error).toBeUndefined();
    const [first] = page;
    expect(first?.event).toMatchObject({ id: tap?.id, deviceSeq: 1, companionId: 'cp0001', hash: tap?.hash });
    expect(first?.contentHash).toBe(tap ? eventHash(tap) : '');
    expect(first && peerRecordHash(linkFieldsOf(first))).toBe(first?.hash);
    // Asked from what it already holds; and a limit that cuts between origins.
    expect(peers.page({ [DOOR]: 1, 'office-1': 1 }, 10).map((r) => [r.deviceId, r.seq])).toEqual([[DOOR, 2]]);
    expect(peers.page({}, 2).map((r) => [r.deviceId, r.seq])).toEqual([
      [DOOR, 1],
      ['office-1', 1],
    ]);
    expect(peers.headOf(DOOR, 2)).toMatchObject({ deviceId: DOOR, seq: 2, hash: peers.newest()?.hash });
    expect(peers.headOf('office-1', 2)).toBeNull();
    expect(peers.headOf('office-1', 9)).toBeNull();
  });
});

describe("the peer log's have", () => {
  it('answers the highest seq of every origin, as GROUP BY would, by probes of the primary key rather than a walk of every row', () => {
    const db = store();
    expect(heldHave(db)).toEqual({});
    // Origins whose ids sort around each other, one with a single row; ids are free text.
    const origins = { 'b-door': 40, 'a-office': 3, 'b-door-2': 1, 'z"quoted': 7 } as const;
    const insert = db.prepare(
      `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
       VALUES (?, ?, 'absence', ?, '1795403523120-0000', NULL, ?, ?, ?, NULL, '{}', 0)`,
    );
    db.transaction(() => {
      for (const [origin, n] of Object.entries(origins)) for (let seq = 1; seq <= n; seq += 1) insert.run(origin, seq, `${origin}/${String(seq)}`, 'c'.repeat(64), 'p'.repeat(64), 'h'.repeat(64));
    })();
    const grouped = Object.fromEntries(db.prepare<[], { device_id: string; seq: number }>('SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id').all().map((r) => [r.device_id, r.seq]));
    expect(grouped).toEqual(origins);
    expect(heldHave(db)).toEqual(origins);
    expect(new PeerLog(db, DOOR, seededSigningKey(0x07), () => T0).haveVector()).toEqual(origins);
    const plan = db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${PEER_LOG_SQL.have}`).all().map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH p USING COVERING INDEX sqlite_autoindex_peer_log_\d \(device_id>\?\)/);
    expect(plan).toMatch(/SEARCH p USING COVERING INDEX sqlite_autoindex_peer_log_\d \(device_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (p|peer_log)\b/);
  });
});

describe("the peer log's pages", () => {
  it("serve each origin's rows in seq order even where its HLC went back along them (rows written before it could not)", () => {
    const db = store();
    const key = seededSigningKey(0x07);
    // Three rows of one origin whose HLC goes back at seq 2 (another connection's clock, twelve days behind) and on at
    // seq 3, written as they were by a version whose append did not hear the head first.
    let prev = PEER_GENESIS_HASH;
    const hlcs = ['1795403523120-0000', '1794366723120-0000', '1795403523120-0001'];
    hlcs.forEach((hlc, i) => {
      const body = '{}';
      const fields = { deviceId: DOOR, seq: i + 1, kind: 'absence' as const, id: `0196f3a2-7c1e-7b3a-9d4e-00000000010${String(i)}`, hlc, base: null, contentHash: bodyContentHash(body), prevHash: prev };
      const hash = peerRecordHash(fields);
      db.prepare(
        `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      ).run(DOOR, fields.seq, fields.kind, fields.id, hlc, fields.contentHash, prev, hash, Buffer.from(signHeadRaw(key, DOOR, fields.seq, hash)), body, T0);
      prev = hash;
    });
    const peers = new PeerLog(db, DOOR, key, () => T0);
    // An asker holding none gets 1, 2, 3 (a run whose seqs go back is refused by every importer, for good).
    expect(peers.page({}, 10).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(peers.page({}, 2).map((r) => r.seq)).toEqual([1, 2]);
    expect(peers.page({ [DOOR]: 1 }, 10).map((r) => r.seq)).toEqual([2, 3]);
    // Another origin's rows still come in HLC order among them.
    const office = new PeerLog(db, 'office-1', seededSigningKey(0x09), () => T0 - 86_400_000);
    db.transaction(() => office.append('absence', '0196f3a2-7c1e-7b3a-9d4e-000000000201', { body: '{}' }))();
    expect(peers.page({}, 10).map((r) => `${r.deviceId === DOOR ? 'door' : 'office'} ${String(r.seq)}`)).toEqual(['office 1', 'door 1', 'door 2', 'door 3']);
  });

  it("rebuild a paper-day arrival with the late entry its outbox record carried", () => {
    const db = store(true);
    const peers = bindTestPeerLog(db, DOOR, () => T0);
    const log = new AttendanceLog(db, DOOR);
    const late = { reason: 'kiosk-down' as const, recordedAt: '2026-11-24T10:00:00.000+05:00', recordedMs: T0 + 86_400_000 };
    db.transaction(() => {
      db.prepare("INSERT INTO paper_days VALUES ('pd1', (SELECT group_id FROM children WHERE id = 'ch0001'), '2026-11-23', (SELECT id FROM staff LIMIT 1), ?, ?, 1, 0)").run(late.recordedAt, late.recordedMs);
      const [event] = log.append([{ childId: 'ch0001', kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: null }], localTimeOn('2026-11-23', '09:00', 'Asia/Almaty'), late);
      db.prepare("INSERT INTO paper_day_events VALUES (?, 'pd1')").run(event?.id);
    })();
    const queued = JSON.parse(db.prepare<[], string>('SELECT body FROM sync_outbox_body').pluck().get() ?? '{}') as unknown;
    const [record] = peers.page({}, 10);
    expect(record?.event).toEqual(queued);
    expect(record?.event?.lateEntry).toEqual(late);
  });
});

/** Computed once from the fixed seed and clock; the test above checks each also computes by the documented rule. */
const VECTOR = {
  hashes: ['93c604f8aafc6f6e6bf9ced491c3d09df40ab2d40d1f9393066b347637ffc843', '8629c5cc325fbadac29201980dc77fb2e37de2b5bfa653e07fd602041a89be85', '5c475d02bbfe64661cc1b1f7ac898b12c3f50e0ca35a6d33ac7bdcc86d57ecaa'],
  sig2: 'av37sGE-Sc9cG7WEajAhQK6EOrAO4PWxAz5n-DsedfZsv5UxxafxIx-KYylz2liYq5Xet_4IAQEcBqN9Il9UDw',
};
