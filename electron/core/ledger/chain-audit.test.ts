// The full check in its worker thread, on real files: a whole file and chain, a broken chain, a damaged page.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { DB_FILE, pagesOf, smashPage } from '../testing/damaged-files.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { runAudit } from './chain-audit-runner.js';
import { DEV_AUDIT_WORKER_SCRIPT } from './dev-audit-worker-script.js';

function kioskWithEvents(taps: number): { path: string; deviceId: string } {
  const dir = tempDataDir();
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir: dir, demo: true, clock, log: () => undefined });
  for (let i = 0; i < taps; i++) {
    core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    clock.advance(31 * 60_000);
  }
  const status = core.handlers.getStatus({});
  core.close();
  if (!status.ok || status.value.state !== 'ready') throw new Error('the kiosk did not open');
  return { path: join(dir, DB_FILE), deviceId: status.value.deviceId };
}

describe('the full database check in its worker thread', () => {
  it('proves a whole file and chain up to its newest event', async () => {
    const { path, deviceId } = kioskWithEvents(12);
    const outcome = await runAudit({ databasePath: path, deviceId, nativeBinding: null }, DEV_AUDIT_WORKER_SCRIPT).outcome;
    expect(outcome).toMatchObject({ kind: 'checked', chain: { intact: true, events: 12 }, through: { seq: 12 } });
  });

  it('finds an edited event, and proves nothing past it', async () => {
    const { path, deviceId } = kioskWithEvents(12);
    const db = new BetterSqlite3(path);
    db.exec("DROP TRIGGER attendance_events_no_update; UPDATE attendance_events SET method = 'override' WHERE device_seq = 7");
    db.close();
    const outcome = await runAudit({ databasePath: path, deviceId, nativeBinding: null }, DEV_AUDIT_WORKER_SCRIPT).outcome;
    expect(outcome).toEqual({ kind: 'checked', chain: { intact: false, events: 6, brokenAtSeq: 7 }, through: null });
  });

  it('reports a smashed page as damage', async () => {
    const { path, deviceId } = kioskWithEvents(120);
    smashPage(path, pagesOf(path, 'attendance_events', 'leaf')[0] ?? 0);
    const outcome = await runAudit({ databasePath: path, deviceId, nativeBinding: null }, DEV_AUDIT_WORKER_SCRIPT).outcome;
    expect(outcome.kind).toBe('damaged');
  });

  it('answers "failed", never throws, when the file is not there', async () => {
    const outcome = await runAudit({ databasePath: join(tempDataDir(), DB_FILE), deviceId: 'x', nativeBinding: null }, DEV_AUDIT_WORKER_SCRIPT).outcome;
    expect(outcome.kind).toBe('failed');
  });
});
