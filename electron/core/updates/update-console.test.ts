// The admin console's update requests through the kiosk core, with a real feed on loopback, real files and a fake
// clock: what is checked, downloaded and refused, when an install runs, and what is audited.
import BetterSqlite3 from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { UpdateRequestName } from '../../../shared/admin/update-contract.js';
import { dispatch } from '../api/dispatch.js';
import { rawPublicKey } from '../credentials/ed25519.js';
import { KioskCore } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';
import type { Clock } from '../time/clock.js';
import { fetchingInstaller, type FetchingInstaller } from './testing/fetching-installer.js';
import { writeRelease, type Release } from './testing/release-kit.js';
import { serveFolder } from './update-folder-server.js';

const vendor = generateKeyPairSync('ed25519');
const VENDOR_KEY = Buffer.from(rawPublicKey(vendor.privateKey)).toString('base64url');
const quiet = { log: () => undefined };

/** Local Almaty time on 2026-12-03 as a clock the test moves. */
function almatyClock(hhmm: string): Clock & { set(hhmm: string, dayOffset?: number): void } {
  let ms = 0;
  const clock = {
    now: () => new Date(ms),
    offsetMinutes: 300,
    set(to: string, dayOffset = 0) {
      ms = Date.parse(`2026-12-03T${to}:00+05:00`) + dayOffset * 86_400_000;
    },
  };
  clock.set(hhmm);
  return clock;
}

interface Setup {
  core: KioskCore;
  dataDir: string;
  clock: ReturnType<typeof almatyClock>;
  installer: FetchingInstaller | null;
  release: Release;
  feedUrl: string;
  admin: string;
}

async function setup(options: { installer?: boolean; hhmm?: string } = {}): Promise<Setup> {
  const dataDir = tempDataDir();
  const clock = almatyClock(options.hhmm ?? '12:00');
  const release = writeRelease(join(dataDir, '..', `feed-${Date.now()}-${Math.random()}`), { version: '0.2.0', key: vendor.privateKey });
  const feed = await serveFolder(release.folder);
  onTestFinished(() => feed.close());
  const installer = options.installer === false ? null : fetchingInstaller(join(dataDir, 'updater-cache'));
  const core = new KioskCore({
    dataDir,
    demo: true,
    clock,
    shell: { kind: 'test', version: '0.1.0' },
    updates: { installer, extraTrustedKeys: [VENDOR_KEY], channelFile: 'latest-linux.yml', tickMs: 3_600_000 },
    ...quiet,
  });
  onTestFinished(() => {
    core.close();
    rmSync(release.folder, { recursive: true, force: true });
  });
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
  return { core, dataDir, clock, installer, release, feedUrl: feed.url, admin: signedIn.value.session.sessionId };
}

