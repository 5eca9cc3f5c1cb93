// The admin console's side of the core over one database: the log, the refused attempts, today, the табель with its
// calendar transfers and exports. Reads what the door and the staff desk wrote; writes only its own tables. The admin
// handlers get one method per request; the services stay inside.
import type { Database } from 'better-sqlite3';
import type { DoorSettings } from '../../../shared/admin/door-settings.js';
import type { ExportFormat, KioskRules, LogCursor, LogFilter, QrCardHolder, RefusedFilter, Transfer } from '../../../shared/admin/admin-contract.js';
import type { TabelSheet } from '../../../shared/admin/tabel.js';
import type { NeverComeChild, NeverComeList } from '../../../shared/admin/never-come-contract.js';
import type { TransferKind } from '../../../shared/admin/work-calendar.js';
import type { RequestValue } from '../../../shared/api/contract.js';
import type { NeverComeCountRecord } from '../../../shared/sync/protocol.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { toLocalTime, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import type { ClockCheck } from '../../../shared/admin/time-zone-contract.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import type { ArchivedYear, ArchiveOverview, ArchiveYearOutcome } from '../../../shared/admin/archive-contract.js';
import { YearArchive, type ArchivedYear as ArchivedYearState } from '../ledger/archive/year-archive.js';
import type { KioskShellState, LeaveKioskOutcome } from '../../../shared/admin/kiosk-shell-contract.js';
import { KioskShell, type KioskShellControl } from './kiosk-shell.js';
import type { QrSigner } from '../credentials/qr-issuer.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import type { StaffDesk } from '../staff/staff-desk.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { CalendarTransfers } from './calendar-transfers.js';
import { DoorSettingsStore } from './door-settings-store.js';
import { saveExportAs, type SaveFileAs } from './export/save-export.js';
import type { ExportedFile } from './export/exports-dir.js';
import { exportTabel, exportWholeTabel } from './export/tabel-export.js';
import { exportAct, monthlyAct } from './export/act-export.js';
import { exportMeals, monthlyMeals } from './export/meal-export.js';
import { MealSettingsStore } from './meal-settings-store.js';
import type { MealExportOutcome, MealSettings } from '../../../shared/admin/meal-contract.js';
import { KioskRulesStore } from './kiosk-rules.js';
import { NeverComeFinder } from './never-come-list.js';
import { NeverComeCounts } from './never-come-counts.js';
import { QrCards } from './qr-cards.js';
import { LogQuery, type LogPage } from './log-query.js';
import { RefusedLog } from './refused-log.js';
import { RefusedCards } from './refused-card.js';
import { TabelService } from './tabel-service.js';
import { todayView, type TodayView } from './today-view.js';
import { TimeZoneSetting } from './time-zone-setting.js';

/** The табель's month counts the staff desk is built with (staff/staff-views.ts MonthCounts): the admin floor gives them. */
export { monthCountsOf } from './tabel-service.js';

export interface AdminDeskOptions {
  db: Database;
  /** The staff side: the groups and who is in the building (the log's filters, today at a glance). */
  staff: StaffDesk;
  /** This kiosk's device id: its own events are queued for the city, the others came from peers. */
  deviceId: string;
  /** The door's settings (the admin's settings screen changes some of them). */
  settings: SettingsStore;
  /** The data folder: exports are written into its exports/ folder. */
  dataDir: string;
  kindergartenName: () => string;
  /** The kindergarten the printed QR cards are for (the roster's); null before the kiosk has one. */
  kindergartenId: () => string | null;
  /** This kiosk's QR signing key, or null when its key file cannot be read. */
  qrSigner: () => QrSigner | null;
  /** Where local days are told now (time/clock.ts zoneOf): the kindergarten's zone, or a test's fixed offset. */
  zone: () => LocalZone | undefined;
  /** The kindergarten's time zone changed (after the commit): the status follows. */
  onTimeZone?: (zone: string) => void;
  /** The door's settings changed (after the commit): the status and the HID readers follow. */
  onDoorSettings: (settings: DoorSettings, changed: readonly (keyof DoorSettings)[]) => void;
  /** The Electron shell's save dialog for exports; absent in the web host, whose browser downloads them. */
  saveFileAs?: SaveFileAs | null;
  /**
   * The yearly archive's proof runs in the full check's worker (workerScript; null or absent: this thread, for tests),
   * opening files with the runtime's SQLite binding; its lines go to `log`.
   */
  archive?: { nativeBinding: string | null; workerScript: string | URL | null; log: (line: string) => void };
  /** What the shell lets the console do (leave the kiosk, its login item); absent or null: nothing (tests). */
  kioskShell?: KioskShellControl | null;
  log?: (line: string) => void;
}

