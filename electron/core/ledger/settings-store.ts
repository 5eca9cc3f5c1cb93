// The kiosk's settings, all in the settings table: every key is declared once below with its schema and default.
// A value is parsed once and kept until it is written again; one store per database connection (SettingsStore.of),
// so a write anywhere in the core is seen everywhere at once. A damaged value never stops the door: it reads as its
// fallback and the reason is logged with a code.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { BackupRetentionSchema } from '../../../shared/admin/backup-contract.js';
import { QuietHoursSchema, UpdateCheckSchema } from '../../../shared/admin/update-contract.js';
import { CardsManagedBySchema } from '../../../shared/admin/card-contract.js';
import { SoundLevelSchema } from '../../../shared/admin/door-settings.js';
import { LanguageSchema } from '../../../shared/domain/attendance.js';
import { HidReadersSchema, KeyboardReaderConfigSchema } from '../../../shared/readers/reader-config.js';
import { TimeZoneNameSchema } from '../../../shared/admin/time-zone-contract.js';
import { isKnownTimeZone } from '../../../shared/domain/local-time.js';
import { StaffSignInModeSchema } from '../../../shared/staff/staff-domain.js';
import { MachineRoleSchema, StoredSetupSchema } from '../../../shared/setup/setup-contract.js';
import { DEFAULT_PEER_PORT } from '../../../shared/peers/peer-protocol.js';
import { ActCountedReasonSchema, ActEarnedRuleSchema } from '../../../shared/admin/monthly-act.js';
import { KindergartenAddressSchema, KindergartenBankSchema, KindergartenBinSchema, KindergartenIbanSchema, MealFeeSchema } from '../../../shared/admin/meal-contract.js';
import { SettingBodySchema } from '../../../shared/peers/peer-record.js';
import { peerLogOf } from './peer-log.js';
import { appendRegisterEdit } from './peer-registers.js';

interface Declaration<S extends z.ZodType> {
  schema: S;
  default: z.output<S>;
  /** What a damaged stored value reads as, when that must differ from the default (see cardsManagedBy). */
  damaged?: z.output<S>;
}

