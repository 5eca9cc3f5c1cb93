// The kindergarten's day the peers' proofs play and the end state they demand (docs/peers.md §10 step 10): taps at
// both doors (one child brought at door 1 and taken home at door 2), an absence entered at the office, a PIN changed
// at door 1 by its owner; then every machine holds the same peer log, the same projection tables and the same табель,
// and the city holds every machine's city records once, under the machine that wrote them, with each chain head linked.
import { expect } from 'vitest';
import { differences, snapshot, waitUntilSame } from './converge.js';
import { cityHolds, oneChildCards, NURSE, signIn, tap, valueOf, type City, type Member, type Who } from './kindergarten.js';
import type { Machine } from './machine.js';

/** The nurse's PIN after she changes it at door 1. */
export const NEW_NURSE_PIN = '7394';

export interface Day {
  admin: Who;
  door1: Member;
  door2: Member;
  office: Member;
}

/** Taps at both doors, the absence at the office, the nurse's PIN at door 1: the writes of the proofs. */
export async function playTheDay(day: Day, o: { between?: () => Promise<void> } = {}): Promise<{ absentChild: string }> {
  const { door1, door2, office } = day;
  const cards = oneChildCards(door1.machine, 8).map((c) => c.card);
  for (const card of cards.slice(0, 4)) expect(await tap(door1.machine, card), `door 1 tap ${card}`).toMatch(/recorded|confirmed/);
  await o.between?.();
  for (const card of cards.slice(4, 8)) expect(await tap(door2.machine, card), `door 2 tap ${card}`).toMatch(/recorded|confirmed/);
  await o.between?.();

  // The nurse changes her own PIN at door 1, as the staff page asks it.
  const nurse = await signIn(door1.machine, NURSE);
  const changed = valueOf(door1.machine, 'staffChangeOwnPin', await door1.machine.call('staffChangeOwnPin', { sessionId: nurse, oldPin: NURSE.pin, newPin: NEW_NURSE_PIN }));
  expect(changed.outcome).toBe('changed');
  await door1.machine.call('staffSignOut', { sessionId: nurse, why: 'button' });
  await o.between?.();

  // An absence at the office, for a child nobody brought, on the day of the taps (the kindergarten's own date).
  const tapped = new Set(door1.machine.read<{ child_id: string }>('SELECT child_id FROM attendance_events').map((e) => e.child_id));
  const absentChild = door1.machine.read<{ id: string }>('SELECT id FROM children WHERE active = 1 ORDER BY id').find((c) => !tapped.has(c.id))?.id;
  const date = door1.machine.read<{ local_date: string }>('SELECT local_date FROM attendance_events LIMIT 1')[0]?.local_date;
  if (absentChild === undefined || date === undefined) throw new Error('no child to mark absent, or no tap recorded');
  const admin = await signIn(office.machine, day.admin);
  valueOf(office.machine, 'staffMarkAbsence', await office.machine.call('staffMarkAbsence', { sessionId: admin, childId: absentChild, firstDate: date, lastDate: date, reason: 'family' }));
  await office.machine.call('staffSignOut', { sessionId: admin, why: 'button' });
  return { absentChild };
}

/**
 * Door 1's first child taken home at door 2: door 2 offers the departure (and asks "leaving so soon?") only once it
 * holds door 1's arrival, so the tap is made after that has arrived.
 */
export async function departAtTheOtherDoor(day: Day, deadlineMs: number): Promise<void> {
  const { door1, door2 } = day;
  const first = door1.machine.read<{ id: string; child_id: string }>('SELECT id, child_id FROM attendance_events WHERE device_id = ? ORDER BY device_seq LIMIT 1', door1.deviceId)[0];
  if (first === undefined) throw new Error('door 1 recorded nothing');
  await waitUntilSame('door 2 holds door 1\'s first arrival', () => (door2.machine.read('SELECT 1 FROM attendance_events WHERE id = ?', first.id).length === 1 ? null : 'not yet'), deadlineMs);
  const card = oneChildCards(door1.machine, 1)[0]?.card ?? '';
  expect(await tap(door2.machine, card)).toMatch(/recorded|confirmed/);
  const kinds = door2.machine.read<{ kind: string }>('SELECT kind FROM attendance_events WHERE child_id = ? AND device_id = ?', first.child_id, door2.deviceId);
  expect(kinds.map((k) => k.kind)).toContain('departure');
}

