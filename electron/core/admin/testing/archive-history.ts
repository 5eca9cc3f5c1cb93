// Seven years of a kindergarten's records for the archive tests, on the admin kit's real file: every year from 2020 to
// 2026 a stretch of school days with each child's arrival and departure, an override with its reason, a closing
// resolution and an absence, plus another kiosk's events; all of it acknowledged by the city unless a test says not.
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import type { adminKit } from './admin-kit.js';
import { kitRoster } from './admin-kit.js';

type Kit = ReturnType<typeof adminKit>;

export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2026;
/** School days written a year, from the first Monday of February. */
export const DAYS_A_YEAR = 20;
export const PEER_DEVICE = 'peer-kiosk';

const CHILDREN = kitRoster.children.map((c) => c.id);

function schoolDays(year: number): string[] {
  const days: string[] = [];
  const day = new Date(Date.UTC(year, 1, 1));
  while (days.length < DAYS_A_YEAR) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

const almaty = (date: string, time: string) => toLocalTime(new Date(`${date}T${time}:00.000+05:00`), 300);

export function writeHistory(kit: Kit): void {
  const { db, log } = kit;
  const overrideReason = db.prepare("INSERT INTO override_reasons (event_id, reason, note, companion_id, companion_name) VALUES (?, 'forgot-card', NULL, 'bibigul', NULL)");
  const absence = db.prepare(
    "INSERT INTO absences (id, child_id, first_date, last_date, reason, staff_id, recorded_at, recorded_ms) VALUES (?, 'inzhu', ?, ?, 'sick', 'head', ?, 0)",
  );
  const closing = db.prepare(
    "INSERT INTO closing_resolutions (id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms) VALUES (?, ?, 'alisa', 'left', ?, NULL, 'head', ?, 0)",
  );
  const peer = db.prepare(
    `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash)
     VALUES (?, '${PEER_DEVICE}', ?, 'alisa', 'arrival', 'rfid', NULL, NULL, NULL, ?, 0, ?, ?, ?)`,
  );
  let peerSeq = 0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const days = schoolDays(year);
    for (const [i, day] of days.entries()) {
      const drafts = (kind: 'arrival' | 'departure') =>
        CHILDREN.filter((child) => !(child === 'inzhu' && i < 3)).map((childId) => ({ childId, kind, method: 'rfid' as const, companionId: null, credentialId: null, staffId: null }));
      log.append(drafts('arrival'), almaty(day, '08:10'));
      log.append(drafts('departure'), almaty(day, '18:05'));
    }
    const [override] = log.append([{ childId: 'alikhan', kind: 'arrival', method: 'override', companionId: 'bibigul', credentialId: null, staffId: 'head' }], almaty(days[5] ?? '', '08:40'));
    if (override) overrideReason.run(override.id);
    const [left] = log.append([{ childId: 'alisa', kind: 'departure', method: 'override', companionId: null, credentialId: null, staffId: 'head' }], almaty(days[6] ?? '', '19:30'));
    if (left) closing.run(`closing-${year}`, days[6], left.id, `${days[6]}T19:30:00+05:00`);
    absence.run(`absence-${year}`, days[0], days[2], `${days[0]}T09:00:00+05:00`);
    peerSeq += 1;
    peer.run(`peer-${year}`, peerSeq, `${days[1]}T08:00:00+05:00`, days[1], 'a'.repeat(64), 'b'.repeat(64));
  }
  acknowledgeAll(kit);
}

/** The city acknowledged everything queued so far. */
export function acknowledgeAll(kit: Kit): void {
  kit.db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE state = 'pending'").run();
}

/** This device's events of a year in the live file. */
export function ownEventsIn(kit: Kit, year: number): number {
  return kit.db.prepare<[string, string, string], number>('SELECT count(*) FROM attendance_events WHERE device_id = ? AND local_date BETWEEN ? AND ?').pluck().get(kit.deviceId, `${year}-01-01`, `${year}-12-31`) ?? 0;
}