function setting<S extends z.ZodType>(schema: S, defaultValue: z.output<S>, damaged?: z.output<S>): Declaration<S> {
  return damaged === undefined ? { schema, default: defaultValue } : { schema, default: defaultValue, damaged };
}

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const settingDeclarations = {
  // The door.
  /** What the door shows now (a companion may have switched it). */
  language: setting(LanguageSchema, 'kk'),
  /** What the door starts in and returns to after a companion switched it. */
  defaultLanguage: setting(LanguageSchema, 'kk'),
  sound: setting(SoundLevelSchema, 'normal'),
  /** How long the children screen waits before confirming by itself. */
  autoConfirmSeconds: setting(z.number().int().min(0).max(60), 5),
  /** The same credential again within this window shows the earlier receipt instead of recording again. */
  repeatWindowSeconds: setting(z.number().int().min(0).max(600), 10),
  /**
   * A departure this soon after the child's arrival today is likely a second tap by mistake: the door asks
   * "is the child leaving?" and records it only on an explicit confirm, never by the tap or the countdown. 0: off.
   */
  departureGuardMinutes: setting(z.number().int().min(0).max(240), 30),
  cameraDeviceId: setting(z.string().max(512).nullable(), null),
  /** USB readers in HID data mode that the core reads itself (docs/rfid-readers.md); none by default. */
  hidReaders: setting(HidReadersSchema, []),
  /** How the keyboard-mode readers, which the UI reads, write card numbers. */
  keyboardReader: setting(KeyboardReaderConfigSchema, { format: 'auto', displayFormat: 'canonical' }),

  // The clock.
  /**
   * The kindergarten's IANA time zone: every local day and time comes from it (time/clock.ts). Null only until the
   * first open stores the OS's zone (kiosk-core.ts); a stored zone the tz data no longer knows reads as null too.
   */
  timeZone: setting(TimeZoneNameSchema.refine(isKnownTimeZone, 'not a time zone the tz data knows').nullable(), null),
  // The shell.
  /** The installed Windows app starts when its user logs in (electron/main/auto-start.ts); the console switches it. */
  startAtLogin: setting(z.boolean(), true),

  // Staff (defaults are Almaty's rules; a roster from the city overrides some of them).
  /** A staff session ends by itself after this long without a request, and the UI returns to the door. */
  staffIdleSeconds: setting(z.number().int().min(5).max(3600), 60),
  /**
   * The admin console's own idle limit: the head reads the log and the табель for minutes without a touch, while the
   * door's staff screens keep staffIdleSeconds. The console warns before it signs out.
   */
  consoleIdleSeconds: setting(z.number().int().min(60).max(3600), 600),
  staffSignInMode: setting(StaffSignInModeSchema, 'name-or-card'),
  /** Reception ends here; the kiosk then takes the headcount for the nurse. */
  headcountCutOff: setting(Hhmm, '09:00'),
  /** From here on, children still checked in are listed for staff to resolve. */
  closingTime: setting(Hhmm, '19:00'),
  /**
   * From here on a tap for a child with nothing seen today is a pick-up, checked as one (docs/pickup-check.md): the
   * door cannot know they are not inside. Late arrivals after it are recorded by staff. On from 15:00 out of the box
   * (after the nap, before the first pick-ups), so a kindergarten that never opens its settings still has the check;
   * null (an admin clearing it) turns it off.
   */
  collectCheckFrom: setting(Hhmm.nullable(), '15:00'),
  /** Holiday days (calendar days) that keep a child's place in summer (June–August) and in winter (December–February). */
  summerHolidayDays: setting(z.number().int().min(0).max(92), 31),
  winterHolidayDays: setting(z.number().int().min(0).max(91), 31),
  unexcusedDaysPerMonth: setting(z.number().int().min(0).max(31), 3),
  /** School days an illness may have without a doctor's certificate; past them its days count as unexcused. */
  sickDaysWithoutCertificate: setting(z.number().int().min(0).max(30), 3),
  /** A child back after this many school days of sickness or unexplained absence is asked for a certificate. */
  returnCheckAfterDays: setting(z.number().int().min(1).max(60), 5),
  /** A child on the roll neither there nor excused for this many school days is listed as never coming (issue 16 §3). */
  neverComeAfterDays: setting(z.number().int().min(1).max(120), 10),

  // The monthly act of completed work (shared/admin/monthly-act.ts).
  /** The monthly per-capita norm for one child, whole tenge (Almaty's 41,197 ₸). */
  perCapitaNormTenge: setting(z.number().int().min(0).max(10_000_000), 41197),
  /** How the act counts the money earned: by the days attended (default) or by the days on the roll. */
  actEarnedRule: setting(ActEarnedRuleSchema, 'attended'),
  /** Excused absences the act counts as days attended; none by default. */
  actCountedReasons: setting(z.array(ActCountedReasonSchema).max(4).refine((list) => new Set(list).size === list.length, 'a reason twice'), []),

  // The parents' meal invoices (shared/admin/meal-invoices.ts) and the kindergarten's details they print.
  /** The daily meal fee, whole tenge; 0: not set, and the console asks for it before drawing up any invoice. */
  mealFeeTengePerDay: setting(MealFeeSchema, 0),
  kindergartenAddress: setting(KindergartenAddressSchema, ''),
  /** БИН (БСН): 12 digits, '' while not entered. */
  kindergartenBin: setting(KindergartenBinSchema, ''),
  /** ИИК (ЖСК), a KZ IBAN, '' while not entered. */
  kindergartenIban: setting(KindergartenIbanSchema, ''),
  /** The bank's name and BIC. */
  kindergartenBank: setting(KindergartenBankSchema, ''),

  // The city.
  /**
   * Who manages companions' cards (the city's settings.cardsManagedBy, docs/sync-protocol.md), written by the roster
   * pull. A damaged value counts as the city's, so the kiosk changes no card by mistake.
   */
  cardsManagedBy: setting(CardsManagedBySchema, 'kindergarten', 'city'),
  /**
   * Who keeps the roster (the city's settings.rosterManagedBy), written by the roster pull: 'city' unless the city says
   * otherwise. Read only for a kiosk enrolled with a city (a kiosk on its own keeps its roster itself, whatever this
   * holds: electron/core/roster/edit/roster-authority.ts).
   */
  rosterManagedBy: setting(CardsManagedBySchema, 'city'),

  /**
   * This computer is the door (readers, camera, the door screen) or the office (the console and the staff screens
   * only): asked at the first run, changed on the console's This computer page. A door-only setting, never a record
   * (docs/peers.md §2, §6): it is this machine's hardware and place. A door unless said otherwise, so every kiosk from
   * before the question stays one.
   */
  machineRole: setting(MachineRoleSchema, 'door'),
  /**
   * The TCP port this computer's peer link listens on while it has peers or a pairing code open (docs/peers.md §2);
   * `--peer-port` overrides it. Door-only, never a record: each computer's own firewall and LAN.
   */
  peerPort: setting(z.number().int().min(1).max(65_535), DEFAULT_PEER_PORT),

  // The first-run setup (electron/core/setup/): null until it begins, so a kiosk from before it is never sent back to it.
  firstRunSetup: setting(StoredSetupSchema.nullable(), null),

  // Retention.
  /** Outbox rows the city acknowledged are deleted this many days after (ledger/outbox-pruner.ts); the events stay. */
  outboxKeepSentDays: setting(z.number().int().min(1).max(3650), 30),

  // Backups (electron/core/backup/).
  /** How many verified copies to keep of the newest hours, days, months and years. */
  backupRetention: setting(BackupRetentionSchema, { hourly: 48, daily: 30, monthly: 12, yearly: 5 }),
  /**
   * What the second place keeps: every verified copy goes there, but a USB stick is far smaller than the kiosk's disk,
   * so the newest 6 hours, a week of days, a year of months and 5 years (about 30 copies, against about 95 locally).
   */
  backupSecondPlaceRetention: setting(BackupRetentionSchema, { hourly: 6, daily: 7, monthly: 12, yearly: 5 }),
  /** The folder copies also go to, encrypted (its key is a secret, never here); null: none. */
  backupSecondPlace: setting(z.object({ folder: z.string().min(1).max(1024) }).strict().nullable(), null),

  // Updates (electron/core/updates/).
  /** The generic feed the kiosk checks daily (the city's or the vendor's web server); null: none, only a folder. */
  updateFeedUrl: setting(z.string().min(1).max(1024).nullable(), null),
  /** The local hours an update installs in by itself; never inside the door's day (updates/update-policy.ts). */
  updateQuietHours: setting(QuietHoursSchema, { from: '21:00', to: '06:00' }),
  /** What the newest check of the feed or a folder found. */
  updateLastCheck: setting(UpdateCheckSchema.nullable(), null),
} as const;