/** Every group's табель of the taps' month at a machine, as the console's request gives it. */
async function tabelsOf(machine: Machine, admin: Who): Promise<unknown[]> {
  const month = machine.read<{ local_date: string }>('SELECT local_date FROM attendance_events ORDER BY local_date LIMIT 1')[0]?.local_date.slice(0, 7);
  if (month === undefined) return [];
  const sessionId = await signIn(machine, admin);
  const groups = machine.read<{ id: string }>('SELECT id FROM groups ORDER BY id');
  const sheets: unknown[] = [];
  for (const g of groups) sheets.push(valueOf(machine, 'adminTabel', await machine.call('adminTabel', { sessionId, groupId: g.id, month, language: 'kk' })));
  await machine.call('staffSignOut', { sessionId, why: 'button' });
  return sheets;
}

/** Waits (bounded) until the three machines hold the same records and projections, then compares their табели. */
export async function expectOneState(day: Day, deadlineMs: number): Promise<void> {
  const machines = [day.door1, day.door2, day.office].map((m) => m.machine);
  await waitUntilSame('the peer log and the projections', () => differences(machines.map((m) => ({ name: m.name, snap: snapshot(m) }))), deadlineMs, 500);
  // What they agree on is the day itself: every machine's records, both doors' taps, the office's absence.
  const first = day.door1.machine;
  expect(new Set(first.read<{ device_id: string }>('SELECT device_id FROM peer_log').map((r) => r.device_id))).toEqual(new Set([day.door1.deviceId, day.door2.deviceId, day.office.deviceId]));
  expect(first.read<{ device_id: string; n: number }>('SELECT device_id, count(*) AS n FROM attendance_events GROUP BY device_id ORDER BY device_id')).toEqual(
    [
      { device_id: day.door1.deviceId, n: 4 },
      { device_id: day.door2.deviceId, n: 5 },
    ].sort((a, b) => a.device_id.localeCompare(b.device_id)),
  );
  expect(first.read<{ n: number }>('SELECT count(*) AS n FROM absences')[0]?.n).toBe(1);
  const tabels = new Map<string, unknown[]>();
  for (const m of machines) tabels.set(m.name, await tabelsOf(m, day.admin));
  const diff = differences(machines.map((m) => ({ name: m.name, snap: snapshot(m, new Map([['табель', tabels.get(m.name) ?? []]])) })));
  expect(diff).toBeNull();
  expect((tabels.get(machines[0]?.name ?? '') ?? []).length).toBeGreaterThan(0);
  // The PIN changed at door 1 opens the nurse's session at every machine; the old one no longer does.
  for (const m of machines) {
    await signIn(m, { id: NURSE.id, pin: NEW_NURSE_PIN }).then((sessionId) => m.call('staffSignOut', { sessionId, why: 'button' }));
  }
}

/**
 * The city: every machine's own city records (its outbox) sent, each held once under the machine that wrote it, and
 * each machine's chain head linked (the city's head is the machine's newest event).
 */
export async function expectTheCityHoldsAll(day: Day, city: City, deadlineMs: number): Promise<void> {
  const members = [day.door1, day.door2, day.office];
  const check = async (): Promise<string | null> => {
    for (const m of members) await m.machine.call('nudgeSync', {});
    const holds = cityHolds(city);
    const byId = new Map(holds.records.map((r) => [r.id, r.device_id]));
    const problems: string[] = [];
    for (const m of members) {
      const own = m.machine.read<{ record_id: string; state: string }>('SELECT record_id, state FROM sync_outbox ORDER BY seq');
      const unsent = own.filter((r) => r.state !== 'sent');
      if (unsent.length > 0) problems.push(`${m.machine.name}: ${String(unsent.length)} of ${String(own.length)} outbox rows not sent (${unsent.map((r) => r.state).join(',').slice(0, 80)})`);
      const missing = own.filter((r) => byId.get(r.record_id) !== m.deviceId);
      if (missing.length > 0) problems.push(`${m.machine.name}: ${String(missing.length)} records not held by the city under its device`);
      const last = m.machine.read<{ device_seq: number; hash: string }>('SELECT device_seq, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1', m.deviceId)[0];
      const head = holds.heads.find((h) => h.id === m.deviceId);
      if (head === undefined) problems.push(`${m.machine.name}: not a device at the city`);
      else if (last !== undefined && (head.head_seq !== last.device_seq || head.head_hash !== last.hash)) {
        problems.push(`${m.machine.name}: the city's head is ${String(head.head_seq)}, the machine's ${String(last.device_seq)}`);
      }
    }
    // Nothing at the city that no machine wrote (a record id is the city's key: held once by construction).
    const written = new Set(members.flatMap((m) => m.machine.read<{ record_id: string }>('SELECT record_id FROM sync_outbox').map((r) => r.record_id)));
    const stray = holds.records.filter((r) => !written.has(r.id));
    if (stray.length > 0) problems.push(`the city holds ${String(stray.length)} records no machine's outbox has`);
    return problems.length === 0 ? null : problems.join('\n');
  };
  await waitUntilSame('the city', check, deadlineMs, 1000);
}
