// The staff side of the core: wires PINs, sessions, overrides, corrections, absences, the headcount and closing time
// over one database, runs the clock-driven jobs (idle sessions, the cut-off headcount) and seeds demo PINs. Its
// callers (the staff handlers, the admin desk, the core) get one method per thing they do; the services stay inside.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber, readingText, type CardNumber } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import { toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import { guessableAs } from '../../../shared/staff/pin-rules.js';
import type { RequestValue } from '../../../shared/api/contract.js';
import type {
  CardEnrolOutcome,
  ChildDetail,
  DayEvent,
  FirstAdminOutcome,
  Headcount,
  HeadcountGroup,
  PinChangeOutcome,
  PinSetOutcome,
  SignInOutcome,
  StaffAccount,
  StaffChild,
  StaffMember,
  StaffSession,
} from '../../../shared/staff/staff-contract.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import { SettingsStore } from '../ledger/settings-store.js';
import type { SecretStore } from '../files/secret-store.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { AbsenceService, type AbsenceRequest } from './absence-service.js';
import { ChildDirectory } from './child-directory.js';
import { ClosingService, type ClosingOutcome } from './closing-service.js';
import { CorrectionService, type CorrectionTarget } from './correction-service.js';
import { demoStaffCard, demoStaffPins } from './demo-staff.js';
import { HeadcountService, type SchoolCalendar } from './headcount-service.js';
import { OverrideService, type OverrideRequest } from './override-service.js';
import { adoptPinPepper, ensurePinPepper, PIN_PEPPER_FILE } from './pin-pepper.js';
import { PresenceStore } from './presence-store.js';
import { ClosingAlert, type StaffAlertSink } from './closing-alert.js';
import { StaffAlertBook } from '../ledger/staff-alert-book.js';
import type { KeptAlert } from '../../../shared/staff/staff-alert-contract.js';
import { StaffAccountAdmin } from './staff-account-admin.js';
import type { SignInChannel, StaffSignInMode } from '../../../shared/staff/staff-domain.js';
import { signInModeOn } from '../../../shared/setup/machine-role.js';
import type { SessionCheck } from '../guards/request-guards.js';
import { SignInLedger } from './sign-in-ledger.js';
import { StaffAccounts, type PinCheck } from './staff-accounts.js';
import { StaffAudit } from '../ledger/staff-audit.js';
import { StaffSessions } from './staff-sessions.js';
import { StaffViews, type MonthCounts, type PresentChild } from './staff-views.js';
import { ReturnChecks, type TabelSheets } from './return-checks.js';
import type { CertificateOutcome, ReturnCheck } from '../../../shared/staff/return-check-contract.js';
import type { PaperDayRoll, PaperDaySaveOutcome } from '../../../shared/staff/paper-day-contract.js';
import { PaperDayService } from './paper-day-service.js';
import type { HeadcountView } from '../../../shared/staff/headcount-view.js';

export interface StaffDeskOptions {
  db: Database;
  log: AttendanceLog;
  clock: Clock;
  /** The data folder (where an older version left the PIN pepper as a plain file). */
  dataDir: string;
  /** Where the PIN pepper is kept. */
  secrets: SecretStore;
  /** How a card from this source is written (the keyboard readers' setting, or 'canonical' from HID readers). */
  cardFormat: (source: CardSource) => ReaderFormat | 'canonical';
  /** Where the clock-driven jobs report a failure (they must never take the process down). */
  report?: (line: string) => void;
  /** The staff alert strip on the door (kiosk events staffAlert / staffAlertCleared): closing time. */
  alerts?: StaffAlertSink;
  /** The kept alerts the door and sync raise (a refused pick-up, the clock): the staff list and handle them. One of
   * its own (on the same records) when none is handed in. */
  keptAlerts?: StaffAlertBook;
  /**
   * The month's unexcused days by the табель's rule, its sheets for the returns and its calendar for the headcount
   * (admin/tabel-service.ts monthCountsOf).
   */
  monthCounts: MonthCounts & TabelSheets & SchoolCalendar;
}

/** How often the clock-driven jobs run: idle sessions end within this much of their time. */
const TICK_MS = 5_000;