export type SettingKey = keyof typeof settingDeclarations;
export type Settings = { [K in SettingKey]: z.output<(typeof settingDeclarations)[K]['schema']> };

/**
 * The kindergarten's keys (docs/peers.md §6): one admin's decision for every machine, so each write is also a `setting`
 * record every machine takes in. Every other key is this machine's own (its language, hardware, role, backups,
 * updates, the console's idle limit) or the city's (cardsManagedBy, rosterManagedBy, from each machine's pull), and
 * never becomes a record.
 */
export const KINDERGARTEN_SETTING_KEYS = [
  'autoConfirmSeconds',
  'repeatWindowSeconds',
  'departureGuardMinutes',
  'timeZone',
  'staffIdleSeconds',
  'staffSignInMode',
  'headcountCutOff',
  'closingTime',
  'collectCheckFrom',
  'summerHolidayDays',
  'winterHolidayDays',
  'unexcusedDaysPerMonth',
  'sickDaysWithoutCertificate',
  'returnCheckAfterDays',
  'neverComeAfterDays',
  'perCapitaNormTenge',
  'actEarnedRule',
  'actCountedReasons',
  'mealFeeTengePerDay',
  'kindergartenAddress',
  'kindergartenBin',
  'kindergartenIban',
  'kindergartenBank',
] as const satisfies readonly SettingKey[];
export type KindergartenSettingKey = (typeof KINDERGARTEN_SETTING_KEYS)[number];

export function isKindergartenKey(key: string): key is KindergartenSettingKey {
  return (KINDERGARTEN_SETTING_KEYS as readonly string[]).includes(key);
}

/** Why a stored value was not used; logged with the key. */
export type SettingProblem = 'SETTING_NOT_JSON' | 'SETTING_INVALID';

const stores = new WeakMap<Database, SettingsStore>();

