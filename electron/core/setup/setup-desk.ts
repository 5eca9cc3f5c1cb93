// The first-run setup as the core keeps it (issue 15 §2): which steps are done, each step's rule, and "start afresh".
// The screen shows the steps and asks; every rule is here. Before the first admin exists the early steps (language,
// name, time zone) need no session, since nobody could have one; once the admin exists every step is theirs alone,
// attributed and audited, and the steps done before are audited under their name when they are created.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource, Language } from '../../../shared/domain/attendance.js';
import { isKnownTimeZone, type LocalTime } from '../../../shared/domain/local-time.js';
import type { CameraTest, CityPreview, MachineRole, MachineRoleOutcome, ReaderTest, SetupView, StartAfreshOutcome, StoredSetup } from '../../../shared/setup/setup-contract.js';
import { SETUP_STEPS } from '../../../shared/setup/setup-contract.js';
import type { FirstAdminOutcome, StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { holdsLocalDemo } from '../roster/demo-kindergarten.js';
import type { StaffDesk } from '../staff/staff-desk.js';
import type { CityDesk } from '../sync/city-desk.js';

export interface SetupDeskOptions {
  db: Database;
  settings: SettingsStore;
  staff: StaffDesk;
  city: CityDesk;
  /** How a keyboard-mode reading is read (the readers' setting); an HID reader's comes already canonical. */
  cardFormat: (source: CardSource) => ReaderFormat | 'canonical';
  /** The format of the HID reader that read this card lately, if one did: shown in the test instead of 'canonical'. */
  hidReaderFormat: (raw: string) => ReaderFormat | null;
  /** The language, the name or the setup's state changed: the door's status follows. */
  changed: () => void;
  /** The role was stored (the first run's question, or the console): the readers and the status follow. */
  roleChanged: (role: MachineRole) => void;
  /** Closes the records, runs `putAside` (which moves the demo's files and says where), and opens an empty kiosk. */
  startAfresh: (putAside: () => string) => Promise<void>;
  /** Moves the demo's records aside in the data folder and returns the folder they went to. */
  putDemoAside: (by: StaffMember) => string;
  log: (line: string) => void;
}

const FRESH: StoredSetup = { languageChosen: false, roleChosen: false, timeZone: null, roster: null, readerTest: null, cameraTest: null, finished: false };

export class SetupDesk {
  private readonly audit: AdminAudit;

  constructor(private readonly o: SetupDeskOptions) {
    this.audit = new AdminAudit(o.db);
  }

  /** The door shows the setup: not the demo, and either nothing set up yet (no kindergarten) or a setup not finished. */
  needed(): boolean {
    // The kiosk's own demo has no setup ("start afresh" first); a demo roster a city sent is that city's kindergarten.
    if (holdsLocalDemo(this.o.db)) return false;
    const stored = this.o.settings.get('firstRunSetup');
    return stored === null ? this.kindergarten() === undefined : !stored.finished;
  }

  view(): SetupView {
    const stored = this.stored();
    const kindergarten = this.kindergarten();
    const adminExists = !this.o.staff.signInOptions().needsFirstAdmin;
    const enrolled = this.o.city.enrolled();
    const count = (sql: string): number => this.o.db.prepare<[], number>(sql).pluck().get() ?? 0;
    const roster = {
      mode: enrolled ? ('city' as const) : stored.roster,
      enrolled,
      groups: count('SELECT COUNT(*) FROM groups'),
      children: count('SELECT COUNT(*) FROM children WHERE active = 1'),
      companions: count('SELECT COUNT(*) FROM companions'),
      cards: count("SELECT COUNT(*) FROM credentials WHERE revoked_at IS NULL AND kind = 'rfid'"),
    };
    const machineRole = this.o.settings.get('machineRole');
    const done: Record<(typeof SETUP_STEPS)[number], boolean> = {
      language: stored.languageChosen,
      // A kiosk set up before the question was a door: finished, it is not asked again.
      role: stored.roleChosen || stored.finished,
      name: (kindergarten?.name ?? '') !== '',
      timeZone: stored.timeZone !== null,
      admin: adminExists,
      roster: roster.mode !== null,
      readers: stored.readerTest !== null,
      checklist: stored.finished,
    };
    return {
      needed: this.needed(),
      demo: holdsLocalDemo(this.o.db),
      // The office has no reader and no camera to test.
      steps: SETUP_STEPS.filter((step) => !(step === 'readers' && machineRole === 'office')).map((step) => ({ step, done: done[step] })),
      language: this.o.settings.get('defaultLanguage'),
      machineRole,
      name: kindergarten?.name ?? null,
      timeZone: stored.timeZone,
      adminExists,
      roster,
      cityPreview: this.o.city.pendingPreview(),
      readerTest: stored.readerTest,
      hidReaders: this.o.settings.get('hidReaders').length,
      cameraChosen: this.o.settings.get('cameraDeviceId') !== null,
      cameraDeviceId: this.o.settings.get('cameraDeviceId'),
      cameraTest: stored.cameraTest,
      finished: stored.finished,
    };
  }

  setLanguage(sessionId: string | undefined, language: Language): Result<SetupView> {
    return this.step(sessionId, 'language', { language }, () => {
      this.o.settings.set('language', language);
      this.o.settings.set('defaultLanguage', language);
      this.save({ ...this.stored(), languageChosen: true });
    });
  }

  /**
   * "This computer is… the door / the office", asked at the first run. Once the setup is finished the role is the
   * console's This computer page's (changeRole: the PIN again, audited as machine-role-set), never this step's.
   */
  setRole(sessionId: string | undefined, role: MachineRole): Result<SetupView> {
    if (this.stored().finished) return fail('STAFF_FORBIDDEN', "the role is changed on the console's This computer page, with the PIN again");
    const view = this.step(sessionId, 'role', { machineRole: role }, () => {
      this.o.settings.set('machineRole', role);
      this.save({ ...this.stored(), roleChosen: true });
    });
    if (view.ok) this.o.roleChanged(role);
    return view;
  }

  /**
   * The role changed later from the console: the admin's own PIN again (checked as a sign-in, its lock included), on
   * record as machine-role-set with what it was. The same role again changes and records nothing.
   */
  async changeRole(member: StaffMember, at: LocalTime, channel: SignInChannel, pin: string, role: MachineRole): Promise<Result<MachineRoleOutcome>> {
    const confirmed = await this.o.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const before = this.o.settings.get('machineRole');
    if (before === role) return ok({ outcome: 'set', machineRole: role });
    this.o.db.transaction(() => {
      this.o.settings.set('machineRole', role);
      this.audit.record('machine-role-set', member.id, at, { from: before, to: role });
    })();
    this.o.log(`[setup] this computer is now ${role === 'office' ? 'the office' : 'a door'} (${member.id})`);
    this.o.roleChanged(role);
    return ok({ outcome: 'set', machineRole: role });
  }

  /**
   * The kindergarten's name: written into its own row (made now on a kiosk that has none), so the door shows it. A
   * city's roster brings its own name later and replaces it.
   */
  setName(sessionId: string | undefined, name: string): Result<SetupView> {
    return this.step(sessionId, 'name', { name }, () => {
      const row = this.kindergarten();
      if (row) this.o.db.prepare('UPDATE kindergarten SET name = ? WHERE id = ?').run(name, row.id);
      else this.o.db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, 0)').run(uuidv7(), name);
      this.save(this.stored());
    });
  }

  setTimeZone(sessionId: string | undefined, timeZone: string): Result<SetupView> {
    if (!isKnownTimeZone(timeZone)) return fail('SETUP_BAD_TIME_ZONE', timeZone);
    // The kindergarten's zone setting itself (every local day and time follows it), and the step marked chosen.
    return this.step(sessionId, 'timeZone', { timeZone }, () => {
      this.o.settings.set('timeZone', timeZone);
      this.save({ ...this.stored(), timeZone });
    });
  }

  /** The first admin (the staff desk's rule: weak PINs refused, only while there is none), and the steps before audited. */
  async createAdmin(firstName: string, lastName: string, pin: string): Promise<Result<FirstAdminOutcome>> {
    const created = await this.o.staff.createFirstAdmin(firstName, lastName, pin);
    if (created.ok && created.value.outcome === 'created') {
      const member = created.value.session.staff;
      const view = this.view();
      this.audit.record('setup-step', member.id, this.o.staff.now(), { step: 'admin', before: { language: view.language, machineRole: view.machineRole, name: view.name, timeZone: view.timeZone } });
      this.save(this.stored());
    }
    return created;
  }

  async previewCity(member: StaffMember, at: LocalTime, request: { serverUrl: string; code: string }): Promise<Result<CityPreview>> {
    if (this.o.city.enrolled()) return fail('SETUP_ROSTER_ENROLLED');
    const preview = await this.o.city.previewEnrollment(request);
    this.audit.record('setup-step', member.id, at, { step: 'roster', city: 'shown', serverUrl: request.serverUrl.slice(0, 2048), ok: preview.ok, ...(preview.ok ? {} : { code: preview.error.code }) });
    return preview;
  }

  async acceptCity(member: StaffMember, at: LocalTime): Promise<Result<SetupView>> {
    const preview = this.o.city.pendingPreview();
    const accepted = await this.o.city.acceptEnrollment();
    if (!accepted.ok) return accepted;
    this.audit.record('setup-step', member.id, at, { step: 'roster', city: 'accepted', serverUrl: preview?.serverUrl ?? null, kindergartenId: accepted.value.kindergartenId, rosterLoaded: accepted.value.rosterLoaded });
    this.save({ ...this.stored(), roster: 'city' });
    return ok(this.view());
  }

  rejectCity(member: StaffMember, at: LocalTime): Result<SetupView> {
    const preview = this.o.city.pendingPreview();
    this.o.city.dropEnrollment();
    if (preview) this.audit.record('setup-step', member.id, at, { step: 'roster', city: 'not-this-one', serverUrl: preview.serverUrl, kindergarten: preview.kindergartenName });
    return ok(this.view());
  }

  /**
   * Working on its own. Not once enrolled: the city keeps this kiosk's records and sends its roster, and a kiosk that
   * stopped taking it would drift from the city's books while its records still went there.
   */
  chooseOwn(member: StaffMember, at: LocalTime): Result<SetupView> {
    if (this.o.city.enrolled()) return fail('SETUP_ROSTER_ENROLLED');
    this.o.city.dropEnrollment();
    this.audit.record('setup-step', member.id, at, { step: 'roster', mode: 'own' });
    this.save({ ...this.stored(), roster: 'own' });
    return ok(this.view());
  }

  /** A card tapped in the readers step: read as the door would read it, and kept as the step's proof. */
  readerTest(member: StaffMember, at: LocalTime, raw: string, source: CardSource): Result<ReaderTest> {
    const card = normalizeCardNumber(raw, this.o.cardFormat(source));
    if (!card) return fail('SETUP_NOT_A_CARD');
    const readerFormat = (source === 'hid' ? this.o.hidReaderFormat(raw) : null) ?? this.o.cardFormat(source);
    const test: ReaderTest = { canonical: card.canonical, kind: card.kind, partial: card.partial, source, readerFormat };
    this.audit.record('setup-step', member.id, at, { step: 'readers', source, kind: card.kind, readerFormat });
    this.save({ ...this.stored(), readerTest: test });
    return ok(test);
  }

  /** What the camera's live preview found, kept for the checklist; audited when it changes (a problem may repeat). */
  cameraTest(member: StaffMember, at: LocalTime, outcome: CameraTest): Result<SetupView> {
    const stored = this.stored();
    if (stored.cameraTest === outcome) return ok(this.view());
    this.audit.record('setup-step', member.id, at, { step: 'camera', outcome });
    this.save({ ...stored, cameraTest: outcome });
    return ok(this.view());
  }

  /**
   * The checklist done. The first time, on the door, the setup's session ends with it: the door opens on its idle
   * screen with nobody signed in, and a session left open there would take the next HID card to the staff screens.
   */
  finish(member: StaffMember, at: LocalTime, sessionId: string): Result<SetupView> {
    const first = !this.stored().finished;
    const view = this.view();
    this.audit.record('setup-step', member.id, at, { step: 'checklist', finished: true, notDone: view.steps.filter((s) => !s.done && s.step !== 'checklist').map((s) => s.step) });
    this.save({ ...this.stored(), finished: true });
    if (first) this.o.staff.signOut(sessionId, 'button');
    return ok(this.view());
  }

  /**
   * "Start afresh": only from the kiosk's own demo, with the admin's PIN again. The demo's records are kept, renamed
   * aside in the data folder; the kiosk opens an empty database (a new device id) on the setup.
   */
  async startAfresh(member: StaffMember, at: LocalTime, channel: SignInChannel, pin: string): Promise<Result<StartAfreshOutcome>> {
    if (!holdsLocalDemo(this.o.db)) return fail('AFRESH_NOT_DEMO');
    const confirmed = await this.o.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const deviceId = this.o.db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? null;
    // In the demo's own trail, which goes aside with it: who put it aside and when.
    this.audit.record('start-afresh', member.id, at, { deviceId });
    let setAside = '';
    await this.o.startAfresh(() => {
      setAside = this.o.putDemoAside(member);
      return setAside;
    });
    this.o.log(`[setup] the demo was put aside in ${setAside} by ${member.id}; an empty kiosk opens on the setup`);
    return ok({ outcome: 'started', setAside });
  }

  /**
   * A step before the admin exists needs no session; after, an admin's live one. The change is audited when it is
   * theirs (before, createAdmin audits the values as they stand).
   */
  private step(sessionId: string | undefined, step: string, detail: Record<string, unknown>, change: () => void): Result<SetupView> {
    let admin: { member: StaffMember; at: LocalTime } | null = null;
    if (!this.o.staff.signInOptions().needsFirstAdmin) {
      if (sessionId === undefined) return fail('STAFF_SESSION_ENDED', 'the first admin exists: setup steps are theirs');
      const session = this.o.staff.session(sessionId);
      if (!session.ok) return session.result;
      if (session.member.role !== 'admin') return fail('STAFF_FORBIDDEN', 'setup is for admins');
      admin = { member: session.member, at: session.at };
    }
    this.o.db.transaction(() => {
      change();
      if (admin) this.audit.record('setup-step', admin.member.id, admin.at, { step, ...detail });
    })();
    this.o.changed();
    return ok(this.view());
  }

  private stored(): StoredSetup {
    return this.o.settings.get('firstRunSetup') ?? FRESH;
  }

  private save(state: StoredSetup): void {
    this.o.settings.set('firstRunSetup', state);
    this.o.changed();
  }

  private kindergarten(): { id: string; name: string; demo: number } | undefined {
    return this.o.db.prepare<[], { id: string; name: string; demo: number }>('SELECT id, name, demo FROM kindergarten LIMIT 1').get();
  }
}
