// The admin console's backup requests through the kiosk core, on real files: copies taken and listed, the second place
// set, written encrypted, and told as missing or full (a real 1 MiB tmpfs) while the local copies go on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { BackupRequestName } from '../../../shared/admin/backup-contract.js';
import { KioskCore } from '../kiosk-core.js';
import { SECRETS_FOLDER } from '../files/secret-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { decryptFile } from './backup-crypto.js';
import { backupsDir } from './backup-manifest.js';
import { SECOND_PLACE_FOLDER } from './second-place.js';

const PASSPHRASE = 'Бәйтерек-2026 көктем';
const quiet = { log: () => undefined };

async function session(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in`);
  return signedIn.value.session.sessionId;
}

/** The demo admin (README: Жанна, 2468). */
const adminSession = (core: KioskCore): Promise<string> => session(core, 'staff-admin', '2468');

function kiosk(): { core: KioskCore; dataDir: string } {
  const dataDir = tempDataDir();
  const core = new KioskCore({ dataDir, demo: true, ...quiet });
  onTestFinished(() => core.close());
  return { core, dataDir };
}

describe('the backups in the admin console', () => {
  it('takes a verified copy on request and lists it with the status', async () => {
    const { core } = kiosk();
    const sessionId = await adminSession(core);
    const taken = await core.handlers.adminBackupNow({ sessionId });
    expect(taken).toMatchObject({ ok: true, value: { kind: 'manual', verified: true } });
    const listed = core.handlers.adminBackups({ sessionId });
    expect(listed).toMatchObject({ ok: true, value: { failed: [], status: { running: false, lastFailure: null, secondPlace: null, retention: { hourly: 48, daily: 30, monthly: 12, yearly: 5 } } } });
    if (!listed.ok || !taken.ok) return;
    expect(listed.value.copies).toEqual([taken.value]);
    expect(listed.value.status.lastGood).toEqual(taken.value);
    const changed = core.handlers.adminSetBackupRetention({ sessionId, retention: { hourly: 2, daily: 7, monthly: 1, yearly: 1 } });
    expect(changed).toMatchObject({ ok: true, value: { retention: { hourly: 2, daily: 7 } } });
  });

  it('are for admins only', async () => {
    const { core } = kiosk();
    // The demo's duty teacher: staff, not an admin.
    const sessionId = await session(core, 'staff-duty', '1234');
    const requests: { [K in BackupRequestName]: unknown } = {
      adminBackups: { sessionId },
      adminBackupNow: { sessionId },
      adminSetBackupRetention: { sessionId, retention: { hourly: 1, daily: 1, monthly: 1, yearly: 1 } },
      adminSetBackupSecondPlace: { sessionId, folder: '/tmp', passphrase: PASSPHRASE },
      adminClearBackupSecondPlace: { sessionId },
    };
    for (const [name, args] of Object.entries(requests)) {
      const handler = core.handlers[name as BackupRequestName] as (a: unknown) => unknown;
      expect(await handler(args), name).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    }
  });

  it('writes each copy encrypted to the second place, readable with the passphrase only', async () => {
    const { core, dataDir } = kiosk();
    const sessionId = await adminSession(core);
    const stick = tempDataDir();
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: stick, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSPHRASE_TOO_SHORT' } });
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: join(stick, 'not-plugged-in'), passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FOLDER_UNREACHABLE' },
    });
    const set = await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: stick, passphrase: PASSPHRASE });
    expect(set).toMatchObject({ ok: true, value: { secondPlace: { folder: stick, last: null } } });
    // The passphrase is nowhere in the kiosk's data folder.
    for (const name of readdirSync(join(dataDir, SECRETS_FOLDER))) {
      const text = readFileSync(join(dataDir, SECRETS_FOLDER, name), 'utf8');
      expect(text).not.toContain(PASSPHRASE);
      expect(Buffer.from(text.split('\n')[1] ?? '', 'base64').toString('utf8')).not.toContain(PASSPHRASE);
    }
    const taken = await core.handlers.adminBackupNow({ sessionId });
    if (!taken.ok) throw new Error(JSON.stringify(taken));
    const deviceId = taken.value.deviceId ?? '';
    const sealed = join(stick, SECOND_PLACE_FOLDER, deviceId, `${taken.value.file}.esikbak`);
    await decryptFile(sealed, join(stick, 'restored.sqlite'), PASSPHRASE);
    expect(readFileSync(join(stick, 'restored.sqlite')).equals(readFileSync(join(backupsDir(dataDir), taken.value.file)))).toBe(true);
    expect(core.handlers.adminBackups({ sessionId })).toMatchObject({ ok: true, value: { status: { secondPlace: { last: { state: 'written', file: `${taken.value.file}.esikbak` } } } } });
  });

  it('reports the stick pulled out, and the local copies go on', async () => {
    const { core } = kiosk();
    const sessionId = await adminSession(core);
    const stick = join(tempDataDir(), 'stick');
    mkdirSync(stick);
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: stick, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    rmSync(stick, { recursive: true });
    const taken = await core.handlers.adminBackupNow({ sessionId });
    expect(taken).toMatchObject({ ok: true, value: { verified: true } });
    expect(core.handlers.adminBackups({ sessionId })).toMatchObject({ ok: true, value: { status: { lastFailure: null, secondPlace: { last: { state: 'missing' } } } } });
  });

  it('reports a full stick (a real 1 MiB tmpfs), leaves no partial file there, and the local copies go on', async (context) => {
    const stick = join(tempDataDir(), 'stick');
    mkdirSync(stick);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', stick], { stdio: 'pipe' });
    } catch (error) {
      context.skip(`a tmpfs cannot be mounted here (needs root): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    onTestFinished(() => {
      execFileSync('umount', [stick]);
    });
    const { core } = kiosk();
    const sessionId = await adminSession(core);
    expect(await core.handlers.adminSetBackupSecondPlace({ sessionId, folder: stick, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    // Most of the stick taken by other files: the copy cannot fit.
    writeFileSync(join(stick, 'photos.bin'), Buffer.alloc(1024 * 1024 - 64 * 1024));
    const taken = await core.handlers.adminBackupNow({ sessionId });
    expect(taken).toMatchObject({ ok: true, value: { verified: true } });
    expect(core.handlers.adminBackups({ sessionId })).toMatchObject({ ok: true, value: { status: { lastFailure: null, secondPlace: { last: { state: 'full' } } } } });
    const left = readdirSync(stick, { recursive: true }).map(String);
    expect(left.filter((name) => name.endsWith('.partial') || name.endsWith('.esikbak'))).toEqual([]);
  });
});