export class SettingsStore {
  private readonly read: Statement<[string], { value: string }>;
  private readonly write: Statement<[string, string]>;
  private readonly dataVersion: Statement<[], number>;
  /** SQLite's data_version when the cache was last checked: it moves when another connection commits. */
  private seenVersion = -1;
  /** Parsed values (defaults included) by key; a write drops its key. */
  private readonly cache = new Map<SettingKey, unknown>();
  /**
   * Keys written inside a transaction that may not have ended yet: read from the table, never cached, since a
   * rollback would leave the cache holding what is no longer there. Cleared by the first use outside a transaction.
   */
  private readonly pending = new Set<SettingKey>();

  /** The one store of this connection; `log` is taken from the first caller (the core passes its own). */
  static of(db: Database, log: (line: string) => void = console.error): SettingsStore {
    let store = stores.get(db);
    if (!store) {
      store = new SettingsStore(db, log);
      stores.set(db, store);
    }
    return store;
  }

  private constructor(
    private readonly db: Database,
    private readonly log: (line: string) => void,
  ) {
    this.read = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    if (!this.db.inTransaction) this.pending.clear();
    // Another connection (the sync worker applying the city's roster, a second tool on the file) may have changed
    // a setting: then nothing cached can be trusted. Reading the counter costs no I/O.
    const version = this.dataVersion.get() ?? -1;
    if (version !== this.seenVersion) {
      this.cache.clear();
      this.seenVersion = version;
    }
    if (this.cache.has(key)) return this.cache.get(key) as Settings[K];
    // Frozen: the same object goes to every caller until the next write, so none may change it for the others.
    const value = deepFreeze(this.load(key));
    if (!this.pending.has(key)) this.cache.set(key, value);
    return value;
  }

  /**
   * Writes a key. A kindergarten key is also appended as a `setting` record in the same transaction (the caller's, or
   * one of its own), with the key's current winner as its base, so every machine of the group takes it in (§6).
   */
  set<K extends SettingKey>(key: K, value: Settings[K]): void {
    const checked: unknown = settingDeclarations[key].schema.parse(value);
    if (!isKindergartenKey(key)) {
      this.store(key, checked);
      return;
    }
    this.db.transaction(() => {
      this.store(key, checked);
      appendRegisterEdit(this.db, { kind: 'setting', body: SettingBodySchema.parse({ key, value: checked }) }, peerLogOf(this.db)?.wallMs() ?? 0);
    })();
  }

  /**
   * Writes a key on this machine only, never a record: a value nobody decided (the OS's time zone at the first start),
   * which an admin's choice, made here or at another machine, replaces. As a record it would be a fresh machine's
   * later edit and win over the zone the kindergarten chose.
   */
  setHere<K extends SettingKey>(key: K, value: Settings[K]): void {
    this.store(key, settingDeclarations[key].schema.parse(value));
  }

  /**
   * Writes a kindergarten key as the merge of its `setting` records decided (ledger/peer-apply.ts), never a record of
   * its own. A value this version cannot read (a newer machine's range) is refused: false, and the row is not touched.
   */
  project(key: KindergartenSettingKey, value: unknown): boolean {
    const parsed = settingDeclarations[key].schema.safeParse(value);
    if (!parsed.success) return false;
    this.store(key, parsed.data);
    return true;
  }

  private store(key: SettingKey, checked: unknown): void {
    this.cache.delete(key);
    if (this.db.inTransaction) this.pending.add(key);
    this.write.run(key, JSON.stringify(checked));
  }

  private load<K extends SettingKey>(key: K): Settings[K] {
    // Each declaration's schema parses its own key's values: the cast only joins what TypeScript cannot index by K.
    return this.parseStored(key, settingDeclarations[key]) as Settings[K];
  }

  private parseStored(key: SettingKey, declared: Declaration<z.ZodType>): unknown {
    const row = this.read.get(key);
    if (!row) return declared.default;
    let json: unknown;
    try {
      json = JSON.parse(row.value);
    } catch {
      return this.damaged(key, declared, 'SETTING_NOT_JSON', row.value.slice(0, 80));
    }
    const parsed = declared.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    return this.damaged(key, declared, 'SETTING_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }

  private damaged(key: SettingKey, declared: Declaration<z.ZodType>, code: SettingProblem, detail: string): unknown {
    const fallback = declared.damaged ?? declared.default;
    this.log(`[settings] ${code} ${key} (${detail}): read as ${JSON.stringify(fallback)}`);
    return fallback;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
