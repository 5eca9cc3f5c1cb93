// Another machine's absences and corrections taken in through the peer import (docs/peers.md §5, §6), over two real
// staff databases: written as their origin recorded them, no outbox row, the same page again changes nothing, a
// correction whose target is not here yet waits and is applied once it is, a second withdrawal from afar is stored.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { importPage, retryWaiting } from '../peers/record-import.js';
import { appliers, context, machine, pageFor, pinIn } from './testing/peer-machines.js';
import { demoChildren, value } from './testing/staff-kit.js';

const onlyKinds = (kinds: string[]) => kinds.filter((k) => k === 'absence' || k === 'correction');

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
    // After the demo's PINs and staff card, each machine's own records too.
    expect(onlyKinds(page.records.map((r) => r.kind))).toEqual(['absence', 'correction']);
    const imported = importPage(b.db, page, context(b));
    expect(imported).toMatchObject({ ok: true, waiting: 0, children: [demoChildren.yerasyl] });
    expect(imported.ok && onlyKinds(imported.kinds)).toEqual(['absence', 'correction']);
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
    expect(importPage(b.db, pageFor(a), context(b))).toMatchObject({ ok: true, children: [demoChildren.alikhan] });
    const sessionId = await b.signIn('staff-admin', '2468');
    value(b.call('staffCorrect', { sessionId, target: { type: 'attendance', id: tap.id }, reason: 'Wrong child' }));

    expect(importPage(c.db, pageFor(b), context(c))).toMatchObject({ ok: true, waiting: 1 });
    expect(c.db.prepare('SELECT waits_for FROM peer_waiting').pluck().all()).toEqual([`attendance:${tap.id}`]);
    expect(rows(c.db, 'corrections')).toEqual([]);

    expect(importPage(c.db, pageFor(a), context(c))).toMatchObject({ ok: true, children: [demoChildren.alikhan] });
    expect(retryWaiting(c.db, appliers)).toEqual({ kinds: ['correction'], children: [demoChildren.alikhan], staff: [], applied: 1, waiting: 0 });
    expect(rows(c.db, 'corrections')).toEqual(rows(b.db, 'corrections'));
  });

  it('stores a second withdrawal of the same record from another machine beside the first', async () => {
    const a = machine(0x11);
    const b = machine(0x12);
    pinIn(b, a);
    const [tap] = a.log.append([{ childId: demoChildren.alikhan, kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], localTimeOn('2026-11-23', '08:12', 'Asia/Almaty'));
    if (tap === undefined) throw new Error('no tap');
    expect(importPage(b.db, pageFor(a), context(b))).toMatchObject({ ok: true, children: [demoChildren.alikhan] });
    // Both withdraw it while apart.
    value(b.call('staffCorrect', { sessionId: await b.signIn('staff-admin', '2468'), target: { type: 'attendance', id: tap.id }, reason: 'At B' }));
    value(a.call('staffCorrect', { sessionId: await a.signIn('staff-admin', '2468'), target: { type: 'attendance', id: tap.id }, reason: 'At A' }));
    expect(importPage(b.db, pageFor(a, 1), context(b))).toMatchObject({ ok: true, stored: 1, applied: 1 });
    expect(b.db.prepare('SELECT reason FROM corrections ORDER BY reason').pluck().all()).toEqual(['At A', 'At B']);
  });
});