export class StaffDesk {
  private readonly settings: SettingsStore;
  private readonly audit: StaffAudit;
  private readonly accounts: StaffAccounts;
  private readonly directory: ChildDirectory;
  private readonly presence: PresenceStore;
  private readonly overrides: OverrideService;
  private readonly corrections: CorrectionService;
  private readonly absences: AbsenceService;
  private readonly headcounts: HeadcountService;
  private readonly closing: ClosingService;
  private readonly views: StaffViews;
  private readonly accountAdmin: StaffAccountAdmin;
  /** Sign-in's writes, held in memory while the database cannot take them. */
  private readonly ledger: SignInLedger;
  private readonly closingAlert: ClosingAlert;
  private readonly returns: ReturnChecks;
  private readonly paperDays: PaperDayService;
  private readonly keptAlerts: StaffAlertBook;
  private readonly sessions = new StaffSessions();
  private timer: ReturnType<typeof setInterval> | null = null;
  private pepper: Buffer | null = null;

  constructor(private readonly options: StaffDeskOptions) {
    const { db, log } = options;
    this.settings = SettingsStore.of(db);
    this.audit = new StaffAudit(db);
    this.ledger = new SignInLedger(db, this.audit, options.report ?? console.error, () => options.clock.now().getTime());
    this.accounts = new StaffAccounts(db, this.audit, this.ledger, () => this.readPepper());
    this.directory = new ChildDirectory(db);
    this.presence = new PresenceStore(db);
    const { directory, presence, audit } = this;
    this.overrides = new OverrideService({ db, log, directory, audit });
    this.corrections = new CorrectionService({ db, audit, deviceId: log.deviceId });
    this.absences = new AbsenceService({ db, directory, audit, deviceId: log.deviceId });
    this.headcounts = new HeadcountService({ db, directory, presence, audit, deviceId: log.deviceId, calendar: options.monthCounts });
    this.closing = new ClosingService({ db, directory, presence, overrides: this.overrides, audit, deviceId: log.deviceId });
    this.returns = new ReturnChecks({ db, tabels: options.monthCounts, afterDays: () => this.settings.get('returnCheckAfterDays'), audit, deviceId: log.deviceId });
    this.views = new StaffViews({ db, directory, presence, absences: this.absences, settings: this.settings, tabels: options.monthCounts, zone: () => zoneOf(options.clock) });
    this.accountAdmin = new StaffAccountAdmin({ db, accounts: this.accounts, audit, cardFormat: options.cardFormat, zone: () => zoneOf(options.clock) });
    this.paperDays = new PaperDayService({ db, log, tabels: options.monthCounts, audit, cutOff: () => this.settings.get('headcountCutOff'), zone: () => zoneOf(options.clock) });
    this.closingAlert = new ClosingAlert({ closing: this.closing, settings: this.settings, sink: options.alerts ?? null });
    this.keptAlerts = options.keptAlerts ?? new StaffAlertBook({ db, audit });
  }

  /** The kept alerts still open, newest first (the staff screens' private list). */
  openAlerts(): KeptAlert[] {
    return this.keptAlerts.open();
  }

  /** A kept alert handled by `member`: attributed and audited, it leaves the list. */
  handleAlert(member: StaffMember, alertId: string, at: LocalTime): Result<Record<string, never>> {
    return this.keptAlerts.handle(alertId, member.id, at);
  }

  now(): LocalTime {
    return toLocalTime(this.options.clock.now(), zoneOf(this.options.clock));
  }

