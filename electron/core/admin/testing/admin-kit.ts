// A real kiosk store for the admin tests: a SQLite file in a temp folder with a small kindergarten (two groups, five
// children, their companions, an admin and a staff member with PINs), the chained log, the StaffDesk, the AdminDesk and
// the CardDesk over it, and the admin requests validated by their zod schemas as the dispatcher does. The staff accounts
// and the settings are built over the same file for tests that set the scene below the desks.
import type { DoorSettings } from '../../../../shared/admin/door-settings.js';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { adminRequests, type AdminRequestName } from '../../../../shared/admin/admin-contract.js';
import type { Result } from '../../../../shared/api/result.js';
import type { EventKind, EventMethod } from '../../../../shared/domain/attendance.js';
import { toLocalTime, type LocalTime } from '../../../../shared/domain/local-time.js';
import type { Roster } from '../../../../shared/domain/roster.js';
import { ensureKioskSigningKey } from '../../credentials/kiosk-key.js';
import { TrustedKeys } from '../../credentials/trusted-keys.js';
import { openDatabase } from '../../db/open-database.js';
import { AttendanceLog, ensureDeviceId, type StoredEvent } from '../../ledger/attendance-log.js';
import { bindTestPeerLog } from '../../ledger/testing/peer-log-kit.js';
import { RefusedAttempts } from '../../door/refused-attempts.js';
import { RosterStore } from '../../roster/roster-store.js';
import { SettingsStore } from '../../ledger/settings-store.js';
import { FileSecretStore } from '../../files/secret-store.js';
import { StaffDesk } from '../../staff/staff-desk.js';
import { SignInLedger } from '../../staff/sign-in-ledger.js';
import { StaffAccounts } from '../../staff/staff-accounts.js';
import { StaffAudit } from '../../ledger/staff-audit.js';
import { manualClock, tempDataDir } from '../../testing/fixtures.js';
import { AdminDesk } from '../admin-desk.js';
import { CardDesk } from '../card-desk.js';
import { guardHandlers, projectGuarded } from '../../guards/request-guards.js';
import { adminHandlers, type AdminHandlers } from '../admin-handlers.js';
import { cardHandlers, type CardHandlers } from '../card-handlers.js';
import { RosterDesk } from '../roster-desk.js';
import { rosterHandlers, type RosterHandlers } from '../roster-handlers.js';
import { RosterImportDesk } from '../roster-import-desk.js';
import { rosterImportHandlers, type RosterImportHandlers } from '../roster-import-handlers.js';
import { monthCountsOf } from '../tabel-service.js';
import { zoneOf } from '../../time/clock.js';

export const ADMIN_PIN = '2468';
export const STAFF_PIN = '1234';

export const kitRoster: Roster = {
  kindergarten: { id: 'kg1', name: 'Айгөлек', demo: false },
  groups: [
    { id: 'g1', name: 'Балапан', sortOrder: 0 },
    { id: 'g2', name: 'Жұлдыз', sortOrder: 1 },
  ],
  children: [
    { id: 'alikhan', groupId: 'g1', firstName: 'Әлихан', lastName: 'Жұмабаев' },
    { id: 'ayaru', groupId: 'g1', firstName: 'Айару', lastName: 'Жұмабаева' },
    { id: 'yerasyl', groupId: 'g1', firstName: 'Ерасыл', lastName: 'Нұрланов' },
    { id: 'alisa', groupId: 'g2', firstName: 'Алиса', lastName: 'Иванова' },
    { id: 'inzhu', groupId: 'g2', firstName: 'Інжу', lastName: 'Нұрланова' },
  ],
  companions: [
    { id: 'bibigul', firstName: 'Бібігүл', lastName: 'Жұмабаева', relation: 'grandmother' },
    { id: 'elena', firstName: 'Елена', lastName: 'Иванова', relation: 'mother' },
    { id: 'nurlan', firstName: 'Нұрлан', lastName: 'Нұрланов', relation: 'father' },
  ],
  links: [
    { companionId: 'bibigul', childId: 'alikhan', mayBring: true, mayCollect: true, blocked: false },
    { companionId: 'bibigul', childId: 'ayaru', mayBring: true, mayCollect: true, blocked: false },
    { companionId: 'elena', childId: 'alisa', mayBring: true, mayCollect: true, blocked: false },
    { companionId: 'nurlan', childId: 'yerasyl', mayBring: true, mayCollect: true, blocked: false },
    { companionId: 'nurlan', childId: 'inzhu', mayBring: true, mayCollect: true, blocked: false },
  ],
  credentials: [
    { id: 'cr-bibigul', companionId: 'bibigul', kind: 'rfid', value: '4512345', version: 1, revokedAt: null },
    { id: 'cr-elena', companionId: 'elena', kind: 'rfid', value: '4512346', version: 1, revokedAt: null },
    { id: 'cr-nurlan', companionId: 'nurlan', kind: 'qr', value: 'cq002', version: 1, revokedAt: null },
  ],
  staff: [
    { id: 'head', firstName: 'Жанна', lastName: 'Сейітова', role: 'admin' },
    { id: 'duty', firstName: 'Айгерім', lastName: 'Омарова', role: 'staff' },
  ],
};

