// A real kiosk store for the staff tests: a SQLite file in a temp folder with the demo kindergarten, the door's
// check-in service and the StaffDesk over it, a clock the test moves, and the staff requests validated by their
// zod schemas as the dispatcher does. No timers run unless a test calls desk.start().
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Result } from '../../../../shared/api/result.js';
import { staffRequests } from '../../../../shared/staff/staff-contract.js';
import { demoRoster } from '../../demo/demo-roster.js';
import { openDatabase } from '../../db/open-database.js';
import { AttendanceLog, ensureDeviceId } from '../../ledger/attendance-log.js';
import { bindTestPeerLog } from '../../ledger/testing/peer-log-kit.js';
import { CheckinService } from '../../door/checkin-service.js';
import { RefusedAttempts } from '../../door/refused-attempts.js';
import { RosterStore } from '../../roster/roster-store.js';
import { SettingsStore } from '../../ledger/settings-store.js';
import { FileSecretStore } from '../../files/secret-store.js';
import { manualClock, tempDataDir } from '../../testing/fixtures.js';
import type { StaffAlertSink } from '../closing-alert.js';
import { StaffDesk } from '../staff-desk.js';
import { guardHandlers } from '../../guards/request-guards.js';
import { staffHandlers, type StaffHandlers, type StaffRequestName } from '../staff-handlers.js';
import { monthCountsOf } from '../../admin/tabel-service.js';
import { zoneOf } from '../../time/clock.js';

/** Demo children the README names: Әлихан, Айару, Алиса, Ерасыл, Інжу. */
export const demoChildren = { alikhan: 'ch0001', ayaru: 'ch0002', alisa: 'ch0003', yerasyl: 'ch0004', inzhu: 'ch0005' } as const;

/** 08:10 in Almaty on Monday 23 November 2026. */
export const MORNING = '2026-11-23T03:10:00.000Z';

export function staffKit(startIso: string = MORNING, options: { alerts?: StaffAlertSink; zone?: string; peerSeed?: number; pepper?: Buffer; peerLog?: boolean } = {}) {
  const dataDir = tempDataDir();
  const clock = manualClock(startIso, options.zone);
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  const roster = new RosterStore(db);
  roster.seed(demoRoster());
  const deviceId = ensureDeviceId(db, clock.now());
  // Bound as the core binds it: every write path under test also appends its signed peer-log row. Off (peerLog false):
  // a kiosk from before migration 0027, whose rows the backfill tests turn into a peer log afterwards.
  if (options.peerLog !== false) bindTestPeerLog(db, deviceId, () => clock.now().getTime(), options.peerSeed);
  const log = new AttendanceLog(db, deviceId);
  const settings = SettingsStore.of(db);
  const checkin = new CheckinService({
    clock,
    log,
    roster,
    refused: new RefusedAttempts(db),
    settings,
    verifyQr: () => {
      throw new Error('no QR codes in the staff tests');
    },
  });
  const secrets = new FileSecretStore(dataDir, { cipher: null, log: () => undefined });
  // Machines of one kindergarten share the group's pepper (docs/peers.md §3), so a PIN's hash checks on each.
  if (options.pepper) secrets.set('pin-pepper', options.pepper.toString('base64'));
  const monthCounts = monthCountsOf(db, () => zoneOf(clock));
  const desk = new StaffDesk({ db, log, clock, dataDir, secrets, cardFormat: () => 'auto', monthCounts, ...(options.alerts ? { alerts: options.alerts } : {}) });
  desk.ensureDemoSignIn();
  onTestFinished(() => {
    desk.stop();
    db.close();
  });
  const handlers = guardHandlers(staffHandlers(), { withStore: (_inPerson, action) => action(desk), session: (d, sessionId) => d.session(sessionId) });

  /** A staff request as the dispatcher runs it: the arguments parsed by the contract's schema first. */
  const call = <K extends StaffRequestName>(name: K, args: unknown): ReturnType<StaffHandlers[K]> => {
    const parsed = staffRequests[name].args.parse(args);
    return (handlers[name] as (a: unknown) => ReturnType<StaffHandlers[K]>)(parsed);
  };

  const signIn = async (staffId = 'staff-duty', pin = '1234'): Promise<string> => {
    const outcome = value(await call('staffSignIn', { who: { kind: 'staff', staffId }, pin }));
    if (outcome.outcome !== 'signed-in') throw new Error(`sign-in failed: ${outcome.outcome}`);
    return outcome.session.sessionId;
  };

  /** A read-only second connection, as an auditor would open the file. */
  const read = <T>(sql: string, ...params: unknown[]): T[] => {
    const reader = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    try {
      return reader.prepare(sql).all(...params) as T[];
    } finally {
      reader.close();
    }
  };

  return { dataDir, clock, db, log, settings, checkin, desk, call, signIn, read };
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}
