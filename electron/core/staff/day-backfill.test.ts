// The staff's day records in the one-time backfill (docs/peers.md §9), on a real SQLite file written through the staff
// requests while the kiosk had no peer log: a paper day becomes its register record under the day's id, naming its
// arrivals; absences, corrections, closing resolutions, certificate checks and staff's headcounts go under the ids the
// city holds, with the
// outbox's very text while it is kept and, once pruned, rebuilt to the same record; a cut-off headcount the outbox
// never held (the kiosk was not enrolled) stays local; a second run writes nothing; a machine that takes the log in
// shows the same paper day, resolutions and certificate checks.
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { memberAppliers } from '../ledger/member-apply.js';
import type { BackfillPiece } from '../ledger/backfill-writer.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { SYNC_KEYS } from '../ledger/sync-state.js';
import { bindTestPeerLog } from '../ledger/testing/peer-log-kit.js';
import { runBackfill } from '../peers/backfill.js';
import { exchange, peerMachine, pinAll, T0, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { rosterAppliers } from '../roster/peer-apply.js';
import { staffFactsBackfill, staffRegistersBackfill } from './backfill.js';
import { certificateChecksBackfill, closingResolutionsBackfill, headcountsBackfill, paperDaysBackfill } from './day-backfill.js';
import { staffAppliers } from './peer-apply.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';
import { attendanceBackfill } from '../ledger/backfill.js';
import { rosterStateBackfill } from '../roster/backfill.js';

/** The kiosk kept records from Monday 2 November 2026, 08:10 in Almaty. */
const INSTALLED = '2026-11-02T03:10:00.000Z';
/** Monday 2 November, 09:05: past the cut-off, the kiosk takes the day's headcount (not queued: not enrolled). */
const CUT_OFF = '2026-11-02T04:05:00.000Z';
/** Monday 23 November 2026, 10:15 in Almaty. */
const MONDAY = '2026-11-23T05:15:00.000Z';
const FRIDAY = '2026-11-20';
const ZONE = 300;
const SEED = 0x31;

const PIECES: readonly (readonly [string, BackfillPiece])[] = [
  ['absences-corrections', staffFactsBackfill],
  ['paper-days', paperDaysBackfill],
  ['closing-resolutions', closingResolutionsBackfill],
  ['certificate-checks', certificateChecksBackfill],
  ['headcounts', headcountsBackfill],
];

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/**
 * A door's day written through the staff requests with no peer log: an absence and its correction, a paper day, two
 * resolutions, a certificate, headcounts.
 */
async function pastDay() {
  const kit = staffKit(INSTALLED, { peerLog: false });
  kit.clock.set(CUT_OFF);
  kit.desk.tick();
  kit.clock.set(MONDAY);
  const head = await kit.signIn('staff-admin', '2468');
  const [alisa] = kit.read<{ group_id: string }>('SELECT group_id FROM children WHERE id = ?', demoChildren.alisa);
  const groupId = alisa?.group_id ?? '';
  const roll = value(kit.call('staffPaperDay', { sessionId: head, groupId, date: FRIDAY }));
  if (roll.state !== 'open') throw new Error(`the day is ${roll.state}`);
  value(kit.call('staffSavePaperDay', { sessionId: head, groupId, date: FRIDAY, present: roll.children.slice(1).map((c) => c.id) }));

  value(kit.checkin.identifyCard(demoCards.motherOneChild));
  const scan = value(kit.checkin.identifyCard(demoCards.fatherTwoGroups));
  if (scan.kind !== 'choose') throw new Error('expected a choice');
  value(kit.checkin.confirm(scan.offerId, [demoChildren.yerasyl, demoChildren.inzhu], []));
  const duty = await kit.signIn();
  const { absenceId } = value(kit.call('staffMarkAbsence', { sessionId: duty, childId: demoChildren.alikhan, firstDate: '2026-11-23', lastDate: '2026-11-25', reason: 'sick' }));
  value(kit.call('staffCorrect', { sessionId: duty, target: { type: 'absence', id: absenceId }, reason: 'Wrong child' }));
  value(kit.call('staffResolveClosing', { sessionId: duty, childId: demoChildren.alisa, outcome: { kind: 'still-here', note: 'Мама позвонила: 19:30' } }));
  value(kit.call('staffResolveClosing', { sessionId: duty, childId: demoChildren.yerasyl, outcome: { kind: 'left', companionName: 'Тётя Сауле' } }));
  value(kit.call('staffTakeHeadcount', { sessionId: duty }));

  // Інжу back after five school days away: the return row as the scan finds it, then the duty's word on it.
  kit.db.prepare("INSERT INTO return_checks (id, child_id, local_date, absent_days, last_seen, found_ms) VALUES ('01900000-0000-7000-8000-000000000001', ?, '2026-11-23', 5, '2026-11-13', 1)").run(demoChildren.inzhu);
  value(kit.call('staffMarkCertificate', { sessionId: duty, checkId: '01900000-0000-7000-8000-000000000001', outcome: 'missing' }));
  value(kit.call('staffMarkCertificate', { sessionId: duty, checkId: '01900000-0000-7000-8000-000000000001', outcome: 'seen' }));

  const [device] = kit.read<{ id: string }>('SELECT id FROM device');
  const deviceId = device?.id ?? '';
  expect(kit.read('SELECT count(*) AS n FROM peer_log')).toEqual([{ n: 0 }]);
  return { kit, deviceId };
}

function queued(db: Database): Map<string, string> {
  const rows = db.prepare<[], { record_id: string; body: string }>('SELECT o.record_id, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq').all();
  return new Map(rows.map((r) => [r.record_id, r.body]));
}

function logged(db: Database, kinds: readonly string[]): { kind: string; record_id: string; body: string | null }[] {
  return db
    .prepare<[], { kind: string; record_id: string; body: string | null }>(`SELECT kind, record_id, body FROM peer_log WHERE kind IN (${kinds.map((k) => `'${k}'`).join(', ')}) ORDER BY seq`)
    .all();
}

const CITY = ['absence', 'correction', 'closing-resolution', 'certificate-check', 'headcount'] as const;

describe("the staff's day in the backfill", () => {
  it("writes each city fact under its id with the outbox's text, the paper day under the day's id, and a second run nothing", async () => {
    const { kit, deviceId } = await pastDay();
    bindTestPeerLog(kit.db, deviceId, () => kit.clock.now().getTime(), SEED);
    const outbox = queued(kit.db);
    const done = runBackfill(kit.db, PIECES, { nowMs: kit.clock.now().getTime(), zone: ZONE });
    expect(done?.byPiece).toEqual({ 'absences-corrections': 2, 'paper-days': 1, 'closing-resolutions': 2, 'certificate-checks': 2, headcounts: 1 });

    const facts = logged(kit.db, CITY);
    const ids = (table: string): string[] => kit.read<{ id: string }>(`SELECT id FROM ${table}`).map((r) => r.id);
    expect(new Set(facts.map((f) => f.record_id))).toEqual(new Set([...ids('absences'), ...ids('corrections'), ...ids('closing_resolutions'), ...ids('certificate_checks'), ...kit.read<{ id: string }>("SELECT id FROM headcounts WHERE trigger = 'manual'").map((r) => r.id)]));
    for (const f of facts) expect(f.body, f.kind).toBe(outbox.get(f.record_id));
    // The kiosk's own cut-off headcount was never queued (no city): it stays this door's row.
    const [cutOff] = kit.read<{ id: string }>("SELECT id FROM headcounts WHERE trigger = 'cut-off'");
    expect(cutOff).toBeDefined();
    expect(kit.read('SELECT count(*) AS n FROM peer_log WHERE record_id = ?', cutOff?.id)).toEqual([{ n: 0 }]);

    const [day] = kit.read<{ id: string; group_id: string; staff_id: string; entered_at: string; present: number; absent: number }>('SELECT * FROM paper_days');
    const events = kit.read<{ id: string }>('SELECT e.id FROM paper_day_events l JOIN attendance_events e ON e.id = l.event_id ORDER BY e.device_seq').map((e) => e.id);
    expect(events.length).toBeGreaterThan(0);
    const [paper] = logged(kit.db, ['paper-day']);
    expect(paper?.record_id).toBe(day?.id);
    // The body the live writer appends (PaperDayService.save), key for key.
    expect(paper?.body).toBe(JSON.stringify({ groupId: day?.group_id, date: FRIDAY, eventIds: events, staffId: 'staff-admin', recordedAt: day?.entered_at, present: day?.present, absent: day?.absent }));

    kit.db.prepare('DELETE FROM sync_state WHERE key = ?').run(SYNC_KEYS.peerBackfill);
    expect(runBackfill(kit.db, PIECES, { nowMs: kit.clock.now().getTime() + 1000, zone: ZONE })).toMatchObject({ rows: 0 });
  });

  it('rebuilds from the rows what the outbox no longer keeps, to the records it queued', async () => {
    const { kit, deviceId } = await pastDay();
    const outbox = queued(kit.db);
    // Sent and pruned, as after the city took them and the days to keep them passed.
    kit.db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1").run();
    kit.db.prepare('DELETE FROM sync_outbox').run();
    bindTestPeerLog(kit.db, deviceId, () => kit.clock.now().getTime(), SEED);
    runBackfill(kit.db, PIECES, { nowMs: kit.clock.now().getTime(), zone: ZONE });
    const facts = logged(kit.db, CITY);
    expect(facts.map((f) => f.kind).sort()).toEqual(['absence', 'certificate-check', 'certificate-check', 'closing-resolution', 'closing-resolution', 'correction', 'headcount']);
    for (const f of facts) expect(JSON.parse(f.body ?? 'null'), f.kind).toEqual(JSON.parse(outbox.get(f.record_id) ?? 'null'));
  });

  it('gives a machine that takes the log in the same absence and correction, paper day, closing resolutions and certificate checks', async () => {
    const { kit, deviceId } = await pastDay();
    const log = bindTestPeerLog(kit.db, deviceId, () => kit.clock.now().getTime(), SEED);
    // What the joiner needs first: the staff and the roster the day names, and the taps.
    runBackfill(
      kit.db,
      [['staff', staffRegistersBackfill], ['roster', rosterStateBackfill], ['attendance', attendanceBackfill], ...PIECES],
      { nowMs: kit.clock.now().getTime(), zone: ZONE },
    );
    const door: PeerMachine = { db: kit.db, log, deviceId, seed: SEED, clock: { ms: kit.clock.now().getTime() } };
    const office = peerMachine(0x32, { empty: true, startMs: T0 });
    opened.push(office.db);
    pinAll([door, office]);
    exchange([door, office], { ...ledgerAppliers, ...staffAppliers, ...rosterAppliers, ...memberAppliers });
    expect(tableText(office.db, 'SELECT waits_for FROM peer_waiting')).toBe('[]');
    for (const sql of [
      'SELECT * FROM absences ORDER BY id',
      'SELECT * FROM corrections ORDER BY id',
      'SELECT id, group_id, local_date, staff_id, entered_at, present, absent FROM paper_days ORDER BY id',
      'SELECT event_id, paper_day_id FROM paper_day_events ORDER BY event_id',
      'SELECT id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms FROM closing_resolutions ORDER BY id',
      'SELECT k.id, r.child_id, r.local_date, r.absent_days, k.outcome, k.staff_id, k.recorded_at FROM certificate_checks k JOIN return_checks r ON r.id = k.return_check_id ORDER BY k.id',
    ]) {
      expect(tableText(office.db, sql), sql).toBe(tableText(kit.db, sql));
    }
    // A headcount is the door's fact: the office holds its record, and keeps its own table for its own draws.
    const manual = kit.read<{ id: string }>("SELECT id FROM headcounts WHERE trigger = 'manual'").map((r) => r.id);
    expect(office.db.prepare<[], { id: string }>("SELECT record_id AS id FROM peer_log WHERE kind = 'headcount'").all().map((r) => r.id)).toEqual(manual);
    expect(peerLogOf(office.db)?.haveVector()).toEqual(peerLogOf(kit.db)?.haveVector());
  });
});
