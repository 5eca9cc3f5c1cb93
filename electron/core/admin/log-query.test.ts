import { describe, expect, it } from 'vitest';
import type { LogEntry, LogFilter } from '../../../shared/admin/admin-contract.js';
import { eventHash, GENESIS_HASH } from '../ledger/event-chain.js';
import { LogQuery } from './log-query.js';
import { adminKit, at, kitRoster, value } from './testing/admin-kit.js';

const DAYS = ['01', '02', '03', '04'];
const t = (d: string, hhmm: string, sec = '00') => `2026-12-${d}T${hhmm}:${sec}.000+05:00`;

/** Four days of the kit kindergarten: taps, siblings recorded in one go, overrides, a correction, sync states, a peer. */
function busyKiosk() {
  const kit = adminKit('2026-12-04T13:00:00.000Z');
  const duty = kit.accounts.member('duty');
  const head = kit.accounts.member('head');
  if (!duty || !head) throw new Error('kit staff missing');
  for (const d of DAYS) {
    // Бібігүл brings both grandchildren in one confirm: two events with the very same time.
    kit.log.append(
      [
        { childId: 'alikhan', kind: 'arrival', method: 'rfid', companionId: 'bibigul', credentialId: 'cr-bibigul', staffId: null },
        { childId: 'ayaru', kind: 'arrival', method: 'rfid', companionId: 'bibigul', credentialId: 'cr-bibigul', staffId: null },
      ],
      at(t(d, '08:05')),
    );
    kit.event('yerasyl', 'arrival', t(d, '08:07'), { method: 'qr', companionId: 'nurlan' });
    kit.event('inzhu', 'arrival', t(d, '08:07', '01'), { method: 'qr', companionId: 'nurlan' });
    kit.event('alikhan', 'departure', t(d, '18:00'));
    kit.event('ayaru', 'departure', t(d, '18:00', '02'));
  }
  // Алиса's mother forgot her card on the 2nd; a neighbour collected her on the 3rd.
  const forgot = value(kit.staff.override(duty, { childId: 'alisa', kind: 'arrival', reason: 'forgot-card', companionId: 'elena' }, at(t('02', '08:30'))));
  const neighbour = value(
    kit.staff.override(duty, { childId: 'alisa', kind: 'departure', reason: 'other', note: 'соседка по просьбе мамы', companionName: 'Мария Петрова' }, at(t('03', '17:40'))),
  );
  // A tap withdrawn by the head.
  const yerasylFirst = kit.db.prepare<[], { id: string }>("SELECT id FROM attendance_events WHERE child_id = 'yerasyl' ORDER BY occurred_ms LIMIT 1").get();
  if (!yerasylFirst) throw new Error('no event');
  const correction = value(kit.staff.correct(head, { type: 'attendance', id: yerasylFirst.id }, 'карта брата, ребёнок дома', at(t('01', '10:00'))));
  // The city took the first two days; refused one record; the rest waits.
  const firstDays = kit.db.prepare<[], { id: string }>("SELECT id FROM attendance_events WHERE local_date <= '2026-12-02' ORDER BY occurred_ms, id").all();
  const settle = kit.db.prepare('UPDATE sync_outbox SET state = ?, rejected_reason = ?, sent_ms = ? WHERE record_id = ?');
  for (const { id } of firstDays) settle.run('sent', null, 1, id);
  settle.run('rejected', 'unknown child', null, neighbour.eventId);
  // Another kiosk at the back door recorded Інжу's departure on the 4th.
  const fields = {
    id: '0194f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e5f',
    device_id: 'back-door',
    device_seq: 1,
    child_id: 'inzhu',
    kind: 'departure',
    method: 'qr',
    companion_id: 'nurlan',
    credential_id: null,
    staff_id: null,
    occurred_at: at(t('04', '17:30')).iso,
    occurred_ms: at(t('04', '17:30')).ms,
    local_date: '2026-12-04',
    prev_hash: GENESIS_HASH,
  };
  kit.log.importForeign([{ ...fields, hash: eventHash(fields), clock_offset_ms: null }]);
  return { ...kit, logs: new LogQuery(kit.db, kit.deviceId), forgot, neighbour, correction, corrected: yerasylFirst.id, peer: fields.id };
}

type Kit = ReturnType<typeof busyKiosk>;

/** Every page of a filter, walked to the end. */
function walkAll(query: LogQuery, filter: LogFilter, limit: number): LogEntry[] {
  const all: LogEntry[] = [];
  let cursor = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = query.page(filter, cursor, limit);
    all.push(...page.entries);
    if (!page.nextCursor) return all;
    expect(page.entries).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error('the log never ended');
}

interface RefRow {
  id: string;
  occurred_ms: number;
  local_date: string;
  child_id: string;
  group_id: string;
  companion_id: string | null;
  method: string;
  staff_id: string | null;
  device_id: string;
  state: string | null;
}