/** The update rows of the admin audit, read over a second connection as committed. */
function audited(dataDir: string): { action: string; staff_id: string; detail: Record<string, unknown> }[] {
  const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
  try {
    const rows = db.prepare<[], { action: string; staff_id: string; detail: string }>("SELECT action, staff_id, detail FROM admin_audit WHERE action LIKE 'update-%' ORDER BY occurred_ms, rowid").all();
    return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

function lastCheckAt(dataDir: string): number | undefined {
  const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
  try {
    const value = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'updateLastCheck'").pluck().get();
    return value === undefined ? undefined : (JSON.parse(value) as { atMs: number }).atMs;
  } finally {
    db.close();
  }
}

describe('updates in the admin console', () => {
  it('are for admins only', async () => {
    const { core } = await setup();
    const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-duty' }, pin: '1234' });
    if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the duty teacher could not sign in');
    const sessionId = signedIn.value.session.sessionId;
    const requests: { [K in UpdateRequestName]: unknown } = {
      adminUpdates: { sessionId },
      adminSetUpdateFeed: { sessionId, feedUrl: 'https://example.kz/esik/' },
      adminSetUpdateQuietHours: { sessionId, quietHours: { from: '22:00', to: '05:00' } },
      adminCheckUpdatesNow: { sessionId },
      adminUpdateFromFolder: { sessionId, folder: '/media/stick' },
      adminInstallUpdateNow: { sessionId },
    };
    for (const [name, args] of Object.entries(requests)) {
      expect(await dispatch(core.handlers, name, args), name).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    }
  });

  it('keeps the feed and the quiet hours as settings, audited with who changed them; refuses malformed ones', async () => {
    const { core, dataDir, admin, feedUrl } = await setup();
    expect(core.handlers.adminUpdates({ sessionId: admin })).toMatchObject({
      ok: true,
      value: { currentVersion: '0.1.0', canInstall: true, feedUrl: null, quietHours: { from: '21:00', to: '06:00' }, doorHours: { from: '06:00', to: '20:00' }, lastCheck: null, pending: null },
    });
    expect(await dispatch(core.handlers, 'adminSetUpdateFeed', { sessionId: admin, feedUrl })).toMatchObject({ ok: true, value: { feedUrl } });
    expect(await dispatch(core.handlers, 'adminSetUpdateQuietHours', { sessionId: admin, quietHours: { from: '22:30', to: '04:00' } })).toMatchObject({ ok: true, value: { quietHours: { from: '22:30', to: '04:00' } } });
    for (const bad of ['ftp://example.kz/', 'https://user:secret@example.kz/', 'not an address', 'https://example.kz/?x=1']) {
      expect(await dispatch(core.handlers, 'adminSetUpdateFeed', { sessionId: admin, feedUrl: bad }), bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(await dispatch(core.handlers, 'adminSetUpdateQuietHours', { sessionId: admin, quietHours: { from: '22:00', to: '22:00' } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(audited(dataDir)).toEqual([
      { action: 'update-feed-set', staff_id: 'staff-admin', detail: { from: null, to: feedUrl } },
      { action: 'update-quiet-hours-set', staff_id: 'staff-admin', detail: { from: { from: '21:00', to: '06:00' }, to: { from: '22:30', to: '04:00' } } },
    ]);
  });

  it('checks the feed now, downloads the newer version in the background and checks what was downloaded', async () => {
    const { core, admin, feedUrl, installer } = await setup();
    expect(await core.handlers.adminCheckUpdatesNow({ sessionId: admin })).toMatchObject({ ok: false, error: { code: 'UPDATE_FEED_NOT_SET' } });
    core.handlers.adminSetUpdateFeed({ sessionId: admin, feedUrl });
    const checked = await core.handlers.adminCheckUpdatesNow({ sessionId: admin });
    expect(checked).toMatchObject({ ok: true, value: { lastCheck: { source: 'feed', outcome: 'available', version: '0.2.0', code: null }, pending: { version: '0.2.0', source: 'feed', state: 'ready' } } });
    expect(installer?.downloads).toEqual([{ feedUrl, version: '0.2.0' }]);
    expect(installer?.installs).toBe(0);
  });

  it('refuses a tampered feed and an installer cut short, and installs nothing', async () => {
    const { core, admin, feedUrl, installer, release } = await setup();
    core.handlers.adminSetUpdateFeed({ sessionId: admin, feedUrl });
    const channel = join(release.folder, release.channelFile);
    const good = readFileSync(channel, 'utf8');
    writeFileSync(channel, good.replace('size: ', 'size: 1'));
    expect(await core.handlers.adminCheckUpdatesNow({ sessionId: admin })).toMatchObject({ ok: true, value: { lastCheck: { outcome: 'refused', code: 'UPDATE_SIGNATURE_INVALID' }, pending: null } });
    rmSync(`${channel}.sig`);
    writeFileSync(channel, good);
    expect(await core.handlers.adminCheckUpdatesNow({ sessionId: admin })).toMatchObject({ ok: true, value: { lastCheck: { outcome: 'refused', code: 'UPDATE_UNSIGNED' }, pending: null } });
    writeRelease(release.folder, { version: '0.2.0', key: vendor.privateKey });
    truncateSync(join(release.folder, release.installer), 10_000);
    expect(await core.handlers.adminCheckUpdatesNow({ sessionId: admin })).toMatchObject({ ok: true, value: { lastCheck: { outcome: 'available' }, pending: { state: 'failed', code: 'UPDATE_FILE_INCOMPLETE' } } });
    expect(installer?.downloads).toHaveLength(1);
    expect(core.handlers.adminInstallUpdateNow({ sessionId: admin })).toMatchObject({ ok: false, error: { code: 'UPDATE_DOOR_HOURS' } });
    expect(installer?.installs).toBe(0);
  });

  it('installs only outside the door day: "now" refused at noon, allowed after closing; by itself only in the quiet hours', async () => {
    const { core, dataDir, admin, feedUrl, installer, clock } = await setup({ hhmm: '10:00' });
    core.handlers.adminSetUpdateFeed({ sessionId: admin, feedUrl });
    await core.handlers.adminCheckUpdatesNow({ sessionId: admin });
    expect(core.handlers.adminInstallUpdateNow({ sessionId: admin })).toMatchObject({ ok: false, error: { code: 'UPDATE_DOOR_HOURS' } });
    await core.updateRound();
    clock.set('20:30');
    await core.updateRound();
    expect(installer?.installs).toBe(0);
    clock.set('22:00');
    await core.updateRound();
    expect(installer?.installs).toBe(1);
    clock.set('20:30');
    const again = await setup({ hhmm: '20:30' });
    again.core.handlers.adminSetUpdateFeed({ sessionId: again.admin, feedUrl: again.feedUrl });
    await again.core.handlers.adminCheckUpdatesNow({ sessionId: again.admin });
    expect(again.core.handlers.adminInstallUpdateNow({ sessionId: again.admin })).toMatchObject({ ok: true });
    expect(again.installer?.installs).toBe(1);
    expect(audited(again.dataDir).at(-1)).toEqual({ action: 'update-install-ordered', staff_id: 'staff-admin', detail: { version: '0.2.0', source: 'feed' } });
    expect(audited(dataDir).map((row) => row.action)).toEqual(['update-feed-set']);
  });

  it('checks the feed daily by itself, and an hour after a failed check', async () => {
    const { core, dataDir, admin, feedUrl, installer, clock, release } = await setup();
    await core.updateRound();
    expect(core.handlers.adminUpdates({ sessionId: admin })).toMatchObject({ ok: true, value: { lastCheck: null } });
    core.handlers.adminSetUpdateFeed({ sessionId: admin, feedUrl });
    await core.updateRound();
    expect(installer?.downloads).toHaveLength(1);
    clock.set('23:00');
    await core.updateRound();
    // Read from the file: the admin's session has long ended by the clock the test moves.
    const lastAt = (): number | undefined => lastCheckAt(dataDir);
    expect(lastAt()).toBe(Date.parse('2026-12-03T12:00:00+05:00'));
    rmSync(join(release.folder, `${release.channelFile}.sig`));
    clock.set('12:00', 1);
    await core.updateRound();
    expect(lastAt()).toBe(Date.parse('2026-12-04T12:00:00+05:00'));
    clock.set('12:30', 1);
    await core.updateRound();
    expect(lastAt()).toBe(Date.parse('2026-12-04T12:00:00+05:00'));
    clock.set('13:00', 1);
    await core.updateRound();
    expect(lastAt()).toBe(Date.parse('2026-12-04T13:00:00+05:00'));
  });

  it('takes an update from a folder: checked, staged, downloaded from the staged copy; a spoiled folder refused and audited', async () => {
    const { core, dataDir, admin, installer, release } = await setup();
    const result = await core.handlers.adminUpdateFromFolder({ sessionId: admin, folder: release.folder });
    expect(result).toMatchObject({ ok: true, value: { lastCheck: { source: 'folder', outcome: 'available', version: '0.2.0' }, pending: { source: 'folder', state: 'ready' } } });
    expect(installer?.downloads[0]?.feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const older = writeRelease(join(dataDir, '..', `older-${Date.now()}`), { version: '0.1.0', key: vendor.privateKey });
    expect(await core.handlers.adminUpdateFromFolder({ sessionId: admin, folder: older.folder })).toMatchObject({ ok: false, error: { code: 'UPDATE_NOT_NEWER' } });
    truncateSync(join(release.folder, release.installer), 100);
    expect(await core.handlers.adminUpdateFromFolder({ sessionId: admin, folder: release.folder })).toMatchObject({ ok: false, error: { code: 'UPDATE_FILE_INCOMPLETE' } });
    expect(audited(dataDir).map((row) => [row.action, row.detail.outcome, row.detail.code])).toEqual([
      ['update-from-folder', 'available', null],
      ['update-from-folder', 'up-to-date', null],
      ['update-from-folder', 'refused', 'UPDATE_FILE_INCOMPLETE'],
    ]);
  });

  it('in a shell that cannot install (the web host): checks and stages, and says it cannot install', async () => {
    const { core, admin, feedUrl } = await setup({ installer: false, hhmm: '22:00' });
    core.handlers.adminSetUpdateFeed({ sessionId: admin, feedUrl });
    expect(await core.handlers.adminCheckUpdatesNow({ sessionId: admin })).toMatchObject({ ok: true, value: { canInstall: false, lastCheck: { outcome: 'available' }, pending: { state: 'offered' } } });
    expect(core.handlers.adminInstallUpdateNow({ sessionId: admin })).toMatchObject({ ok: false, error: { code: 'UPDATE_NOT_INSTALLABLE' } });
  });
});
