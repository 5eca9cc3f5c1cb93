// What staff wait for at the door, on the demo kindergarten (300 children) with the kiosk's pragmas: a PIN check
// (scrypt, on purpose slow), a name search over all groups, an override (chained event + reason + audit, one
// fsync), and today's presence of every child (the headcount and closing lists read it).
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { AttendanceLog, ensureDeviceId } from '../electron/core/ledger/attendance-log.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { StaffDesk } from '../electron/core/staff/staff-desk.js';
import { ChildDirectory } from '../electron/core/staff/child-directory.js';
import { HeadcountService } from '../electron/core/staff/headcount-service.js';
import { PresenceStore } from '../electron/core/staff/presence-store.js';
import { StaffAudit } from '../electron/core/ledger/staff-audit.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { systemClock } from '../electron/core/time/clock.js';
import { percentile, report } from './stats.js';
import { monthCountsOf } from '../electron/core/admin/tabel-service.js';

async function timedAsync(samples: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

function timed(samples: number, run: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchStaffOps(dir: string): Promise<void> {
  const db = openDatabase(join(dir, 'staff.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const log = new AttendanceLog(db, ensureDeviceId(db, new Date()));
  const desk = new StaffDesk({ db, log, clock: systemClock, dataDir: dir, secrets: new FileSecretStore(dir, { cipher: null }), cardFormat: () => 'auto', monthCounts: monthCountsOf(db, () => undefined) });
  desk.ensureDemoSignIn();
  const member = desk.signInOptions().staff.find((m) => m.id === 'staff-duty');
  if (!member) throw new Error('the demo roster has no duty staff');

  report('staff_pin_check_p50_ms', percentile(await timedAsync(20, () => desk.signIn({ kind: 'staff', staffId: 'staff-duty' }, '1234')), 50), 'ms');
  const queries = ['алихан', 'інжу', 'айсулу', 'ким', 'ерасыл нурланов'];
  // The search and the day's presence are timed on their own services (the desk adds the screen's views around them).
  const directory = new ChildDirectory(db);
  report('staff_search_p95_ms', percentile(timed(200, (i) => directory.search(queries[i % queries.length]!)), 95), 'ms');
  const children = directory.all();
  const overrides = timed(200, (i) => {
    const child = children[i % children.length]!;
    desk.override(member, { childId: child.id, kind: i < children.length ? 'arrival' : 'departure', reason: 'forgot-card' }, desk.now());
  });
  report('staff_override_p95_ms', percentile(overrides, 95), 'ms');
  const today = desk.now().localDate;
  const headcounts = new HeadcountService({ db, directory, presence: new PresenceStore(db), audit: new StaffAudit(db), deviceId: log.deviceId, calendar: monthCountsOf(db, () => undefined) });
  report('staff_day_presence_p95_ms', percentile(timed(50, () => headcounts.live(today)), 95), 'ms');
  db.close();
}