  /** Starts the clock-driven jobs; unref'd, so they never keep a process alive by themselves. */
  start(): void {
    if (this.timer) return;
    // A pepper an older version left as a plain file moves into the secret store now, not at the first PIN typed.
    if (existsSync(join(this.options.dataDir, PIN_PEPPER_FILE))) {
      try {
        this.readPepper();
      } catch (error) {
        (this.options.report ?? console.error)(`[staff] ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const run = (): void => {
      try {
        this.tick();
      } catch (error) {
        (this.options.report ?? console.error)(`[staff] clock-driven jobs failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    this.timer = setInterval(run, TICK_MS);
    this.timer.unref();
    run();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Writes what sign-in held while the disk was full, ends idle sessions (each on record), takes the day's cut-off
   * headcount when it is due, and keeps the closing-time alert on the door while children are left unresolved after
   * closing time.
   */
  tick(): void {
    const at = this.now();
    this.ledger.flush();
    for (const ended of this.sessions.expire(at.ms, this.idleMs)) {
      this.ledger.commit({ audit: [this.audit.entry('session-timeout', ended.member.id, at, { idleSeconds: this.idleMs(ended.member) / 1000 }, ended.sessionId)] });
    }
    // The office takes no cut-off headcount: the doors do, each its own for the city; its 09:00 page counts live.
    if (this.settings.get('machineRole') === 'door') this.headcounts.takeIfDue(this.settings.get('headcountCutOff'), at);
    this.closingAlert.check(at);
    // After the taps are recorded, never inside one: the door's path stays as fast as it was.
    this.returns.scan(at);
  }

  /**
   * Whether a card read by an HID reader belongs to the staff screens rather than the door: a staff card, or any card
   * while someone is signed in (they enrol cards; the door's screen is covered meanwhile).
   */
  /** Whether `card` is a staff member's live card (a typed card at the door opens the sign-in for it). */
  isStaffCard(card: CardNumber): boolean {
    return this.accounts.staffIdForCard(card) !== null;
  }

  ownsHidCard(canonical: string): boolean {
    if (this.sessions.anyActive(this.options.clock.now().getTime(), this.idleMs)) return true;
    const card = normalizeCardNumber(canonical, 'canonical');
    return card !== null && this.accounts.staffIdForCard(card) !== null;
  }

  /**
   * Signs a member in by name or staff card and PIN. Answers after the PIN's hash is checked off the core's thread; a
   * full disk does not stop it (what it writes waits in the ledger).
   */
  async signIn(who: { kind: 'staff'; staffId: string } | { kind: 'card'; raw: string; source: CardSource }, pin: string): Promise<SignInOutcome> {
    const at = this.now();
    let check: PinCheck;
    if (who.kind === 'card') {
      const card = normalizeCardNumber(who.raw, this.options.cardFormat(who.source));
      const staffId = card && this.accounts.staffIdForCard(card);
      check = staffId
        ? await this.accounts.checkPin(staffId, pin, 'card', 'card', at)
        : this.accounts.refuseUnknown('unknown-card', at, null, card ? readingText(card) : who.raw.slice(0, 64));
    } else if (this.signInMode() === 'card-only') {
      check = this.accounts.refuseUnknown('card-required', at, who.staffId);
    } else {
      check = await this.accounts.checkPin(who.staffId, pin, 'name', 'name', at);
    }
    if (check.outcome !== 'signed-in') return check;
    return { outcome: 'signed-in', session: this.openSession(check.member, at, who.kind, who.kind === 'card' ? 'card' : 'name') };
  }

  /**
   * The first admin holds every key of the kiosk: their PIN must pass the same weak-PIN rule as any other. Once the
   * setup is done that is the answer, whatever the PIN (createFirstAdmin checks it again inside its transaction).
   */
  async createFirstAdmin(firstName: string, lastName: string, pin: string): Promise<Result<FirstAdminOutcome>> {
    const at = this.now();
    if (!this.accounts.needsFirstAdmin()) return fail('STAFF_SETUP_DONE');
    const weakness = guessableAs(pin);
    if (weakness) return ok({ outcome: 'weak', weakness });
    const member = await this.accounts.createFirstAdmin(firstName, lastName, pin, at);
    if (!member) return fail('STAFF_SETUP_DONE');
    return ok({ outcome: 'created', session: this.openSession(member, at, 'setup', 'name') });
  }

  /** Ends a session on record: the button, the UI's idle timer, or a lock (a wrong own PIN while changing a PIN). */
  signOut(sessionId: string, why: 'button' | 'idle' | 'locked'): void {
    const at = this.now();
    const member = this.sessions.close(sessionId);
    if (!member) return;
    this.ledger.commit({ audit: [this.audit.entry(why === 'idle' ? 'session-timeout' : 'sign-out', member.id, at, { why }, sessionId)] });
  }

  /**
   * Another machine's records were taken in (docs/peers.md §5 "Threads"): the closing alert looks at the children again,
   * and the session of anyone touched ends (on record) when the account is no longer active, its role changed, or its
   * PIN as stored here is not the one it signed in under (set or taken away elsewhere). Not merely because the records
   * carried a staff-pin for them: a stick brings the group's PIN records, the reading admin's among them, nearly always
   * deciding nothing new, and ending her session then closed the console with the stick's outcome on it.
   */
  peersApplied(staffIds: readonly string[]): void {
    const at = this.now();
    const touched = new Set(staffIds);
    const ended = this.sessions.endWhere((member, pinStamp) => {
      if (!touched.has(member.id)) return false;
      const now = this.accounts.member(member.id);
      return now === null || now.role !== member.role || this.pinStampOf(member.id) !== pinStamp;
    });
    for (const { sessionId, member } of ended) this.ledger.commit({ audit: [this.audit.entry('sign-out', member.id, at, { why: 'changed-elsewhere' }, sessionId)] });
    this.closingAlert.check(at);
  }

  /** The signed-in staff member behind a request (refreshing the idle timer), or the error to answer with. */
  session(sessionId: string): SessionCheck {
    const at = this.now();
    const found = this.sessions.use(sessionId, at.ms, this.idleMs);
    if (found.kind === 'active') return { ok: true, member: found.member, at, channel: found.channel };
    if (found.kind === 'timed-out') {
      this.ledger.commit({ audit: [this.audit.entry('session-timeout', found.member.id, at, { idleSeconds: this.idleMs(found.member) / 1000 }, sessionId)] });
    }
    return { ok: false, result: fail('STAFF_SESSION_ENDED') };
  }

  /** Demo mode: PINs for the demo staff and a staff card, once (README's demo section lists them). */
  ensureDemoSignIn(): void {
    if (this.accounts.withPins().length > 0) return;
    this.options.db
      .transaction(() => {
        for (const { staffId, pin } of demoStaffPins) if (this.accounts.member(staffId)) this.seedPin(staffId, pin);
        if (this.accounts.member(demoStaffCard.staffId)) this.accounts.addCard(demoStaffCard.staffId, demoStaffCard.canonical, this.now());
      })
      .immediate();
  }

  /** A PIN set while the kiosk opens, hashed on the calling thread: the demo's staff, and test kits. */
  seedPin(staffId: string, pin: string): void {
    this.accounts.storePin(staffId, this.accounts.hashWhileOpening(pin), this.now());
  }

  /** Writes what sign-in held in memory while the disk was full; false while it still cannot. */
  writeHeld(): boolean {
    return this.ledger.flush();
  }

  /** What sign-in holds in memory for a full disk: locks and audit rows not yet written. */
  heldWhileDiskFull(): { locks: number; auditRows: number } {
    return this.ledger.held;
  }

  /** The sign-in screen: by name and PIN or by staff card only, whose name buttons, and whether setup comes first. */
  signInOptions(): RequestValue<'staffSignInOptions'> {
    const mode = this.signInMode();
    return { mode, staff: mode === 'card-only' ? [] : this.accounts.withPins(), needsFirstAdmin: this.accounts.needsFirstAdmin() };
  }

  /** The kindergarten's sign-in mode as it holds on this computer (shared/setup/machine-role.ts). */
  private signInMode(): StaffSignInMode {
    return signInModeOn(this.settings.get('machineRole'), this.settings.get('staffSignInMode'));
  }

  groups(): { id: string; name: string }[] {
    return this.directory.groups();
  }

  /** Children found by name (within a group, if given) or a whole group, with today's state. */
  children(filter: { groupId?: string | undefined; query?: string | undefined }, today: string): StaffChild[] {
    const { groupId, query } = filter;
    const rows = query !== undefined && query.trim() !== '' ? this.directory.search(query, groupId) : groupId !== undefined ? this.directory.inGroup(groupId) : [];
    return this.views.children(rows, today);
  }

  childDetail(childId: string, today: string): Result<ChildDetail> {
    const row = this.directory.child(childId);
    return row ? ok(this.views.detail(row, today)) : fail('INVALID_REQUEST', `no child ${childId}`);
  }

  /** A staff member records an arrival or a departure by hand, with the reason (override-service.ts). */
  override(member: StaffMember, request: OverrideRequest, at: LocalTime): Result<RequestValue<'staffOverride'>> {
    const recorded = this.overrides.record(member, request, at);
    if (!recorded.ok) return recorded;
    const child = this.directory.child(request.childId);
    return ok({ eventId: recorded.value.id, childFirstName: child?.first_name ?? '', kind: request.kind, at: at.hhmm });
  }

  dayEvents(today: string, viewer: StaffMember, childId?: string): DayEvent[] {
    return this.views.dayEvents(today, viewer, childId);
  }

  /** Withdraws a recorded event or absence, on record with the reason (nothing is deleted). */
  correct(member: StaffMember, target: CorrectionTarget, reason: string, at: LocalTime): Result<{ correctionId: string }> {
    return this.corrections.correct(member, target, reason, at);
  }

  markAbsence(member: StaffMember, request: AbsenceRequest, at: LocalTime): Result<RequestValue<'staffMarkAbsence'>> {
    const marked = this.absences.mark(member, request, at);
    if (!marked.ok) return marked;
    const row = this.directory.child(request.childId);
    return row ? ok({ absenceId: marked.value.absenceId, detail: this.views.detail(row, at.localDate) }) : fail('INTERNAL');
  }

  holidayCheck(childId: string, firstDate: string, lastDate: string): Result<RequestValue<'staffHolidayCheck'>> {
    if (!this.directory.child(childId)) return fail('INVALID_REQUEST', `no child ${childId}`);
    return ok({ warnings: this.views.holidayWarnings(childId, firstDate, lastDate) });
  }

  /** Today's cut-off snapshot if taken (with the time it really counted), and the count right now. */
  headcount(at: LocalTime): HeadcountView {
    return this.headcounts.view(this.settings.get('headcountCutOff'), at);
  }

  takeHeadcount(member: StaffMember, at: LocalTime): Headcount {
    return this.headcounts.take(member, at, this.settings.get('headcountCutOff'));
  }

  /** Who is in the building on that day: the count per group and each child since when (the admin's today). */
  inBuilding(today: string): { groups: HeadcountGroup[]; present: PresentChild[] } {
    return { groups: this.headcounts.live(today), present: this.views.present(today) };
  }

  /** Closing time: the children still checked in, with their companions, for staff to resolve one by one. */
  closingList(at: LocalTime): RequestValue<'staffClosing'> {
    const closingTime = this.settings.get('closingTime');
    const still = this.closing.stillIn(at.localDate);
    const views = this.views.children(
      still.map((s) => s.child),
      at.localDate,
    );
    return {
      closingTime,
      passed: at.hhmm >= closingTime,
      children: still.map((s, i) => ({ child: views[i]!, companions: this.directory.companionsOf(s.child.id), stillHereNote: s.stillHereNote })),
    };
  }

  resolveClosing(member: StaffMember, childId: string, outcome: ClosingOutcome, at: LocalTime): Result<{ eventId: string | null }> {
    return this.closing.resolve(member, childId, outcome, at);
  }

  /**
   * Children back after a long absence whom nobody has asked about the certificate yet. Today's arrivals are looked at
   * first (each child once a day), so a tap a moment ago is here without waiting for the next tick.
   */
  returnChecks(at: LocalTime): ReturnCheck[] {
    this.returns.scan(at);
    return this.returns.pending();
  }

  markCertificate(member: StaffMember, checkId: string, outcome: CertificateOutcome, at: LocalTime): Result<{ check: ReturnCheck }> {
    return this.returns.mark(member, checkId, outcome, at);
  }

  /** For an admin: the returns whose certificate is missing or was never asked for. */
  returnsWithoutCertificate(): ReturnCheck[] {
    return this.returns.withoutCertificate();
  }

  /** A past day of a group to enter from the paper list (the kiosk was down), as of `today`. */
  paperDay(groupId: string, date: string, today: string): PaperDayRoll {
    return this.paperDays.roll(groupId, date, today);
  }

  savePaperDay(member: StaffMember, groupId: string, date: string, present: readonly string[], at: LocalTime): PaperDaySaveOutcome {
    return this.paperDays.save(member, groupId, date, present, at);
  }

  /** Every account with its PIN, cards and lock, for an admin. */
  staffAccounts(at: LocalTime): StaffAccount[] {
    return this.accountAdmin.list(at);
  }

  /** An admin sets or resets a member's PIN (their own PIN asked again for another admin's). */
  setPin(admin: StaffMember, staffId: string, pin: string, adminPin: string | undefined, at: LocalTime, channel: SignInChannel): Promise<Result<PinSetOutcome>> {
    return this.accountAdmin.setPin(admin, staffId, pin, adminPin, at, channel);
  }

  /**
   * A signed-in member confirms a weighty act (an admin archiving a year) with their own PIN again, checked like a
   * sign-in: a wrong one counts towards the lock and is on record.
   */
  async confirmOwnPin(member: StaffMember, pin: string, at: LocalTime, channel: SignInChannel): Promise<{ outcome: 'confirmed' } | { outcome: 'wrong-pin'; attemptsLeft: number } | { outcome: 'locked'; until: string }> {
    const check = await this.accounts.checkPin(member.id, pin, 'confirm', channel, at);
    if (check.outcome === 'signed-in') return { outcome: 'confirmed' };
    if (check.outcome === 'unknown') return { outcome: 'wrong-pin', attemptsLeft: 0 };
    return check;
  }

  async changeOwnPin(member: StaffMember, oldPin: string, newPin: string, at: LocalTime, channel: SignInChannel): Promise<Result<PinChangeOutcome>> {
    const changed = await this.accountAdmin.changeOwnPin(member, oldPin, newPin, at, channel);
    // Her own change, made here: her sessions go on under the new PIN (only one set elsewhere ends them).
    if (changed.ok && changed.value.outcome === 'changed') this.sessions.restamp(member.id, this.pinStampOf(member.id));
    return changed;
  }

  enrolStaffCard(admin: StaffMember, staffId: string, raw: string, source: CardSource, at: LocalTime): Result<CardEnrolOutcome> {
    return this.accountAdmin.enrolCard(admin, staffId, raw, source, at);
  }

  withdrawStaffCard(admin: StaffMember, cardId: string, at: LocalTime): Result<Record<string, never>> {
    return this.accountAdmin.withdrawCard(admin, cardId, at);
  }

  /** Accounts stopped by an admin (staff-account-admin.ts deactivate); a session of one of them ends at once. */
  deactivateAccounts(admin: StaffMember, staffIds: readonly string[], at: LocalTime, detail: Readonly<Record<string, string>>): Result<{ deactivated: string[] }> {
    const done = this.accountAdmin.deactivate(admin, staffIds, at, detail);
    if (!done.ok) return done;
    const stopped = new Set(done.value.deactivated);
    const ended = this.sessions.endWhere((member) => stopped.has(member.id));
    for (const { sessionId, member } of ended) this.ledger.commit({ audit: [this.audit.entry('sign-out', member.id, at, { why: 'deactivated' }, sessionId)] });
    return done;
  }

  unlock(admin: StaffMember, staffId: string, at: LocalTime): Result<Record<string, never>> {
    return this.accountAdmin.unlock(admin, staffId, at);
  }

  /** The member's stored PIN as a session remembers it (the hash as hex; null: none). */
  private pinStampOf(staffId: string): string | null {
    return this.options.db.prepare<[string], string>('SELECT hex(hash) FROM staff_pins WHERE staff_id = ?').pluck().get(staffId) ?? null;
  }

  private openSession(member: StaffMember, at: LocalTime, via: string, channel: SignInChannel): StaffSession {
    const sessionId = this.sessions.open(member, channel, at.ms, this.pinStampOf(member.id));
    this.ledger.commit({ audit: [this.audit.entry('sign-in', member.id, at, { via, role: member.role }, sessionId)] });
    return { sessionId, staff: member, idleSeconds: this.settings.get('staffIdleSeconds'), consoleIdleSeconds: this.consoleIdleSeconds(member) };
  }

  /** An admin may open the console, whose limit is its own; never shorter than the door's, whatever the settings say. */
  private consoleIdleSeconds(member: StaffMember): number | null {
    if (member.role !== 'admin') return null;
    return Math.max(this.settings.get('consoleIdleSeconds'), this.settings.get('staffIdleSeconds'));
  }

  /**
   * The core cannot see which screen is up, so an admin's session lives as long as the console allows; the staff
   * screens at the door still return after staffIdleSeconds (their UI signs out by itself, on record as a timeout).
   */
  private readonly idleMs = (member: StaffMember): number => (this.consoleIdleSeconds(member) ?? this.settings.get('staffIdleSeconds')) * 1000;

  /** The PIN pepper a pairing code gives a new computer of the group (docs/peers.md §3): this machine's own. */
  groupPepper(): Buffer {
    return this.readPepper();
  }

  /** This machine joined a group: its PINs are the group's, checked with the group's pepper from now on. */
  adoptGroupPepper(pepper: Buffer): void {
    const aside = adoptPinPepper(this.options.secrets, pepper, { dataDir: this.options.dataDir, nowMs: this.options.clock.now().getTime() });
    if (aside !== null) this.options.report?.(`[staff] this computer's own PIN pepper was set aside in ${aside}: the group's checks PINs here now`);
    this.pepper = Buffer.from(pepper);
  }

  private readPepper(): Buffer {
    // Made only while no PIN exists: a new pepper would silently orphan PINs already set.
    this.pepper ??= ensurePinPepper(
      this.options.secrets,
      this.options.dataDir,
      this.options.db.prepare('SELECT 1 FROM staff_pins LIMIT 1').get() === undefined,
      this.options.report,
    );
    return this.pepper;
  }
}