/** Almaty time (UTC+5). */
export const at = (iso: string): LocalTime => toLocalTime(new Date(iso), 300);

/** 10:00 in Almaty on Tuesday 5 January 2027: December 2026 is over. */
export const JANUARY = '2027-01-05T05:00:00.000Z';

export function adminKit(startIso: string = JANUARY) {
  const dataDir = tempDataDir();
  const clock = manualClock(startIso);
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  const roster = new RosterStore(db);
  roster.seed(kitRoster);
  const deviceId = ensureDeviceId(db, clock.now());
  // Bound as the core binds it: every write path under test also appends its signed peer-log row.
  bindTestPeerLog(db, deviceId, () => clock.now().getTime());
  const log = new AttendanceLog(db, deviceId);
  const refused = new RefusedAttempts(db);
  const secrets = new FileSecretStore(dataDir, { cipher: null, log: () => undefined });
  const staff = new StaffDesk({ db, log, clock, dataDir, secrets, cardFormat: () => 'auto', monthCounts: monthCountsOf(db, () => zoneOf(clock)) });
  staff.seedPin('head', ADMIN_PIN);
  staff.seedPin('duty', STAFF_PIN);
  const settings = SettingsStore.of(db);
  // Members and staff cards, below the desks: no PIN is checked through these.
  const audit = new StaffAudit(db);
  const accounts = new StaffAccounts(db, audit, new SignInLedger(db, audit, () => undefined), () => {
    throw new Error('the kit checks PINs through the StaffDesk');
  });
  const keys = new TrustedKeys(db);
  const signer = ensureKioskSigningKey({ secrets, dataDir, keys, now: clock.now() });
  // What the core would hear of each change of the door's settings (the status, the HID readers).
  const doorChanges: { settings: DoorSettings; changed: readonly (keyof DoorSettings)[] }[] = [];
  const admin = new AdminDesk({
    db,
    staff,
    settings,
    deviceId,
    dataDir,
    kindergartenName: () => roster.kindergarten()?.name ?? '',
    kindergartenId: () => roster.kindergarten()?.id ?? null,
    qrSigner: () => signer,
    zone: () => 300,
    onDoorSettings: (settings, changed) => doorChanges.push({ settings, changed }),
    // The Electron shell's "Save as…", as if the head always chose the data folder's saved/ folder.
    saveFileAs: (source, name) => {
      const target = join(dataDir, 'saved', name);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      return Promise.resolve(target);
    },
  });
  onTestFinished(() => {
    staff.stop();
    db.close();
  });
  const cards = new CardDesk({ db, deviceId, cardFormat: (source) => (source === 'hid' ? 'canonical' : settings.get('keyboardReader').format) });
  const rosterEdits = new RosterDesk({ db, deviceId });
  const rosterImport = new RosterImportDesk({ db, dataDir, deviceId, nowMs: () => clock.now().getTime(), log: () => undefined });
  const desks = { admin, cards, rosterEdits, rosterImport };
  type Desks = typeof desks;
  type Handlers = AdminHandlers & CardHandlers & RosterHandlers & RosterImportHandlers;
  const handlers = guardHandlers<Desks, Handlers>(
    {
      ...projectGuarded(adminHandlers(), (d: Desks) => d.admin),
      ...projectGuarded(cardHandlers(), (d: Desks) => d.cards),
      ...projectGuarded(rosterHandlers(), (d: Desks) => d.rosterEdits),
      ...projectGuarded(rosterImportHandlers(), (d: Desks) => d.rosterImport),
    },
    { withStore: (_inPerson, action) => action(desks), session: (_desks, sessionId) => staff.session(sessionId) },
  );

  /** An admin request as the dispatcher runs it: the arguments parsed by the contract's schema first. */
  const call = <K extends AdminRequestName>(name: K, args: unknown): ReturnType<Handlers[K]> => {
    const parsed = adminRequests[name].args.parse(args);
    return (handlers[name] as (a: unknown) => ReturnType<Handlers[K]>)(parsed);
  };

  const signIn = async (staffId = 'head', pin = ADMIN_PIN): Promise<string> => {
    const outcome = await staff.signIn({ kind: 'staff', staffId }, pin);
    if (outcome.outcome !== 'signed-in') throw new Error(`sign-in failed: ${outcome.outcome}`);
    return outcome.session.sessionId;
  };

  /** A tap at the door (or an override) at the given local time, through the chained log. */
  const event = (
    childId: string,
    kind: EventKind,
    when: string,
    options: { method?: EventMethod; companionId?: string | null; staffId?: string | null } = {},
  ): StoredEvent => {
    const method = options.method ?? 'rfid';
    const companionId = options.companionId === undefined ? (kitRoster.links.find((l) => l.childId === childId)?.companionId ?? null) : options.companionId;
    const credentialId = method === 'override' ? null : (kitRoster.credentials.find((c) => c.companionId === companionId)?.id ?? null);
    const [stored] = log.append([{ childId, kind, method, companionId, credentialId, staffId: options.staffId ?? null }], at(when));
    if (!stored) throw new Error('no event appended');
    return stored;
  };

  return { dataDir, clock, db, log, refused, staff, admin, cards, rosterImport, settings, accounts, call, signIn, event, deviceId, roster, keys, doorChanges };
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}
