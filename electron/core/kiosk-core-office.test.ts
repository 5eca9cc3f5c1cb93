// The office PC (docs/peers.md §2) through KioskApi on real files: it refuses taps and offers with NOT_A_DOOR and keeps
// nothing of them, opens no HID reader, takes no cut-off headcount, lets staff in by name whatever the kindergarten's
// sign-in mode, and counts the 09:00 view live; made a door door, its readers open and its door works.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { HidReaderConfig } from '../../shared/readers/reader-config.js';
import type { MachineRole } from '../../shared/setup/setup-contract.js';
import { dispatch } from './api/dispatch.js';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { SettingsStore } from './ledger/settings-store.js';
import { readerConfig } from './readers/testing/reader-harness.js';
import { loadRecordedStream } from './readers/testing/recorded-stream.js';
import { ReplayHid } from './readers/testing/replay-hid.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';

const quiet = { log: () => undefined };
const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' };
/** Monday 23 November 2026, 09:30 in Almaty: past the 09:00 cut-off of a school day. */
const PAST_CUT_OFF = '2026-11-23T04:30:00.000Z';
/** Monday 23 November 2026, 08:10 in Almaty: the morning rush. */
const MORNING = '2026-11-23T03:10:00.000Z';

/** A demo kiosk's data folder, closed, with this role and these HID readers stored as an admin would have. */
function dataDirAs(role: MachineRole, readers: HidReaderConfig[] = [], signIn: 'card-only' | 'name-or-card' = 'card-only'): string {
  const dir = tempDataDir();
  new KioskCore({ dataDir: dir, demo: true, clock: manualClock(MORNING), ...quiet }).close();
  const db = openDatabase(`${dir}/esik.sqlite`);
  const settings = SettingsStore.of(db);
  settings.set('machineRole', role);
  settings.set('hidReaders', readers);
  settings.set('staffSignInMode', signIn);
  db.close();
  return dir;
}

function count(core: KioskCore, sql: string): number {
  const db = new BetterSqlite3(core.databasePath, { readonly: true });
  try {
    return db.prepare<[], number>(sql).pluck().get() ?? -1;
  } finally {
    db.close();
  }
}

async function signIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in: ${JSON.stringify(signedIn)}`);
  return signedIn.value.session.sessionId;
}

describe('the office PC', () => {
  it('refuses every tap and offer with NOT_A_DOOR, keeping no event and no refused attempt', async () => {
    const core = new KioskCore({ dataDir: dataDirAs('office'), demo: true, clock: manualClock(MORNING), ...quiet });
    try {
      expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', machineRole: 'office' } });
      const refused = { ok: false, error: { code: 'NOT_A_DOOR' } };
      expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject(refused);
      expect(core.handlers.identifyCard({ raw: '0009999999', source: 'hid' })).toMatchObject(refused);
      expect(core.handlers.identifyQr({ text: 'ESIK1.not-a-code', source: 'camera' })).toMatchObject(refused);
      const offerId = '0193a0a0-0000-7000-8000-000000000001';
      expect(await dispatch(core.handlers, 'confirmOffer', { offerId, childIds: ['child-1'], answers: { leavingNow: [] } }, () => undefined)).toMatchObject(refused);
      expect(core.handlers.renewOffer({ offerId })).toMatchObject(refused);
      expect(count(core, 'SELECT COUNT(*) FROM attendance_events')).toBe(0);
      expect(count(core, 'SELECT COUNT(*) FROM refused_attempts')).toBe(0);
    } finally {
      core.close();
    }
  });

  it('opens no HID reader even with readers configured, and the door the same folder becomes reads them', async () => {
    let listed = 0;
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const counting = { list: () => ((listed += 1), hid.list()), open: hid.open.bind(hid) };
    const dataDir = dataDirAs('office', [readerConfig({ format: 'em-decimal' })], 'name-or-card');
    const office = new KioskCore({ dataDir, demo: true, hid: counting, clock: manualClock(MORNING), ...quiet });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(listed).toBe(0);
    expect(office.handlers.getReaders({})).toEqual({ ok: true, value: { readers: [] } });

    // An admin makes it a door (PIN door): its readers open and the recorded card is taken at its door.
    const sessionId = await signIn(office, 'staff-admin', '2468');
    expect(await office.handlers.adminSetMachineRole({ sessionId, pin: '2468', machineRole: 'door' })).toEqual({ ok: true, value: { outcome: 'set', machineRole: 'door' } });
    const started = Date.now();
    while (listed === 0 && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(listed).toBeGreaterThan(0);
    office.close();
  });

  it('closes the readers a door had open when an admin makes it the office', async () => {
    const door = watchedCore({ dataDir: dataDirAs('door', [readerConfig({ format: 'em-decimal' })], 'name-or-card'), demo: true, hid: new ReplayHid(device, []), clock: manualClock(MORNING), ...quiet });
    await door.until(() => door.payloads('readersChanged').some((e) => e.readers.length === 1));
    const admin = await signIn(door.core, 'staff-admin', '2468');
    expect(await door.core.handlers.adminSetMachineRole({ sessionId: admin, pin: '2468', machineRole: 'office' })).toMatchObject({ ok: true, value: { outcome: 'set' } });
    expect(door.core.handlers.getReaders({})).toEqual({ ok: true, value: { readers: [] } });
    expect(door.payloads('readersChanged').at(-1)?.readers).toEqual([]);
    expect(door.payloads('statusChanged').at(-1)).toMatchObject({ state: 'ready', machineRole: 'office' });
    expect(door.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'NOT_A_DOOR' } });
    door.core.close();
  });

  it('takes no cut-off headcount (a door does), and its 09:00 view counts the records live', async () => {
    const door = new KioskCore({ dataDir: dataDirAs('door'), demo: true, clock: manualClock(PAST_CUT_OFF), ...quiet });
    const office = new KioskCore({ dataDir: dataDirAs('office'), demo: true, clock: manualClock(PAST_CUT_OFF), ...quiet });
    try {
      // Both ran their staff jobs once at start, past the cut-off of a school day.
      expect(count(door, "SELECT COUNT(*) FROM headcounts WHERE trigger = 'cut-off'")).toBe(1);
      expect(count(office, 'SELECT COUNT(*) FROM headcounts')).toBe(0);

      // The nurse signs in at the office by name, although the kindergarten's doors take staff cards only.
      expect(office.handlers.staffSignInOptions({})).toMatchObject({ ok: true, value: { mode: 'name-or-card' } });
      expect(door.handlers.staffSignInOptions({})).toMatchObject({ ok: true, value: { mode: 'card-only', staff: [] } });
      const nurse = await signIn(office, 'staff-nurse', '1357');
      const view = office.handlers.staffHeadcount({ sessionId: nurse });
      if (!view.ok) throw new Error(view.error.code);
      expect(view.value.snapshot).toBeNull();
      expect(view.value.live.at).toBe('09:30');
      const groups = view.value.live.groups;
      expect(groups.length).toBeGreaterThan(0);
      // Nobody came: everyone expected is listed by name as not yet in.
      expect(groups.every((g) => g.present === 0 && g.notYetIn.length === g.expected)).toBe(true);
      expect(count(office, 'SELECT COUNT(*) FROM headcounts')).toBe(0);
    } finally {
      door.close();
      office.close();
    }
  });
});