export class AdminDesk {
  private readonly audit: AdminAudit;
  private readonly calendar: CalendarTransfers;
  private readonly log: LogQuery;
  private readonly refused: RefusedLog;
  private readonly tabels: TabelService;
  private readonly rules: KioskRulesStore;
  private readonly neverComeFinder: NeverComeFinder;
  private readonly neverComeCounts: NeverComeCounts;
  private readonly door: DoorSettingsStore;
  private readonly qrCards: QrCards;
  private readonly years: YearArchive;
  private readonly timeZone: TimeZoneSetting;
  private readonly shell: KioskShell;
  private readonly meals: MealSettingsStore;

  constructor(private readonly options: AdminDeskOptions) {
    const { db } = options;
    this.audit = new AdminAudit(db);
    this.calendar = new CalendarTransfers(db, this.audit);
    this.log = new LogQuery(db, options.deviceId);
    this.refused = new RefusedLog(db, new RefusedCards(db, () => options.settings.get('keyboardReader').displayFormat));
    this.tabels = new TabelService({
      db,
      zone: options.zone,
      transfers: this.calendar,
      unexcusedLimit: () => options.settings.get('unexcusedDaysPerMonth'),
      sickDaysWithoutCertificate: () => options.settings.get('sickDaysWithoutCertificate'),
      kindergartenName: options.kindergartenName,
    });
    this.rules = new KioskRulesStore({ db, settings: options.settings, audit: this.audit });
    this.meals = new MealSettingsStore({ db, settings: options.settings, audit: this.audit });
    this.neverComeFinder = new NeverComeFinder({ db, tabels: this.tabels, afterDays: () => options.settings.get('neverComeAfterDays') });
    this.neverComeCounts = new NeverComeCounts({
      db,
      deviceId: options.deviceId,
      list: (through, asOf) => this.neverComeFinder.list(through, asOf),
      afterDays: () => options.settings.get('neverComeAfterDays'),
      recordsSince: () => this.tabels.recordsSince(),
      isDoor: () => options.settings.get('machineRole') === 'door',
    });
    this.door = new DoorSettingsStore({ db, door: options.settings, audit: this.audit, onChanged: options.onDoorSettings });
    this.qrCards = new QrCards({
      db,
      audit: this.audit,
      dataDir: options.dataDir,
      signer: options.qrSigner,
      kindergarten: () => {
        const id = options.kindergartenId();
        return id === null ? null : { id, name: options.kindergartenName() };
      },
    });
    this.timeZone = new TimeZoneSetting({ db, settings: options.settings, audit: this.audit, onChanged: (zone) => options.onTimeZone?.(zone) });
    this.years = new YearArchive({
      db,
      audit: this.audit,
      databasePath: db.name,
      dataDir: options.dataDir,
      deviceId: options.deviceId,
      nativeBinding: options.archive?.nativeBinding ?? null,
      workerScript: options.archive?.workerScript ?? null,
      log: options.archive?.log ?? (() => undefined),
    });
    this.shell = new KioskShell({ db, dataDir: options.dataDir, settings: options.settings, audit: this.audit, staff: options.staff, control: options.kioskShell ?? null, log: options.log ?? (() => undefined) });
  }

  kioskShell(): KioskShellState {
    return this.shell.state();
  }

  /** Closes the kiosk once the admin's own PIN is given again (the shell quits a moment after answering). */
  leaveKiosk(member: StaffMember, pin: string, at: LocalTime, channel: SignInChannel): Promise<LeaveKioskOutcome> {
    return this.shell.leave(member, pin, at, channel);
  }

  setStartAtLogin(staffId: string, on: boolean, at: LocalTime): KioskShellState {
    return this.shell.setStartAtLogin(staffId, on, at);
  }

  /** Stops an archive being written between its steps (the kiosk closing); nothing is moved then. The monthly count's check ends. */
  stop(): void {
    this.years.stop();
    this.neverComeCounts.stop();
  }

  /** The years due under the five-year policy and the archived years (docs/retention.md). */
  archiveOverview(today: string): ArchiveOverview {
    const overview = this.years.overview(today);
    return { ...overview, archived: overview.archived.map((a) => this.archivedYear(a)) };
  }

  /** Archives a due year once the admin's own PIN is given again; a wrong PIN answers its outcome and moves nothing. */
  async archiveYear(member: StaffMember, year: number, pin: string, at: LocalTime, channel: SignInChannel): Promise<Result<ArchiveYearOutcome>> {
    const confirmed = await this.options.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const archived = await this.years.archive(year, member.id, at);
    return archived.ok ? ok({ outcome: 'archived', year: this.archivedYear(archived.value) }) : archived;
  }

