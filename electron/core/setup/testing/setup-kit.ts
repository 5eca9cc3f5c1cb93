// A kiosk core on a fresh data folder for the first-run setup's tests (unit and with a city on loopback): started,
// closed when the test ends, its status read as ready, the admin audit read from its file, the first admin created.
import BetterSqlite3 from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { Result } from '../../../../shared/api/result.js';
import { KioskCore } from '../../kiosk-core.js';
import { manualClock } from '../../testing/fixtures.js';

/** A Monday morning before the cut-off, Almaty time. */
export const SETUP_MORNING = '2026-11-23T03:12:00.000Z';

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

export function startCore(dataDir: string, demo: boolean): KioskCore {
  const core = new KioskCore({ dataDir, demo, clock: manualClock(SETUP_MORNING), log: () => undefined, cityPullIntervalMs: 0 });
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  return core;
}

export function readyOf(core: KioskCore) {
  const status = value(core.handlers.getStatus({}));
  if (status.state !== 'ready') throw new Error(`not ready: ${status.state}`);
  return status;
}

export function auditRows(path: string): { action: string; staff_id: string; detail: string }[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare<[], { action: string; staff_id: string; detail: string }>('SELECT action, staff_id, detail FROM admin_audit ORDER BY occurred_ms, rowid').all();
  } finally {
    db.close();
  }
}

/** Creates the first admin (a PIN the rules accept) and returns the session the setup opens for them. */
export async function firstAdmin(core: KioskCore): Promise<string> {
  const created = value(await core.handlers.setupCreateAdmin({ firstName: 'Гүлмира', lastName: 'Ахметова', pin: '864213' }));
  if (created.outcome !== 'created') throw new Error('not created');
  return created.session.sessionId;
}
