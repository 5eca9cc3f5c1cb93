// The import of a peer's page over two real SQLite files (docs/peers.md §5): taps at door A, A's own page taken in at
// B with the same rows and hashes; the same page again changes nothing; a forged signature, an unknown origin or a
// fork anywhere in a page writes nothing at all; a child B's roster does not know waits and is applied once it does.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import type { Roster } from '../../../shared/domain/roster.js';
import type { HaveVector, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { rawPublicKey } from '../credentials/ed25519.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AttendanceLog } from '../ledger/attendance-log.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import type { PeerLog } from '../ledger/peer-log.js';
import { bindTestPeerLog, seededSigningKey } from '../ledger/testing/peer-log-kit.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { importPage, retryWaiting, type ImportContext } from './record-import.js';
import { PeerChainKit } from './testing/peer-chain-kit.js';

const T0 = 1_795_403_523_120;
const DOOR_A = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const DOOR_B = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';
const SEED_A = 0x07;
const SEED_B = 0x09;
const AT = localTimeOn('2026-11-23', '08:12', 'Asia/Almaty');
const TABLES = ['peer_log', 'attendance_events', 'peer_waiting', 'sync_outbox'] as const;

interface Machine {
  db: Database;
  peers: PeerLog;
  log: AttendanceLog;
}

function machine(deviceId: string, seed: number, roster: Roster | null = demoRoster(), wallMs = T0): Machine {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  if (roster !== null) new RosterStore(db).seed(roster);
  return { db, peers: bindTestPeerLog(db, deviceId, () => wallMs, seed), log: new AttendanceLog(db, deviceId) };
}

/** peer_members as pairing leaves it: the origin's pinned key. */
function pin(db: Database, deviceId: string, key: KeyObject): void {
  const raw = Buffer.from(rawPublicKey(key));
  db.prepare(
    `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
     VALUES (?, 'Door', 'door', ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
  ).run(deviceId, raw, raw, `qr-${deviceId}`, raw, `member-${deviceId}`);
}

function tap(door: Machine, ...childIds: string[]): void {
  door.log.append(
    childIds.map((childId) => ({ childId, kind: 'arrival' as const, method: 'rfid' as const, companionId: 'cp0001', credentialId: null, staffId: null })),
    AT,
  );
}

/** A page as a peer serves it: its records after the asker's have, with each origin's signed head at its last row. */
function pageOf(from: PeerLog, after: HaveVector = {}): { records: PeerRecord[]; heads: SignedHead[] } {
  const records = from.page(after, 1000);
  const last = new Map<string, number>();
  for (const r of records) last.set(r.deviceId, r.seq);
  const heads = [...last].map(([deviceId, seq]) => {
    const head = from.headOf(deviceId, seq);
    if (head === null) throw new Error(`no signed head at ${deviceId}/${seq}`);
    return head;
  });
  return { records, heads };
}

const context = (over: Partial<ImportContext> = {}): ImportContext => ({ ownDeviceId: DOOR_B, appliers: ledgerAppliers, nowMs: () => T0 + 60_000, ...over });

function counts(db: Database): Record<string, unknown> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
}

const eventsOf = (db: Database, deviceId: string) =>
  db.prepare('SELECT id, device_id, device_seq, child_id, occurred_ms, prev_hash, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq').all(deviceId);
const logOf = (db: Database, deviceId: string) =>
  db.prepare('SELECT device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, body FROM peer_log WHERE device_id = ? ORDER BY seq').all(deviceId);
const sigsOf = (db: Database, deviceId: string) =>
  db.prepare<[string], Buffer | null>('SELECT sig FROM peer_log WHERE device_id = ? ORDER BY seq').pluck().all(deviceId).map((s) => s?.toString('base64url') ?? null);

/** Flips one base64url character of a signature, so it is still well-formed and no longer the origin's. */
function forged(head: SignedHead): SignedHead {
  const first = head.sig[0] === 'A' ? 'B' : 'A';
  return { ...head, sig: first + head.sig.slice(1) };
}

describe('importing a peer page', () => {
  it("takes A's taps into B with A's own ids, seqs and hashes, its peer-log rows as A wrote them, and serves them on", () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(a, 'ch0001', 'ch0002');
    tap(a, 'ch0003');

    const page = pageOf(a.peers);
    const result = importPage(b.db, page, context());
    expect(result).toMatchObject({ ok: true, stored: 3, applied: 3, waiting: 0, kinds: ['attendance'], children: ['ch0001', 'ch0002', 'ch0003'], gaps: [] });
    expect(eventsOf(b.db, DOOR_A)).toEqual(eventsOf(a.db, DOOR_A));
    expect(logOf(b.db, DOOR_A)).toEqual(logOf(a.db, DOOR_A));
    // Only the row the page's head signed carries the signature; the links prove the rest.
    expect(sigsOf(b.db, DOOR_A)).toEqual([null, null, sigsOf(a.db, DOOR_A)[2]]);
    // Foreign records never enter the outbox: they reach the city from their own door.
    expect(counts(b.db)).toMatchObject({ sync_outbox: 0, peer_waiting: 0 });
    expect(b.peers.haveVector()).toEqual({ [DOOR_A]: 3 });
    // B serves A's rows on exactly as A did (a relay), ending on A's signed head.
    expect(pageOf(b.peers)).toEqual(page);
  });

  it('changes nothing when the same page comes again, or a later page repeats what is held', () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(a, 'ch0001', 'ch0002');
    const page = pageOf(a.peers);
    expect(importPage(b.db, page, context())).toMatchObject({ ok: true, stored: 2 });
    const before = { counts: counts(b.db), log: logOf(b.db, DOOR_A), sigs: sigsOf(b.db, DOOR_A) };

    expect(importPage(b.db, page, context())).toMatchObject({ ok: true, stored: 0, applied: 0, kinds: [], children: [], skipped: { held: 2 } });
    expect({ counts: counts(b.db), log: logOf(b.db, DOOR_A), sigs: sigsOf(b.db, DOOR_A) }).toEqual(before);

    tap(a, 'ch0003');
    expect(importPage(b.db, pageOf(a.peers), context())).toMatchObject({ ok: true, stored: 1, children: ['ch0003'], skipped: { held: 2 } });
    expect(eventsOf(b.db, DOOR_A)).toEqual(eventsOf(a.db, DOOR_A));
  });

  it("adds only the peer-log row for an event the city's feed stored first, and refuses one held under another hash", () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(a, 'ch0001');
    const [event] = a.db.prepare('SELECT * FROM attendance_events').all() as Parameters<AttendanceLog['importForeign']>[0][number][];
    if (event === undefined) throw new Error('no tap');
    b.log.importForeign([event]);
    expect(importPage(b.db, pageOf(a.peers), context())).toMatchObject({ ok: true, stored: 1, applied: 1 });
    expect(counts(b.db)).toMatchObject({ peer_log: 1, attendance_events: 1 });

    const c = machine(DOOR_B, SEED_B);
    pin(c.db, DOOR_A, seededSigningKey(SEED_A));
    c.log.importForeign([{ ...event, hash: 'f'.repeat(64) }]);
    const before = counts(c.db);
    expect(importPage(c.db, pageOf(a.peers), context())).toMatchObject({ ok: false, refusal: { code: 'PEER_FORK', deviceId: DOOR_A, seq: 1 } });
    expect(counts(c.db)).toEqual(before);
  });

  it('writes nothing at all for a page with one forged signature, even beside a valid origin', () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    const other = new PeerChainKit();
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    pin(b.db, other.deviceId, other.key);
    tap(a, 'ch0001', 'ch0002');
    other.append('absence', other.absenceBody('0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f'), { id: '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f' });
    const fromA = pageOf(a.peers);
    const valid = { records: [...other.page().records, ...fromA.records], heads: [...other.page().heads, ...fromA.heads] };
    const before = counts(b.db);

    for (const heads of [[...other.page().heads, ...fromA.heads.map(forged)], [forged(other.head()), ...fromA.heads]]) {
      expect(importPage(b.db, { records: valid.records, heads }, context())).toMatchObject({ ok: false, refusal: { code: 'PEER_BAD_RECORD' } });
      expect(counts(b.db)).toEqual(before);
    }
    // The same page with its signatures whole is taken: the refusals above were the forgeries'.
    expect(importPage(b.db, valid, context())).toMatchObject({ ok: true, stored: 3, applied: 2, waiting: 1 });
  });

  it('writes nothing for a page from an origin not in the group', () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    tap(a, 'ch0001');
    expect(importPage(b.db, pageOf(a.peers), context())).toMatchObject({ ok: false, refusal: { code: 'PEER_UNKNOWN', deviceId: DOOR_A } });
    expect(counts(b.db)).toMatchObject({ peer_log: 0, attendance_events: 0 });
  });

  it("writes nothing for a page with a fork of a held origin's chain, not even another origin's rows", () => {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    const other = new PeerChainKit();
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    pin(b.db, other.deviceId, other.key);
    tap(a, 'ch0001', 'ch0002');
    expect(importPage(b.db, pageOf(a.peers), context())).toMatchObject({ ok: true, stored: 2 });
    const before = { counts: counts(b.db), log: logOf(b.db, DOOR_A) };

    // A's key signing another history: two rows where B holds A's, and a third after them.
    const fork = new PeerChainKit({ deviceId: DOOR_A, key: seededSigningKey(SEED_A) });
    for (const childId of ['ch0001', 'ch0004', 'ch0005']) fork.attendance({ childId, companionId: 'cp0001', credentialId: null });
    other.append('absence', other.absenceBody('0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f'), { id: '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f' });
    const page = { records: [...other.page().records, ...fork.page().records], heads: [...other.page().heads, ...fork.page().heads] };
    expect(importPage(b.db, page, context())).toMatchObject({ ok: false, refusal: { code: 'PEER_FORK', deviceId: DOOR_A } });
    expect({ counts: counts(b.db), log: logOf(b.db, DOOR_A) }).toEqual(before);
  });

  it("keeps a tap for a child B's roster does not know waiting, and applies it once the roster knows the child", () => {
    const roster = demoRoster();
    const missing = roster.children.find((c) => c.id === 'ch0002');
    if (missing === undefined) throw new Error('the demo roster has no ch0002');
    const a = machine(DOOR_A, SEED_A, roster);
    const b = machine(DOOR_B, SEED_B, { ...roster, children: roster.children.filter((c) => c !== missing), links: roster.links.filter((l) => l.childId !== missing.id) });
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(a, 'ch0001', 'ch0002', 'ch0003');

    expect(importPage(b.db, pageOf(a.peers), context())).toMatchObject({ ok: true, stored: 3, applied: 2, waiting: 1, children: ['ch0001', 'ch0003'] });
    expect(logOf(b.db, DOOR_A)).toEqual(logOf(a.db, DOOR_A));
    expect(b.db.prepare('SELECT child_id FROM attendance_events ORDER BY device_seq').pluck().all()).toEqual(['ch0001', 'ch0003']);
    expect(b.db.prepare('SELECT waits_for, since_ms FROM peer_waiting').all()).toEqual([{ waits_for: 'child:ch0002', since_ms: T0 + 60_000 }]);
    // B serves the waiting tap on as A wrote it, from the event its wait keeps.
    expect(pageOf(b.peers)).toEqual(pageOf(a.peers));
    // Still not known: it keeps waiting, nothing written.
    expect(retryWaiting(b.db, ledgerAppliers)).toEqual({ kinds: [], children: [], staff: [], applied: 0, waiting: 1 });

    // The roster's next pull brings the child.
    b.db.prepare('INSERT INTO children (id, group_id, first_name, last_name) VALUES (?, ?, ?, ?)').run(missing.id, missing.groupId, missing.firstName, missing.lastName);
    expect(retryWaiting(b.db, ledgerAppliers)).toEqual({ kinds: ['attendance'], children: ['ch0002'], staff: [], applied: 1, waiting: 0 });
    expect(eventsOf(b.db, DOOR_A)).toEqual(eventsOf(a.db, DOOR_A));
    expect(counts(b.db)).toMatchObject({ peer_waiting: 0 });
    expect(retryWaiting(b.db, ledgerAppliers)).toMatchObject({ applied: 0, waiting: 0 });
  });

  it("raises B's clock to the newest HLC taken in, so B's next record orders after it, but not to a wild clock", () => {
    const ahead = machine(DOOR_A, SEED_A, demoRoster(), T0 + 5 * 60_000);
    const b = machine(DOOR_B, SEED_B);
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(ahead, 'ch0001');
    const newest = ahead.peers.rowAt(DOOR_A, 1)?.hlc ?? '';
    expect(importPage(b.db, pageOf(ahead.peers), context())).toMatchObject({ ok: true, newestHlc: newest, clockAhead: false });
    tap(b, 'ch0002');
    expect(b.peers.rowAt(DOOR_B, 1)?.hlc).toBe(`${newest.slice(0, 13)}-0001`);

    const wild = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0c', 0x0c, demoRoster(), T0 + 60 * 60_000);
    pin(b.db, '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0c', seededSigningKey(0x0c));
    tap(wild, 'ch0003');
    expect(importPage(b.db, pageOf(wild.peers), context())).toMatchObject({ ok: true, stored: 1, clockAhead: true });
    tap(b, 'ch0004');
    expect(b.peers.rowAt(DOOR_B, 2)?.hlc).toBe(`${newest.slice(0, 13)}-0002`);
  });

  it('stores a record of a kind it has no applier for and keeps its effect waiting, never dropping it', () => {
    const b = machine(DOOR_B, SEED_B);
    const other = new PeerChainKit();
    pin(b.db, other.deviceId, other.key);
    const id = '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3f';
    const record = other.append('absence', other.absenceBody(id), { id });
    expect(importPage(b.db, other.page(), context({ appliers: {} }))).toMatchObject({ ok: true, stored: 1, applied: 0, waiting: 1 });
    expect(b.db.prepare('SELECT record_id, waits_for FROM peer_waiting').all()).toEqual([{ record_id: id, waits_for: 'applier:absence' }]);
    expect(b.db.prepare('SELECT body, hash FROM peer_log').get()).toEqual({ body: record.body, hash: record.hash });
    // A retry passes it by while no applier is here (nothing else could apply it); a version that has one takes it.
    expect(retryWaiting(b.db, {})).toMatchObject({ applied: 0, waiting: 0 });
    expect(counts(b.db)).toMatchObject({ peer_waiting: 1 });
    expect(retryWaiting(b.db, { absence: () => ({ outcome: 'applied' }) })).toMatchObject({ kinds: ['absence'], applied: 1, waiting: 0 });
    expect(counts(b.db)).toMatchObject({ peer_waiting: 0 });
  });

  it('retries a tap whose child came, however many older records wait for an applier this machine lacks', () => {
    const roster = demoRoster();
    const missing = roster.children.find((c) => c.id === 'ch0002');
    if (missing === undefined) throw new Error('the demo roster has no ch0002');
    const b = machine(DOOR_B, SEED_B, { ...roster, children: roster.children.filter((c) => c !== missing), links: roster.links.filter((l) => l.childId !== missing.id) });
    const other = new PeerChainKit();
    pin(b.db, other.deviceId, other.key);
    // Three absences first (older by HLC), with no applier here, then a tap for the child B's roster lacks.
    for (let i = 0; i < 3; i += 1) other.append('absence', other.absenceBody(`0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d5${String(i)}`), { id: `0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d5${String(i)}` });
    other.attendance({ childId: 'ch0002', companionId: null, credentialId: null });
    const appliers = { attendance: ledgerAppliers.attendance };
    expect(importPage(b.db, other.page(), context({ appliers }))).toMatchObject({ ok: true, stored: 4, applied: 0, waiting: 4 });
    b.db.prepare('INSERT INTO children (id, group_id, first_name, last_name) VALUES (?, ?, ?, ?)').run(missing.id, missing.groupId, missing.firstName, missing.lastName);
    // A retry of at most two: the absences, oldest, would have taken both places and the tap never been tried.
    expect(retryWaiting(b.db, appliers, 2)).toEqual({ kinds: ['attendance'], children: ['ch0002'], staff: [], applied: 1, waiting: 0 });
    expect(b.db.prepare('SELECT waits_for FROM peer_waiting').pluck().all()).toEqual(['applier:absence', 'applier:absence', 'applier:absence']);
  });
});

describe('importing the taps of a year archived at the sender (docs/peers.md §5 "Archived years")', () => {
  /** A's tap, then an absence; the page as A serves it once the tap's event is archived: the tap link-only. */
  function archivedAtA(): { a: Machine; b: Machine; tapId: string; page: { records: PeerRecord[]; heads: SignedHead[] }; head: SignedHead } {
    const a = machine(DOOR_A, SEED_A);
    const b = machine(DOOR_B, SEED_B);
    pin(b.db, DOOR_A, seededSigningKey(SEED_A));
    tap(a, 'ch0001');
    const absenceId = '0196f3a2-0000-7000-8000-000000000001';
    const body = { type: 'absence', id: absenceId, deviceId: DOOR_A, childId: 'ch0002', firstDate: '2026-11-20', lastDate: '2026-11-20', reason: 'sick', certificateNumber: null, certificateDate: null, note: null, staffId: 'staff-1', recordedAt: '2026-11-20T09:00:00+05:00', recordedMs: T0 };
    a.db.transaction(() => a.peers.append('absence', absenceId, { body: JSON.stringify(body) }))();
    const served = pageOf(a.peers);
    const tapId = served.records[0]?.id ?? '';
    const head = a.peers.headOf(DOOR_A, 1);
    if (head === null) throw new Error('a live tap is signed');
    return { a, b, tapId, page: { records: served.records.map((r) => (r.seq === 1 ? { ...r, event: undefined } : r)), heads: served.heads }, head };
  }

  it('stores the link-only tap with no event under the archived head, keeps the head, and serves both on', () => {
    const { b, tapId, page, head } = archivedAtA();
    expect(importPage(b.db, page, context())).toMatchObject({ ok: false, refusal: { code: 'PEER_BAD_RECORD', seq: 1 } });
    expect(counts(b.db)).toMatchObject({ peer_log: 0 });
    // The tap is stored and applies nothing; the absence waits for its applier (this test's map is the ledger's only).
    const result = importPage(b.db, { ...page, archived: [head] }, context());
    expect(result).toMatchObject({ ok: true, stored: 2, applied: 0, waiting: 1 });
    expect(b.db.prepare('SELECT count(*) FROM attendance_events WHERE id = ?').pluck().get(tapId)).toBe(0);
    expect(b.db.prepare('SELECT device_id, through_seq, hash FROM peer_archived').all()).toEqual([{ device_id: DOOR_A, through_seq: 1, hash: head.hash }]);
    expect(b.peers.archivedHeadOf(DOOR_A)).toEqual(head);
    expect(pageOf(b.peers).records).toEqual(page.records);
  });

  it('takes a fact that would wait for an archived tap as applied with nothing to do, and only such a fact', () => {
    const { b, tapId, page, head } = archivedAtA();
    const waitingFor = (id: string) => ({ ...ledgerAppliers, absence: () => ({ outcome: 'waiting' as const, waitsFor: `attendance:${id}` }) });
    expect(importPage(b.db, { ...page, archived: [head] }, context({ appliers: waitingFor(tapId) }))).toMatchObject({ ok: true, stored: 2, waiting: 0 });
    expect(counts(b.db)).toMatchObject({ peer_waiting: 0 });
    // A tap not held at all (its origin behind): the fact waits, as before.
    const other = archivedAtA();
    expect(importPage(other.b.db, { ...other.page, archived: [other.head] }, context({ appliers: waitingFor('0196f3a2-0000-7000-8000-00000000ffff') }))).toMatchObject({ ok: true, waiting: 1 });
    expect(counts(other.b.db)).toMatchObject({ peer_waiting: 1 });
  });
});