  async verifyArchive(year: number, at: LocalTime): Promise<Result<ArchivedYear>> {
    const checked = await this.years.verify(year, at.ms);
    return checked.ok ? ok(this.archivedYear(checked.value)) : checked;
  }

  private archivedYear({ boundary: b, check }: ArchivedYearState): ArchivedYear {
    const staffName =
      this.options.db.prepare<[string], string>("SELECT trim(first_name || ' ' || last_name) FROM staff WHERE id = ?").pluck().get(b.staffId) ?? b.staffId;
    return {
      year: b.year,
      fileName: b.fileName,
      sha256: b.sha256,
      bytes: b.bytes,
      firstSeq: b.firstSeq,
      lastSeq: b.lastSeq,
      counts: b.counts,
      archivedAt: b.archivedAt,
      staffName,
      check: check === null ? null : { at: new Date(check.atMs).toISOString(), verified: check.verified, problem: check.problem },
    };
  }

  /** The log's filters: the groups, and every staff member, former ones too (the log reaches back to their records). */
  logOptions(): RequestValue<'adminLogOptions'> {
    const staff = this.options.db
      .prepare<[], { id: string; name: string }>(`SELECT id, trim(first_name || ' ' || last_name) AS name FROM staff ORDER BY active DESC, first_name, last_name`)
      .all();
    return { groups: this.options.staff.groups(), staff };
  }

  logPage(filter: LogFilter, cursor: LogCursor | null, limit: number): LogPage {
    return this.log.page(filter, cursor, limit);
  }

  refusedPage(filter: RefusedFilter, cursor: LogCursor | null, limit: number): RequestValue<'adminRefused'> {
    return this.refused.page(filter, cursor, limit);
  }

  today(at: LocalTime): TodayView {
    const { staff } = this.options;
    return todayView({ inBuilding: staff.inBuilding(at.localDate), headcount: staff.headcount(at), log: this.log, refused: this.refused }, at.localDate);
  }

  /** A group's табель for a month as of a day; null for a group that does not exist. */
  tabel(groupId: string, month: string, asOf: string, language: Language): TabelSheet | null {
    return this.tabels.sheet(groupId, month, asOf, language);
  }

  /** Writes a group's табель into the data folder's exports/, on record in the admin's audit. */
  async exportTabel(member: StaffMember, request: { groupId: string; month: string; format: ExportFormat; language: Language }, at: LocalTime): Promise<Result<ExportedFile>> {
    const { groupId, month, format, language } = request;
    const sheet = this.tabels.sheet(groupId, month, at.localDate, language);
    if (!sheet) return fail('INVALID_REQUEST', `no group ${groupId}`);
    const written = await exportTabel(sheet, format, language, { dataDir: this.options.dataDir, at });
    this.audit.record('tabel-export', member.id, at, { groupId, month, format, language, fileName: written.fileName });
    return ok(written);
  }

  /** Writes the month's act of completed work for every group into the data folder's exports/, on record in the audit. */
  async exportAct(member: StaffMember, request: { month: string; format: 'xlsx' | 'pdf'; language: Language }, at: LocalTime): Promise<Result<ExportedFile>> {
    const { month, format, language } = request;
    const { settings } = this.options;
    const act = monthlyAct({ db: this.options.db, tabels: this.tabels, kindergartenName: this.options.kindergartenName() }, month, at.localDate, {
      normTenge: settings.get('perCapitaNormTenge'),
      rule: settings.get('actEarnedRule'),
      countedReasons: settings.get('actCountedReasons'),
    }, language);
    const written = await exportAct(act, format, language, { dataDir: this.options.dataDir, at });
    // On record as a табель export (the act is the табель's totals), marked as the act.
    this.audit.record('tabel-export', member.id, at, { document: 'act', month, format, language, fileName: written.fileName, earnedTenge: act.total.earnedTenge });
    return ok(written);
  }

  mealSettings(): MealSettings {
    return this.meals.get();
  }

  changeMealSettings(staffId: string, change: Partial<MealSettings>, at: LocalTime): MealSettings {
    return this.meals.change(staffId, change, at);
  }

