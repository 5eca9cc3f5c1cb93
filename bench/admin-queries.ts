// The admin console on a million events (bench/admin-fixture.ts): a filtered page of the log (goal ≤ 10 ms at p95)
// and the month's табель of all 12 groups × 30 children (goal ≤ 100 ms), through the same AdminDesk the kiosk runs.
import type { LogCursor, LogFilter } from '../shared/admin/admin-contract.js';
import { AdminDesk } from '../electron/core/admin/admin-desk.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { AttendanceLog } from '../electron/core/ledger/attendance-log.js';
import { SettingsStore } from '../electron/core/ledger/settings-store.js';
import { StaffDesk } from '../electron/core/staff/staff-desk.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { adminFixture, FIXTURE } from './admin-fixture.js';
import { percentile, report } from './stats.js';
import { monthCountsOf } from '../electron/core/admin/tabel-service.js';

const PAGE = 50;
const STARTS_PER_FILTER = 12;
const PAGES_PER_START = 3;
const TABEL_RUNS = 7;

export function benchAdminQueries(log: (line: string) => void = console.log): void {
  const fixture = adminFixture(log);
  const db = openDatabase(fixture.path);
  try {
    const clock = { now: () => new Date(`${fixture.lastDay}T12:00:00+05:00`), offsetMinutes: 300 };
    const staff = new StaffDesk({ db, log: new AttendanceLog(db, FIXTURE.deviceId), clock, dataDir: '/nonexistent', secrets: new FileSecretStore('/nonexistent', { cipher: null }), cardFormat: () => 'auto', monthCounts: monthCountsOf(db, () => 300) });
    const admin = new AdminDesk({ db, staff, settings: SettingsStore.of(db), deviceId: FIXTURE.deviceId, dataDir: '/nonexistent', kindergartenName: () => 'Айгөлек', kindergartenId: () => 'kg-bench', qrSigner: () => null, zone: () => 300, onDoorSettings: () => undefined });
    const span = db.prepare<[], { lo: number; hi: number }>('SELECT min(occurred_ms) AS lo, max(occurred_ms) AS hi FROM attendance_events').get();
    if (!span) throw new Error('the fixture has no events');
    const month = fixture.fullMonth;
    const filters: Record<string, LogFilter> = {
      all: {},
      group: { groupId: 'bg05' },
      child: { childId: 'bc0123' },
      companion: { companionId: 'bp0123m' },
      override: { method: 'override' },
      staff: { staffId: 'bench-s2' },
      month: { from: `${month}-01`, to: `${month}-28` },
      'group+qr+month': { groupId: 'bg07', method: 'qr', from: `${month}-01`, to: `${month}-28` },
      'search алихан': { search: 'алихан' },
      'search гулмира': { search: 'гулмира' },
      pending: { syncState: 'pending' },
      rejected: { syncState: 'rejected' },
    };
    // Deterministic starting points spread over the six years: the first page, and pages from deep in the past.
    const starts: (LogCursor | null)[] = [null];
    for (let i = 1; i < STARTS_PER_FILTER; i++) starts.push({ ms: Math.round(span.lo + ((span.hi - span.lo) * i) / STARTS_PER_FILTER), id: '\u{10FFFF}' });
    const all: number[] = [];
    for (const [name, filter] of Object.entries(filters)) {
      const times: number[] = [];
      let rows = 0;
      for (const start of starts) {
        let cursor = start;
        for (let p = 0; p < PAGES_PER_START; p++) {
          const began = performance.now();
          const page = admin.logPage(filter, cursor, PAGE);
          times.push(performance.now() - began);
          rows += page.entries.length;
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
      }
      all.push(...times);
      log(`[bench] log ${name}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (${times.length} pages, ${rows} rows)`);
    }
    report('log_page_p95_ms', percentile(all, 95), 'ms');

    const groups = staff.groups();
    const tabel = (): number => {
      const began = performance.now();
      let children = 0;
      for (const g of groups) children += admin.tabel(g.id, month, fixture.lastDay, 'ru')?.rows.length ?? 0;
      if (children !== FIXTURE.groups * FIXTURE.childrenPerGroup) throw new Error(`the табель had ${children} children`);
      return performance.now() - began;
    };
    // The first call also loads the Kazakh holiday rules (once per process): timed apart.
    log(`[bench] tabel ${month}, first call (loads the holiday calendar): ${tabel().toFixed(1)} ms`);
    const runs = Array.from({ length: TABEL_RUNS }, tabel);
    report('tabel_month_ms', percentile(runs, 50), 'ms');
  } finally {
    db.close();
  }
}