/** The answer by brute force: every event read plainly, filtered and sorted in JavaScript. */
function reference(kit: Kit, f: LogFilter, names: { children: string[]; companions: string[] } | null): string[] {
  const rows = kit.db
    .prepare<[], RefRow>(
      `SELECT e.id, e.occurred_ms, e.local_date, e.child_id, c.group_id, e.companion_id, e.method, e.staff_id, e.device_id, o.state
         FROM attendance_events e JOIN children c ON c.id = e.child_id LEFT JOIN sync_outbox o ON o.record_id = e.id`,
    )
    .all();
  const state = (r: RefRow) => r.state ?? (r.device_id === kit.deviceId ? 'not-queued' : 'other-kiosk');
  return rows
    .filter(
      (r) =>
        (f.from === undefined || r.local_date >= f.from) &&
        (f.to === undefined || r.local_date <= f.to) &&
        (f.groupId === undefined || r.group_id === f.groupId) &&
        (f.childId === undefined || r.child_id === f.childId) &&
        (f.companionId === undefined || r.companion_id === f.companionId) &&
        (f.method === undefined || r.method === f.method) &&
        (f.staffId === undefined || r.staff_id === f.staffId) &&
        (f.syncState === undefined || state(r) === f.syncState) &&
        (names === null || names.children.includes(r.child_id) || (r.companion_id !== null && names.companions.includes(r.companion_id))),
    )
    .sort((a, b) => b.occurred_ms - a.occurred_ms || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

describe('the admin log', () => {
  it('pages newest first without gaps or repeats, siblings of one tap included', () => {
    const kit = busyKiosk();
    const total = (kit.db.prepare('SELECT count(*) AS n FROM attendance_events').get() as { n: number }).n;
    expect(total).toBe(DAYS.length * 6 + 3);
    for (const limit of [1, 2, 5, 50]) {
      const ids = walkAll(kit.logs, {}, limit).map((e) => e.id);
      expect(ids, `limit ${limit}`).toEqual(reference(kit, {}, null));
    }
    const first = kit.admin.logPage({}, null, 3);
    expect(first.entries.map((e) => [e.localDate, e.at, e.child.firstName])).toEqual([
      ['2026-12-04', '18:00', 'Айару'],
      ['2026-12-04', '18:00', 'Әлихан'],
      ['2026-12-04', '17:30', 'Інжу'],
    ]);
  });

  it('filters by every field, alone and together, as a plain scan would', () => {
    const kit = busyKiosk();
    const filters: LogFilter[] = [
      { from: '2026-12-02', to: '2026-12-03' },
      { from: '2026-12-04' },
      { to: '2026-12-01' },
      { groupId: 'g2' },
      { childId: 'alisa' },
      { companionId: 'bibigul' },
      { method: 'qr' },
      { method: 'override' },
      { staffId: 'duty' },
      { syncState: 'pending' },
      { syncState: 'sent' },
      { syncState: 'rejected' },
      { syncState: 'other-kiosk' },
      { groupId: 'g1', method: 'rfid', from: '2026-12-03' },
      { childId: 'inzhu', syncState: 'other-kiosk' },
      { companionId: 'nurlan', groupId: 'g2', to: '2026-12-02' },
      { method: 'override', syncState: 'rejected' },
      { staffId: 'duty', from: '2026-12-03', to: '2026-12-03' },
    ];
    // The same answers whichever way the walk goes: the outbox or the time index for a sync state.
    const dense = new LogQuery(kit.db, kit.deviceId, { maxSearchStreams: 24, sparseSyncRows: 0 });
    for (const filter of filters) {
      const expected = reference(kit, filter, null);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(walkAll(kit.logs, filter, 2).map((e) => e.id), JSON.stringify(filter)).toEqual(expected);
      expect(walkAll(dense, filter, 3).map((e) => e.id), JSON.stringify(filter)).toEqual(expected);
    }
    expect(walkAll(kit.logs, { childId: 'alisa', method: 'qr' }, 5)).toEqual([]);
  });

  it('finds Kazakh names typed without Kazakh letters, in any case, children and companions alike', () => {
    const kit = busyKiosk();
    const search = (s: string, extra: LogFilter = {}) => walkAll(kit.logs, { ...extra, search: s }, 4).map((e) => e.id);
    const alikhan = reference(kit, {}, { children: ['alikhan'], companions: [] });
    expect(search('алихан')).toEqual(alikhan);
    expect(search('ӘЛИХАН')).toEqual(alikhan);
    expect(search('Әлихан')).toEqual(alikhan);
    expect(search('жумабаев алихан')).toEqual(alikhan);
    expect(search('инжу')).toEqual(reference(kit, {}, { children: ['inzhu'], companions: [] }));
    // Бібігүл is a companion: her taps, for both grandchildren. "нурлан" is Нұрлан the father and Нұрланов/Нұрланова.
    expect(search('бибигул')).toEqual(reference(kit, {}, { children: [], companions: ['bibigul'] }));
    expect(search('нурлан')).toEqual(reference(kit, {}, { children: ['yerasyl', 'inzhu'], companions: ['nurlan'] }));
    expect(search('нурлан', { method: 'qr', from: '2026-12-04' })).toEqual(reference(kit, { method: 'qr', from: '2026-12-04' }, { children: ['yerasyl', 'inzhu'], companions: ['nurlan'] }));
    expect(search('нурлан', { childId: 'inzhu' })).toEqual(reference(kit, { childId: 'inzhu' }, { children: ['inzhu'], companions: ['nurlan'] }));
    expect(search('никто')).toEqual([]);
    // A roster update (a corrected spelling from the city) is searched at once.
    kit.db.prepare("UPDATE children SET first_name = 'Никита' WHERE id = 'alikhan'").run();
    expect(search('никита')).toEqual(alikhan);
    expect(search('алихан')).toEqual([]);
    // A search matching more people than it walks one by one gives the same answer from one walk.
    const broad = new LogQuery(kit.db, kit.deviceId, { maxSearchStreams: 1, sparseSyncRows: 5000 });
    expect(walkAll(broad, { search: 'нурлан' }, 3).map((e) => e.id)).toEqual(search('нурлан'));
    expect(walkAll(broad, { search: 'а', groupId: 'g1' }, 3).map((e) => e.id)).toEqual(
      reference(kit, { groupId: 'g1' }, { children: kitRoster.children.map((c) => c.id), companions: kitRoster.companions.map((c) => c.id) }),
    );
  });

  it('shows who did what and why: the override, its reason, the companion said at the door, the correction beside', () => {
    const kit = busyKiosk();
    const overrides = walkAll(kit.logs, { method: 'override' }, 10);
    expect(overrides.map((e) => e.id)).toEqual([kit.neighbour.eventId, kit.forgot.eventId]);
    expect(overrides[0]).toMatchObject({
      kind: 'departure',
      child: { id: 'alisa', firstName: 'Алиса', lastName: 'Иванова' },
      groupName: 'Жұлдыз',
      staff: { id: 'duty', name: 'Айгерім Омарова' },
      override: { reason: 'other', note: 'соседка по просьбе мамы' },
      companion: null,
      companionNameSaid: 'Мария Петрова',
      syncState: 'rejected',
      correction: null,
      at: '17:40',
    });
    expect(overrides[1]).toMatchObject({ override: { reason: 'forgot-card', note: null }, companion: { id: 'elena', name: 'Елена Иванова' }, syncState: 'sent' });

    const corrected = walkAll(kit.logs, { childId: 'yerasyl' }, 50).find((e) => e.id === kit.corrected);
    expect(corrected?.correction).toEqual({
      id: kit.correction.correctionId,
      reason: 'карта брата, ребёнок дома',
      staffName: 'Жанна Сейітова',
      occurredAt: at(t('01', '10:00')).iso,
    });
    expect(corrected).toMatchObject({ method: 'qr', companion: { id: 'nurlan', name: 'Нұрлан Нұрланов' }, syncState: 'sent' });
    // The same tap withdrawn again at another machine while the two were apart: one entry, the first withdrawal shown.
    kit.db
      .prepare("INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms) VALUES ('ffffffff-0000-7000-8000-000000000001', 'attendance', ?, 'duty', 'екінші', ?, ?)")
      .run(kit.corrected, at(t('01', '10:05')).iso, at(t('01', '10:05')).ms);
    const twice = walkAll(kit.logs, { childId: 'yerasyl' }, 50).filter((e) => e.id === kit.corrected);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.correction?.id).toBe(kit.correction.correctionId);
    const peer = walkAll(kit.logs, { syncState: 'other-kiosk' }, 10);
    expect(peer.map((e) => e.id)).toEqual([kit.peer]);
  });
});

describe('the refused attempts', () => {
  it('pages newest first, by day and method', () => {
    const kit = adminKit();
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
    for (const [i, d] of days.entries()) {
      kit.refused.record('rfid', '9999999', 'unknown-card', at(`${d}T08:00:00.000+05:00`));
      kit.refused.record('qr', 'ESK1.forged', 'qr-bad-signature', at(`${d}T08:0${i + 1}:00.000+05:00`));
    }
    const all: string[] = [];
    let cursor = null;
    do {
      const page = kit.admin.refusedPage({}, cursor, 4);
      all.push(...page.attempts.map((a) => `${a.occurredAt.slice(0, 10)} ${a.method}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toEqual(['2026-12-03 qr', '2026-12-03 rfid', '2026-12-02 qr', '2026-12-02 rfid', '2026-12-01 qr', '2026-12-01 rfid']);
    const qrOn2nd = kit.admin.refusedPage({ from: '2026-12-02', to: '2026-12-02', method: 'qr' }, null, 10);
    expect(qrOn2nd.attempts).toMatchObject([{ method: 'qr', presented: 'ESK1.forged', reason: 'qr-bad-signature', at: '08:02' }]);
    expect(qrOn2nd.nextCursor).toBeNull();
  });
});
