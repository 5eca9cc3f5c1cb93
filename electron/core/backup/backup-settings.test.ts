// The backup settings through the kiosk core, on real files: every change an admin makes is in the admin audit, the
// second place keeps copies by its own (smaller) retention, and once a recovery passphrase is set only someone who
// knows it changes the second place.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { openDatabase } from '../db/open-database.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { SECOND_PLACE_FOLDER } from './second-place.js';

const PASSPHRASE = 'Бәйтерек-2026 көктем';
const OTHER = 'Алатау таулары 1961';

async function kiosk() {
  const dataDir = tempDataDir();
  const clock = manualClock('2026-12-03T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined });
  onTestFinished(() => core.close());
  const signIn = async (): Promise<string> => {
    const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
    if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
    return signedIn.value.session.sessionId;
  };
  return { core, dataDir, clock, signIn, sessionId: await signIn() };
}

/** The admin-audit rows about backups, oldest first, as a second connection reads them from the file. */
function backupAudit(dataDir: string): { action: string; staff_id: string; detail: Record<string, unknown> }[] {
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  try {
    return db
      .prepare<[], { action: string; staff_id: string; detail: string }>("SELECT action, staff_id, detail FROM admin_audit WHERE action LIKE 'backup-%' ORDER BY occurred_ms, rowid")
      .all()
      .map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

describe('the backup settings', () => {
  it('keep fewer copies at the second place by default, and each retention change is audited with what it was', async () => {
    const { core, dataDir, sessionId } = await kiosk();
    const listed = core.handlers.adminBackups({ sessionId });
    expect(listed).toMatchObject({ ok: true, value: { status: { retention: { hourly: 48, daily: 30, monthly: 12, yearly: 5 }, secondPlaceRetention: { hourly: 6, daily: 7, monthly: 12, yearly: 5 } } } });
    const local = { hourly: 24, daily: 30, monthly: 12, yearly: 5 };
    const stick = { hourly: 2, daily: 3, monthly: 12, yearly: 5 };
    expect(core.handlers.adminSetBackupRetention({ sessionId, retention: local, secondPlaceRetention: stick })).toMatchObject({ ok: true, value: { retention: local, secondPlaceRetention: stick } });
    // The same values again change nothing and write nothing.
    core.handlers.adminSetBackupRetention({ sessionId, retention: local, secondPlaceRetention: stick });
    expect(backupAudit(dataDir)).toEqual([
      { action: 'backup-retention-set', staff_id: 'staff-admin', detail: { place: 'local', from: { hourly: 48, daily: 30, monthly: 12, yearly: 5 }, to: local } },
      { action: 'backup-retention-set', staff_id: 'staff-admin', detail: { place: 'second-place', from: { hourly: 6, daily: 7, monthly: 12, yearly: 5 }, to: stick } },
    ]);
  });

  it('send every copy to the second place, which prunes by its own retention', async () => {
    const { core, clock, signIn } = await kiosk();
    let sessionId = await signIn();
    const folder = tempDataDir();
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    core.handlers.adminSetBackupRetention({ sessionId, retention: { hourly: 48, daily: 30, monthly: 12, yearly: 5 }, secondPlaceRetention: { hourly: 2, daily: 0, monthly: 0, yearly: 0 } });
    const files: string[] = [];
    for (let hour = 0; hour < 4; hour += 1) {
      const taken = await core.handlers.adminBackupNow({ sessionId });
      if (!taken.ok) throw new Error(JSON.stringify(taken));
      files.push(taken.value.file);
      clock.advance(3_600_000);
      // An hour later the admin signs in again (a session ends after a while).
      sessionId = await signIn();
    }
    const listed = core.handlers.adminBackups({ sessionId });
    expect(listed.ok && listed.value.copies.map((c) => c.file)).toEqual([...files].reverse());
    const deviceId = listed.ok ? (listed.value.copies[0]?.deviceId ?? '') : '';
    expect(readdirSync(join(folder, SECOND_PLACE_FOLDER, deviceId)).sort()).toEqual([files[2], files[3]].map((f) => `${f}.esikbak`));
  });

  it('change the second place only for someone who knows the passphrase set, and audit each change', async () => {
    const { core, dataDir, sessionId } = await kiosk();
    const first = tempDataDir();
    const second = tempDataDir();
    const set = await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: first, passphrase: PASSPHRASE });
    const keySetAt = set.ok ? set.value.secondPlace?.keySetAt : null;
    // Another passphrase, with no current one or a wrong one: refused, nothing changed.
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: second, passphrase: OTHER })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSPHRASE_NOT_CURRENT' } });
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: second, passphrase: OTHER, currentPassphrase: OTHER })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_PASSPHRASE_NOT_CURRENT' },
    });
    expect(core.handlers.adminBackups({ sessionId })).toMatchObject({ ok: true, value: { status: { secondPlace: { folder: first, keySetAt } } } });
    // The same passphrase and another folder: the key is kept.
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: second, passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { secondPlace: { folder: second, keySetAt } } });
    // A new passphrase with the current one.
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: second, passphrase: OTHER, currentPassphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(core.handlers.adminClearBackupSecondPlace({ sessionId })).toMatchObject({ ok: true, value: { secondPlace: null } });
    // Cleared, a new passphrase needs no old one.
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: first, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(backupAudit(dataDir).map((row) => [row.action, row.detail])).toEqual([
      ['backup-second-place-set', { folder: first, from: null, passphrase: 'set' }],
      ['backup-second-place-set', { folder: second, from: first, passphrase: 'kept' }],
      ['backup-second-place-set', { folder: second, from: second, passphrase: 'changed' }],
      ['backup-second-place-cleared', { folder: second }],
      ['backup-second-place-set', { folder: first, from: null, passphrase: 'set' }],
    ]);
  }, 30_000);
});
