// The diagnostics report and the support bundle through KioskApi, on a real kiosk with a real log folder.
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DiagnosticsSchema } from '../../../shared/admin/diagnostics-contract.js';
import { dispatch } from '../api/dispatch.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { openKioskLog } from '../logging/kiosk-log.js';
import { tempDataDir } from '../testing/fixtures.js';

async function adminKiosk() {
  const dataDir = tempDataDir();
  const log = openKioskLog({ dataDir, proc: 'web', echo: false });
  // One check-in recorded before this start, so the full check after it has a chain to prove.
  const first = new KioskCore({ dataDir, demo: true, log: log.line });
  first.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
  first.close();
  const core = new KioskCore({ dataDir, demo: true, log: log.line, shell: { kind: 'web', version: '9.8.7' } });
  await core.whenFullyChecked();
  const call = (name: string, args: unknown) => dispatch(core.handlers, name, args, log.line);
  const signedIn = (await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' })) as { ok: true; value: { session: { sessionId: string } } };
  return { dataDir, core, log, call, sessionId: signedIn.value.session.sessionId };
}

describe('diagnostics', () => {
  it('reports version, device, folder, disk, counts, chain and its last full check, backups not yet made, sync, clock and memory', async () => {
    const { core, call, sessionId, log } = await adminKiosk();
    const result = await call('adminDiagnostics', { sessionId });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const report = DiagnosticsSchema.parse(result.value);
    expect(report.app).toMatchObject({ version: '9.8.7', shell: 'web' });
    expect(report.deviceId).toMatch(/\S/);
    expect(report.counts).toMatchObject({ events: 1, children: expect.any(Number) as unknown });
    expect(report.counts?.children).toBeGreaterThan(0);
    expect(report.disk.databaseBytes).toBeGreaterThan(0);
    expect(report.disk.logFiles).toBe(1);
    expect(report.chain).toMatchObject({ intact: true, events: 1, fullCheck: 'done', verifiedThroughSeq: 1 });
    expect(report.chain?.lastFullCheckMs).toEqual(expect.any(Number));
    expect(report.backups).toMatchObject({ available: true, secondPlace: 'not-set', problem: null });
    expect(report.sync).toMatchObject({ state: 'never-enrolled' });
    expect(report.memory.rssBytes).toBeGreaterThan(0);
    core.close();
    log.close();
  });

  it('refuses a staff member who is not an admin', async () => {
    const { core, call, log } = await adminKiosk();
    const nurse = (await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-nurse' }, pin: '1357' })) as { ok: true; value: { session: { sessionId: string } } };
    expect(await call('adminDiagnostics', { sessionId: nurse.value.session.sessionId })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    core.close();
    log.close();
  });

  it('zips the log files and the report into the exports folder, with no name, PIN or card number in it', async () => {
    const { core, call, sessionId, log } = await adminKiosk();
    const result = await call('adminSupportBundle', { sessionId, screen: { cameras: 1, userAgent: 'test' } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const bundle = result.value as { fileName: string; path: string; logFiles: number };
    expect(bundle.fileName).toMatch(/^esik-support-\d{8}-\d{6}-[0-9a-f]{4}\.zip$/);
    expect(bundle.logFiles).toBe(1);
    const entries = unzipSync(new Uint8Array(readFileSync(bundle.path)));
    const names = Object.keys(entries);
    expect(names).toContain('diagnostics.json');
    expect(names.filter((name) => name.startsWith('logs/esik-'))).toHaveLength(1);
    const report = JSON.parse(strFromU8(entries['diagnostics.json'] ?? new Uint8Array())) as Record<string, unknown>;
    expect(report).toMatchObject({ screen: { cameras: 1 }, counts: { events: 1 }, logsLeftOut: [] });
    const text = names.map((name) => strFromU8(entries[name] ?? new Uint8Array())).join('\n');
    expect(text).toContain('"component":"core"');
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    const people = db
      .prepare<[], { first_name: string; last_name: string }>('SELECT first_name, last_name FROM children UNION ALL SELECT first_name, last_name FROM companions UNION ALL SELECT first_name, last_name FROM staff')
      .all()
      .flatMap((row) => [row.first_name, row.last_name]);
    db.close();
    for (const name of people) expect(text).not.toContain(name);
    expect(text).not.toMatch(/(?<!\d)2468(?!\d)/);
    for (const card of Object.values(demoCards)) expect(text).not.toContain(card);
    core.close();
    log.close();
  });
});
