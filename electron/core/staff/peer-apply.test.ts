// Another machine's absences and corrections taken in through the peer import (docs/peers.md §5, §6), over two real
// staff databases: written as their origin recorded them, no outbox row, the same page again changes nothing, a
// correction whose target is not here yet waits and is applied once it is, a second withdrawal from afar is stored.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { rawPublicKey } from '../credentials/ed25519.js';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { peerLogOf, type PeerLog } from '../ledger/peer-log.js';
import { bindTestPeerLog, seededSigningKey } from '../ledger/testing/peer-log-kit.js';
import { importPage, retryWaiting, type ImportContext } from '../peers/record-import.js';
import { staffAppliers } from './peer-apply.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

type Kit = ReturnType<typeof staffKit>;

const appliers = { ...ledgerAppliers, ...staffAppliers };

const seeds = new WeakMap<Kit, number>();

/** A staff machine whose peer log signs with its own test key (peer_members pins each key once). */
function machine(seed: number): Kit {
  const kit = staffKit();
  bindTestPeerLog(kit.db, logOf(kit).deviceId, () => kit.clock.now().getTime(), seed);
  seeds.set(kit, seed);
  return kit;
}

/** B pins A's device under A's key, as pairing would. */
function pinIn(b: Kit, a: Kit): void {
  const raw = Buffer.from(rawPublicKey(seededSigningKey(seeds.get(a) ?? 0x07)));
  const deviceId = logOf(a).deviceId;
  b.db.prepare(
    `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id)
     VALUES (?, 'Office', 'office', ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
  ).run(deviceId, raw, raw, `qr-${deviceId}`, raw, `member-${deviceId}`);
}

function logOf(kit: Kit): PeerLog {
  const log = peerLogOf(kit.db);
  if (log === null) throw new Error('the kit binds a peer log');
  return log;
}

/** A's own rows after `fromSeq` (none it relays), with A's signed head at the last, as a peer serves them. */
function pageFor(a: Kit, fromSeq = 0): { records: PeerRecord[]; heads: SignedHead[] } {
  const from = logOf(a);
  const after: Record<string, number> = {};
  for (const deviceId of Object.keys(from.haveVector())) after[deviceId] = Number.MAX_SAFE_INTEGER;
  const records = from.page({ ...after, [from.deviceId]: fromSeq }, 1000);
  const last = records.at(-1);
  const head = last === undefined ? null : from.headOf(last.deviceId, last.seq);
  return { records, heads: head === null ? [] : [head] };
}

const context = (b: Kit): ImportContext => ({ ownDeviceId: logOf(b).deviceId, appliers, nowMs: () => b.clock.now().getTime() });

const rows = (db: Database, table: 'absences' | 'corrections') => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
const outboxOf = (db: Database) => db.prepare("SELECT record_type FROM sync_outbox WHERE record_type IN ('absence', 'correction')").pluck().all();

describe("another machine's absences and corrections", () => {
  it('are written as their origin recorded them, with no outbox row, and once only', async () => {
    const a = machine(0x11);
    const b = machine(0x12);
    pinIn(b, a);
    const sessionId = await a.signIn('staff-duty');
    const { absenceId } = value(a.call('staffMarkAbsence', { sessionId, childId: demoChildren.yerasyl, firstDate: '2026-11-23', lastDate: '2026-11-25', reason: 'sick' }));
    value(a.call('staffCorrect', { sessionId, target: { type: 'absence', id: absenceId }, reason: 'Wrong child' }));

    const page = pageFor(a);
    expect(page.records.map((r) => r.kind)).toEqual(['absence', 'correction']);
    expect(importPage(b.db, page, context(b))).toMatchObject({ ok: true, stored: 2, applied: 2, waiting: 0, kinds: ['absence', 'correction'], children: [demoChildren.yerasyl] });
    expect(rows(b.db, 'absences')).toEqual(rows(a.db, 'absences'));
    expect(rows(b.db, 'corrections')).toEqual(rows(a.db, 'corrections'));
    expect(outboxOf(b.db)).toEqual([]);

    expect(importPage(b.db, page, context(b))).toMatchObject({ ok: true, stored: 0, applied: 0 });
    expect(rows(b.db, 'absences')).toEqual(rows(a.db, 'absences'));
    expect(rows(b.db, 'corrections')).toEqual(rows(a.db, 'corrections'));
  });

  it("keeps a correction whose target has not arrived waiting, and applies it once the target's origin is taken in", async () => {
    const a = machine(0x11);
    const b = machine(0x12);
    const c = machine(0x13);
    pinIn(c, a);
    pinIn(c, b);
    pinIn(b, a);
    // A tap at A, taken in at B; B's admin withdraws it. C hears from B before it hears from A.
    const [tap] = a.log.append([{ childId: demoChildren.alikhan, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], localTimeOn('2026-11-23', '08:12', 'Asia/Almaty'));
    if (tap === undefined) throw new Error('no tap');
    expect(importPage(b.db, pageFor(a), context(b))).toMatchObject({ ok: true, applied: 1 });
    const sessionId = await b.signIn('staff-admin', '2468');
    value(b.call('staffCorrect', { sessionId, target: { type: 'attendance', id: tap.id }, reason: 'Wrong child' }));

    expect(importPage(c.db, pageFor(b), context(c))).toMatchObject({ ok: true, applied: 0, waiting: 1 });
    expect(c.db.prepare('SELECT waits_for FROM peer_waiting').pluck().all()).toEqual([`attendance:${tap.id}`]);
    expect(rows(c.db, 'corrections')).toEqual([]);

    expect(importPage(c.db, pageFor(a), context(c))).toMatchObject({ ok: true, applied: 1, children: [demoChildren.alikhan] });
    expect(retryWaiting(c.db, appliers)).toEqual({ kinds: ['correction'], children: [demoChildren.alikhan], staff: [], applied: 1, waiting: 0 });
    expect(rows(c.db, 'corrections')).toEqual(rows(b.db, 'corrections'));
  });

  it('stores a second withdrawal of the same record from another machine beside the first', async () => {
    const a = machine(0x11);
    const b = machine(0x12);
    pinIn(b, a);
    const [tap] = a.log.append([{ childId: demoChildren.alikhan, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], localTimeOn('2026-11-23', '08:12', 'Asia/Almaty'));
    if (tap === undefined) throw new Error('no tap');
    expect(importPage(b.db, pageFor(a), context(b))).toMatchObject({ ok: true, applied: 1 });
    // Both withdraw it while apart.
    value(b.call('staffCorrect', { sessionId: await b.signIn('staff-admin', '2468'), target: { type: 'attendance', id: tap.id }, reason: 'At B' }));
    value(a.call('staffCorrect', { sessionId: await a.signIn('staff-admin', '2468'), target: { type: 'attendance', id: tap.id }, reason: 'At A' }));
    expect(importPage(b.db, pageFor(a, 1), context(b))).toMatchObject({ ok: true, stored: 1, applied: 1 });
    expect(b.db.prepare('SELECT reason FROM corrections ORDER BY reason').pluck().all()).toEqual(['At A', 'At B']);
  });
});