  /**
   * Writes the month's meal invoices (PDF, a page per family) or the accountant's list (XLSX) into exports/, on record in
   * the audit. Refused in words while the daily fee is not set: an invoice of 0 ₸ would be no invoice.
   */
  async exportMealInvoices(member: StaffMember, request: { month: string; format: 'xlsx' | 'pdf'; language: Language }, at: LocalTime): Promise<MealExportOutcome> {
    const { month, format, language } = request;
    const details = this.meals.get();
    if (details.mealFeeTengePerDay <= 0) return { outcome: 'fee-not-set' };
    const meals = monthlyMeals({ db: this.options.db, tabels: this.tabels }, month, at.localDate, details.mealFeeTengePerDay, language);
    const kindergarten = { name: this.options.kindergartenName(), address: details.kindergartenAddress, bin: details.kindergartenBin, iban: details.kindergartenIban, bank: details.kindergartenBank };
    const written = await exportMeals(meals, kindergarten, format, language, { dataDir: this.options.dataDir, at });
    if (!written) return { outcome: 'nothing-to-invoice' };
    // On record as a табель export (the invoices are the табель's days attended), marked as the meal invoices.
    this.audit.record('tabel-export', member.id, at, { document: format === 'pdf' ? 'meal-invoices' : 'meal-list', month, format, language, fileName: written.fileName, totalTenge: meals.totalTenge });
    return { outcome: 'exported', ...written };
  }

  /** Writes every group's табель of a month into one file in exports/, on record in the admin's audit. */
  async exportWholeTabel(member: StaffMember, request: { month: string; format: 'xlsx' | 'pdf'; language: Language }, at: LocalTime): Promise<Result<ExportedFile>> {
    const { month, format, language } = request;
    const sheets = this.tabels.allSheets(month, at.localDate, language);
    if (sheets.length === 0) return fail('INVALID_REQUEST', 'no groups');
    const written = await exportWholeTabel(month, sheets, format, language, { dataDir: this.options.dataDir, at });
    this.audit.record('tabel-export', member.id, at, { groupId: null, month, format, language, fileName: written.fileName });
    return ok(written);
  }

  /** An export copied where the admin chooses (the Electron shell's dialog); the web host's browser downloads it instead. */
  saveExport(fileName: string): Promise<Result<{ savedTo: string | null }>> {
    return saveExportAs(this.options.dataDir, fileName, this.options.saveFileAs ?? null);
  }

  qrCardHolders(): QrCardHolder[] {
    return this.qrCards.holders();
  }

  printQrCards(staffId: string, companionIds: readonly string[], language: Language, at: LocalTime): Promise<Result<ExportedFile>> {
    return this.qrCards.print(staffId, companionIds, language, at);
  }

  /** The children on the roll who have not come for the setting's school days, counted back from today. */
  neverCome(today: string): NeverComeList {
    return { asOf: today, afterDays: this.options.settings.get('neverComeAfterDays'), children: this.neverComeAsOf(today, today) };
  }

  /** The list counted back from `through`, with `asOf` the табель's first day not over (the month's count: the day after). */
  neverComeAsOf(through: string, asOf: string): NeverComeChild[] {
    return this.neverComeFinder.list(through, asOf);
  }

  /** The month before `at`'s never-come count for the city, if due and not yet queued (never-come-counts.ts). */
  countNeverComeIfDue(at: LocalTime): NeverComeCountRecord | null {
    return this.neverComeCounts.countIfDue(at);
  }

  /** Starts the monthly count's check (the kiosk's background work); stop() ends it. */
  startNeverComeCounts(now: () => Date, report: (line: string) => void): void {
    this.neverComeCounts.start(() => toLocalTime(now(), this.options.zone()), report);
  }

  kioskRules(): KioskRules {
    return this.rules.get();
  }

  changeKioskRules(staffId: string, change: Partial<KioskRules>, at: LocalTime): KioskRules {
    return this.rules.change(staffId, change, at);
  }

  doorSettings(): DoorSettings {
    return this.door.get();
  }

  /** Changes the door's settings on record; the core hears of it after the commit (onDoorSettings). */
  changeDoorSettings(staffId: string, change: Partial<DoorSettings>, at: LocalTime): DoorSettings {
    return this.door.change(staffId, change, at);
  }

  /** The kindergarten's zone and the clock checks the console warns with. */
  clock(nowMs: number): ClockCheck {
    return this.timeZone.check(nowMs);
  }

  /** Sets the kindergarten's time zone, on record in the admin's audit. */
  setTimeZone(staffId: string, zone: string, at: LocalTime): Result<ClockCheck> {
    return this.timeZone.set(staffId, zone, at);
  }

  transfers(month: string): Transfer[] {
    return this.calendar.inMonth(month);
  }

  /** Moves a working day or a day off (or clears the move), and answers that month's transfers. */
  setTransfer(staffId: string, date: string, kind: TransferKind | null, note: string | null, at: LocalTime): Transfer[] {
    this.calendar.set(staffId, date, kind, note, at);
    return this.calendar.inMonth(date.slice(0, 7));
  }
}

export type { SaveFileAs, KioskShellControl };
