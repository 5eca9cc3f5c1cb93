// The city's roster into the kiosk's roster tables: a snapshot replaces them, a delta upserts and removes rows —
// either one in ONE transaction together with the new cursor, so a crash, a constraint the city's data breaks or a
// malformed reply leaves the roster exactly as it was and the cursor where it was (the same reply comes again).
//
// Removing a row the append-only history points at. attendance_events (and the staff records of migration 0004:
// absences, closing resolutions, overrides' reasons, the staff audit…) reference children, companions, credentials
// and staff, and can never change. So a removed row is deleted only when nothing refers to it; otherwise it stays,
// made inert, so that the history keeps naming who it was:
//   - a child is deactivated (active = 0): the door and the staff lists show only active children, while the
//     табель of past months still finds the name;
//   - a credential is revoked (revoked_at set), so the card or QR is refused at the door;
//   - a companion loses their links and credentials (refused as NO_CHILDREN / revoked), the row stays;
//   - a staff member is deactivated (staff sign-in reads only active staff);
//   - a group stays while a kept child is still in it.
// "Is it referenced?" is asked of SQLite itself: the DELETE is tried and a foreign-key failure (which undoes only that
// statement) means "keep". Every table a later migration adds with a reference is covered without a list to update.
// A row that comes back in a later roster is simply upserted again (active once more, new values).
import type { Database, Statement } from 'better-sqlite3';
import type { Roster } from '../../../shared/domain/roster.js';
import { RosterReplySchema, type CityKey, type CitySettings, type RosterDelta, type RosterReply, type RosterSnapshot } from '../../../shared/sync/protocol.js';
import { credentialsAwaitingCity, enrolmentsRefusedByCity } from './card-awaiting-city.js';
import { ChildEnrolments } from './child-enrolments.js';
import { rosterRowKey, rosterRowsAwaitingCity, type RosterEntityName } from './roster-awaiting-city.js';
import { linkKeyOf } from '../../../shared/domain/roster-change.js';
import { toLocalTime, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import { TrustedKeys } from '../credentials/trusted-keys.js';
import { StaffAudit } from '../ledger/staff-audit.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

type Group = Roster['groups'][number];
type Child = Roster['children'][number];
type Companion = Roster['companions'][number];
type Link = Roster['links'][number];
type Credential = Roster['credentials'][number];
type Staff = Roster['staff'][number];
type LinkKey = Pick<Link, 'companionId' | 'childId'>;

/** Why a roster was refused, as the sync status tells staff (RosterProblemCode). */
export type RosterRefusal = 'SYNC_MALFORMED' | 'ROSTER_BAD_CARD' | 'ROSTER_INCONSISTENT' | 'ROSTER_OTHER_KINDERGARTEN';

/** A roster reply the kiosk would not apply; nothing of it was written. */
export class RosterRejectedError extends Error {
  constructor(
    message: string,
    options?: { cause?: unknown },
    readonly code: RosterRefusal = 'ROSTER_INCONSISTENT',
  ) {
    super(message, options);
    this.name = 'RosterRejectedError';
  }
}

export interface RosterApplyContext {
  now: Date;
  /** The kindergarten the kiosk enrolled with; a snapshot of another one is refused. Null when not enrolled. */
  kindergartenId: string | null;
  /**
   * The credentials whose change was still waiting for the city when the roster was REQUESTED (credentialsAwaitingCity,
   * read before the request). The push worker may have the change acknowledged while the roster is on its way: the
   * roster was made before the city applied it, yet a read at apply time no longer counts it as waiting, and the roster
   * would undo it (a card revoked here live again until the next pull). The apply keeps both this list and its own.
   */
  awaitingCityAtRequest?: ReadonlySet<string>;
  /** The same for the roster rows edited here (rosterRowsAwaitingCity, read before the request). */
  rosterAwaitingCityAtRequest?: ReadonlySet<string>;
  /** Where the staff audit's local times are told (the kiosk clock's zone); the machine's own zone when absent. */
  zone?: LocalZone;
}

export interface RosterApplied {
  kind: 'snapshot' | 'delta';
  /** The cursor now stored: the reply's, or the one before it when a row was deferred ('' when there was none). */
  cursor: string;
  /** Rows inserted or changed (links and city keys included); a row sent again unchanged is not written. */
  upserted: number;
  /** Rows deleted. */
  removed: number;
  /** Rows the roster removed that history still names: deactivated, revoked or kept as they were. */
  kept: number;
  /**
   * The city's credentials left out for now: their number is a card enrolled here the city has not answered yet. The
   * cursor then stays where it was, so the next pull brings them again (by then the city has refused that enrolment).
   */
  deferred: number;
  /** What the pull should log: staff cards withdrawn for a companion's card, city rows deferred. */
  notes: string[];
}

interface Removals {
  groups: string[];
  children: string[];
  companions: string[];
  links: LinkKey[];
  credentials: string[];
  staff: string[];
  cityKeys: string[];
}

/** Validates a roster reply and applies it with its cursor, all or nothing. Throws RosterRejectedError. */
export function applyRosterReply(db: Database, raw: unknown, context: RosterApplyContext): RosterApplied {
  const parsed = RosterReplySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new RosterRejectedError(`the roster does not match the protocol: ${issues.slice(0, 500)}`, undefined, 'SYNC_MALFORMED');
  }
  const reply: RosterReply = parsed.data;
  if (reply.kind === 'snapshot' && context.kindergartenId !== null && reply.roster.kindergarten.id !== context.kindergartenId) {
    throw new RosterRejectedError(
      `the roster is for kindergarten ${reply.roster.kindergarten.id}, this kiosk is enrolled with ${context.kindergartenId}`,
      undefined,
      'ROSTER_OTHER_KINDERGARTEN',
    );
  }
  const badCard = nonCanonicalCard(reply.kind === 'snapshot' ? reply.roster.credentials : (reply.changes.upserts.credentials ?? []));
  if (badCard) throw new RosterRejectedError(badCard, undefined, 'ROSTER_BAD_CARD');
  try {
    return db
      .transaction((): RosterApplied => {
        const tables = new RosterTables(
          db,
          toLocalTime(context.now, context.zone),
          context.awaitingCityAtRequest ?? new Set(),
          context.rosterAwaitingCityAtRequest ?? new Set(),
        );
        if (reply.kind === 'snapshot') tables.applySnapshot(reply.roster);
        else tables.applyDelta(reply.changes);
        const state = new SyncStateStore(db);
        // A deferred row must come again: a delta from the new cursor would never list it.
        if (tables.counts.deferred === 0) state.set(SYNC_KEYS.rosterCursor, reply.cursor);
        const cursor = state.get(SYNC_KEYS.rosterCursor) ?? '';
        return { kind: reply.kind, cursor, ...tables.counts, notes: tables.notes };
      })
      .immediate();
  } catch (error) {
    if (error instanceof RosterRejectedError) throw error;
    // A constraint the city's data broke (a child in an unknown group, one card for two live credentials…).
    if (isSqliteConstraint(error)) throw new RosterRejectedError(`the roster breaks a rule of the kiosk's tables: ${error.message}`, { cause: error });
    throw error;
  }
}

class RosterTables {
  readonly counts = { upserted: 0, removed: 0, kept: 0, deferred: 0 };
  readonly notes: string[] = [];
  /** Credentials already removed or revoked in this apply (a removed companion's cards may be listed too). */
  private readonly credentialsDone = new Set<string>();
  /**
   * Credentials enrolled or revoked here whose change the city has not acknowledged: the city's roster does not know
   * of it yet, so neither its snapshot nor its delta overrides the kiosk's row (once acknowledged, the city's row is the
   * same). Read inside the apply's transaction, together with the list read before the roster was requested.
   */
  private readonly awaitingCity: ReadonlySet<string>;
  /** Groups, children, companions and links edited here and not yet acknowledged: kept as the kiosk has them, likewise. */
  private readonly rosterAwaitingCity: ReadonlySet<string>;
  /** A child removed leaves today; one who comes back joins today (the табель counts only enrolled days). */
  private readonly enrolments: ChildEnrolments;
  private readonly s: Record<
    | 'upsertGroup'
    | 'upsertChild'
    | 'upsertCompanion'
    | 'upsertLink'
    | 'upsertCredential'
    | 'upsertStaff'
    | 'credentialHolder'
    | 'liveStaffCard'
    | 'withdrawStaffCard'
    | 'retireCredentialValue'
    | 'deleteGroup'
    | 'deleteChild'
    | 'deactivateChild'
    | 'childActive'
    | 'deactivateGroup'
    | 'deactivateCompanion'
    | 'deleteCompanion'
    | 'deleteLink'
    | 'deleteLinksOfChild'
    | 'deleteLinksOfCompanion'
    | 'credentialsOfCompanion'
    | 'deleteCredential'
    | 'revokeCredential'
    | 'deleteStaff'
    | 'deactivateStaff'
    | 'deleteCityKey',
    Statement
  >;
  private readonly keys: TrustedKeys;
  private readonly settings: SettingsStore;
  private readonly staffAudit: StaffAudit;
  private readonly now: Date;
  private readonly nowIso: string;

  constructor(
    private readonly db: Database,
    private readonly at: LocalTime,
    awaitingCityAtRequest: ReadonlySet<string>,
    rosterAwaitingCityAtRequest: ReadonlySet<string>,
  ) {
    this.now = new Date(at.ms);
    this.nowIso = this.now.toISOString();
    this.keys = new TrustedKeys(db);
    this.settings = SettingsStore.of(db);
    this.staffAudit = new StaffAudit(db);
    this.awaitingCity = new Set([...awaitingCityAtRequest, ...credentialsAwaitingCity(db)]);
    this.rosterAwaitingCity = new Set([...rosterAwaitingCityAtRequest, ...rosterRowsAwaitingCity(db)]);
    this.enrolments = new ChildEnrolments(db);
    this.s = {
      upsertGroup: db.prepare(
        `INSERT INTO groups (id, name, sort_order) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order, active = 1
         WHERE (name, sort_order, active) IS NOT (excluded.name, excluded.sort_order, 1)`,
      ),
      upsertChild: db.prepare(
        `INSERT INTO children (id, group_id, first_name, last_name, active) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET group_id = excluded.group_id, first_name = excluded.first_name, last_name = excluded.last_name, active = 1
         WHERE (group_id, first_name, last_name, active) IS NOT (excluded.group_id, excluded.first_name, excluded.last_name, 1)`,
      ),
      upsertCompanion: db.prepare(
        `INSERT INTO companions (id, first_name, last_name, relation) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, relation = excluded.relation, active = 1
         WHERE (first_name, last_name, relation, active) IS NOT (excluded.first_name, excluded.last_name, excluded.relation, 1)`,
      ),
      upsertLink: db.prepare(
        `INSERT INTO companion_children (companion_id, child_id, may_bring, may_collect, blocked) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(companion_id, child_id) DO UPDATE SET may_bring = excluded.may_bring, may_collect = excluded.may_collect, blocked = excluded.blocked
         WHERE (may_bring, may_collect, blocked) IS NOT (excluded.may_bring, excluded.may_collect, excluded.blocked)`,
      ),
      upsertCredential: db.prepare(
        `INSERT INTO credentials (id, companion_id, kind, value, version, revoked_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET companion_id = excluded.companion_id, kind = excluded.kind, value = excluded.value,
           version = excluded.version, revoked_at = excluded.revoked_at
         WHERE (companion_id, kind, value, version, revoked_at) IS NOT (excluded.companion_id, excluded.kind, excluded.value, excluded.version, excluded.revoked_at)`,
      ),
      upsertStaff: db.prepare(
        `INSERT INTO staff (id, first_name, last_name, role, active) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role, active = 1
         WHERE (first_name, last_name, role, active) IS NOT (excluded.first_name, excluded.last_name, excluded.role, 1)`,
      ),
      credentialHolder: db.prepare('SELECT id, revoked_at FROM credentials WHERE kind = ? AND value = ?'),
      liveStaffCard: db.prepare('SELECT id, staff_id FROM staff_cards WHERE value = ? AND revoked_at IS NULL'),
      withdrawStaffCard: db.prepare('UPDATE staff_cards SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      retireCredentialValue: db.prepare('UPDATE credentials SET value = ? WHERE id = ?'),
      deleteGroup: db.prepare('DELETE FROM groups WHERE id = ?'),
      deleteChild: db.prepare('DELETE FROM children WHERE id = ?'),
      deactivateChild: db.prepare('UPDATE children SET active = 0 WHERE id = ?'),
      childActive: db.prepare('SELECT active FROM children WHERE id = ?').pluck(),
      deactivateGroup: db.prepare('UPDATE groups SET active = 0 WHERE id = ?'),
      deactivateCompanion: db.prepare('UPDATE companions SET active = 0 WHERE id = ?'),
      deleteCompanion: db.prepare('DELETE FROM companions WHERE id = ?'),
      deleteLink: db.prepare('DELETE FROM companion_children WHERE companion_id = ? AND child_id = ?'),
      deleteLinksOfChild: db.prepare('DELETE FROM companion_children WHERE child_id = ?'),
      deleteLinksOfCompanion: db.prepare('DELETE FROM companion_children WHERE companion_id = ?'),
      credentialsOfCompanion: db.prepare('SELECT id FROM credentials WHERE companion_id = ?').pluck(),
      deleteCredential: db.prepare('DELETE FROM credentials WHERE id = ?'),
      revokeCredential: db.prepare('UPDATE credentials SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
      deleteStaff: db.prepare('DELETE FROM staff WHERE id = ?'),
      deactivateStaff: db.prepare('UPDATE staff SET active = 0 WHERE id = ?'),
      deleteCityKey: db.prepare("DELETE FROM trusted_keys WHERE id = ? AND owner = 'city'"),
    };
  }

  /** Everything the snapshot does not list is removed (or kept inert, see the top of the file). */
  applySnapshot(roster: RosterSnapshot): void {
    const k = roster.kindergarten;
    const same = this.db.prepare('SELECT 1 FROM kindergarten WHERE id = ? AND name = ? AND demo = ?').get(k.id, k.name, k.demo ? 1 : 0);
    if (!same) {
      this.db.prepare('DELETE FROM kindergarten').run();
      this.db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, ?)').run(k.id, k.name, k.demo ? 1 : 0);
    }
    // Staff created on this kiosk (origin 'local': the first admin) are not the city's to remove.
    const absent = (table: string, listed: readonly { id: string }[]): string[] => {
      const wanted = new Set(listed.map((row) => row.id));
      const rows = table === 'staff' ? "SELECT id FROM staff WHERE origin = 'city'" : `SELECT id FROM ${table}`;
      return this.db
        .prepare(rows)
        .pluck()
        .all()
        .filter((id): id is string => typeof id === 'string' && !wanted.has(id) && !(table === 'credentials' && this.awaitingCity.has(id)));
    };
    const wantedLinks = new Set(roster.links.map(linkKey));
    const links = this.db
      .prepare<[], { companionId: string; childId: string }>('SELECT companion_id AS companionId, child_id AS childId FROM companion_children')
      .all()
      .filter((l) => !wantedLinks.has(linkKey(l)));
    const wantedKeys = new Set(roster.cityKeys.map((key) => key.id));
    const cityKeys = this.db
      .prepare("SELECT id FROM trusted_keys WHERE owner = 'city'")
      .pluck()
      .all()
      .filter((id): id is string => typeof id === 'string' && !wantedKeys.has(id));
    this.apply(
      { groups: roster.groups, children: roster.children, companions: roster.companions, links: roster.links, credentials: roster.credentials, staff: roster.staff, cityKeys: roster.cityKeys },
      {
        groups: absent('groups', roster.groups),
        children: absent('children', roster.children),
        companions: absent('companions', roster.companions),
        links,
        credentials: absent('credentials', roster.credentials),
        staff: absent('staff', roster.staff),
        cityKeys,
      },
    );
    this.applySettings(roster.settings);
  }

  applyDelta(delta: RosterDelta): void {
    const r = delta.removals;
    this.apply(delta.upserts, {
      groups: r.groups ?? [],
      children: r.children ?? [],
      companions: r.companions ?? [],
      links: r.links ?? [],
      // A card enrolled here that the city refused is one its roster will never list: a delta never names it, so it
      // leaves as it would with the next snapshot.
      credentials: [...(r.credentials ?? []), ...enrolmentsRefusedByCity(this.db)],
      staff: r.staff ?? [],
      cityKeys: r.cityKeys ?? [],
    });
    if (delta.settings) this.applySettings(delta.settings);
  }

  /**
   * Removed links and credentials go first, so that a card moved from a removed credential to a new one finds its
   * value free; then the upserts in reference order; then the other removals, children before their groups.
   */
  private apply(
    up: { groups?: Group[]; children?: Child[]; companions?: Companion[]; links?: Link[]; credentials?: Credential[]; staff?: Staff[]; cityKeys?: CityKey[] },
    removals: Removals,
  ): void {
    const ours = (entity: RosterEntityName, key: string): boolean => !this.rosterAwaitingCity.has(rosterRowKey(entity, key));
    const linkOurs = (l: LinkKey): boolean => ours('link', linkKeyOf(l.companionId, l.childId));
    for (const link of removals.links.filter(linkOurs)) this.counts.removed += this.s.deleteLink.run(link.companionId, link.childId).changes;
    for (const id of removals.credentials) this.removeCredential(id);

    for (const g of (up.groups ?? []).filter((g) => ours('group', g.id))) this.upserted(this.s.upsertGroup.run(g.id, g.name, g.sortOrder));
    for (const c of (up.children ?? []).filter((c) => ours('child', c.id))) this.upsertChild(c);
    for (const c of (up.companions ?? []).filter((c) => ours('companion', c.id))) this.upserted(this.s.upsertCompanion.run(c.id, c.firstName, c.lastName, c.relation));
    for (const l of (up.links ?? []).filter(linkOurs)) this.upserted(this.s.upsertLink.run(l.companionId, l.childId, +l.mayBring, +l.mayCollect, +l.blocked));
    for (const c of up.credentials ?? []) this.upsertCredential(c);
    for (const s of up.staff ?? []) this.upserted(this.s.upsertStaff.run(s.id, s.firstName, s.lastName, s.role));
    for (const key of up.cityKeys ?? []) this.trustCityKey(key);

    for (const id of removals.children.filter((id) => ours('child', id))) {
      this.counts.removed += this.s.deleteLinksOfChild.run(id).changes;
      this.removeOrKeep(this.s.deleteChild, id, () => this.leave(id));
    }
    for (const id of removals.companions.filter((id) => ours('companion', id))) {
      // A companion kept for history must not still open the door: no links, no working credential.
      this.counts.removed += this.s.deleteLinksOfCompanion.run(id).changes;
      for (const credentialId of this.s.credentialsOfCompanion.all(id) as string[]) this.removeCredential(credentialId);
      this.removeOrKeep(this.s.deleteCompanion, id, () => this.s.deactivateCompanion.run(id));
    }
    for (const id of removals.groups.filter((id) => ours('group', id))) this.removeOrKeep(this.s.deleteGroup, id, () => this.s.deactivateGroup.run(id));
    for (const id of removals.staff) this.removeOrKeep(this.s.deleteStaff, id, () => this.s.deactivateStaff.run(id));
    for (const id of removals.cityKeys) this.counts.removed += this.s.deleteCityKey.run(id).changes;
  }

  /** A child the kiosk had as inactive comes back: they join today (a new one is enrolled by the insert trigger). */
  private upsertChild(c: Child): void {
    const wasInactive = this.s.childActive.get(c.id) === 0;
    this.upserted(this.s.upsertChild.run(c.id, c.groupId, c.firstName, c.lastName));
    if (wasInactive) this.enrolments.join(c.id, this.at.localDate, false);
  }

  /** A child the city removed that history names: deactivated, their last enrolled day today. */
  private leave(childId: string): void {
    this.s.deactivateChild.run(childId);
    this.enrolments.leave(childId, this.at.localDate);
  }

  /**
   * The kiosk keeps one row per card number (UNIQUE kind, value) while the city may list a revoked credential and its
   * live successor with the same number (a card handed to another family). The live one takes the value; the revoked
   * one keeps its row for history under a value no reader can produce. Two live credentials with one value are a
   * contradiction: the roster is refused — unless the one here is a card enrolled at this kiosk the city has not
   * answered yet. The city gave the number to someone else meanwhile and will refuse that enrolment; refusing the
   * whole roster for it would hold back every other change, so the city's row waits for the next pull instead.
   */
  private upsertCredential(c: Credential): void {
    if (this.awaitingCity.has(c.id)) return;
    let value = c.value;
    const holder = this.s.credentialHolder.get(c.kind, c.value) as { id: string; revoked_at: string | null } | undefined;
    if (holder && holder.id !== c.id) {
      if (c.revokedAt !== null) value = retiredValue(c.value, c.id);
      else if (holder.revoked_at !== null) this.s.retireCredentialValue.run(retiredValue(c.value, holder.id), holder.id);
      else if (this.awaitingCity.has(holder.id)) {
        this.counts.deferred += 1;
        this.notes.push(`credential ${c.id} left for the next pull: its ${c.kind} value is card ${holder.id}, enrolled here and not yet answered by the city`);
        return;
      } else throw new RosterRejectedError(`credentials ${holder.id} and ${c.id} are both live with the same ${c.kind} value`);
    }
    if (c.kind === 'rfid' && c.revokedAt === null) this.withdrawStaffCardFor(c);
    this.upserted(this.s.upsertCredential.run(c.id, c.companionId, c.kind, value, c.version, c.revokedAt));
  }

  /**
   * A card is never both a companion's and a staff member's (the staff_cards trigger of migration 0004). Staff cards
   * are this kiosk's own, so another entrance may have enrolled a companion's card with the same number: the city's
   * card wins (the door must open for the family the city names), the staff card is withdrawn in the same transaction
   * and the staff audit says why, with no staff member as its author (the kiosk's own act).
   */
  private withdrawStaffCardFor(c: Credential): void {
    const staffCard = this.s.liveStaffCard.get(c.value) as { id: string; staff_id: string } | undefined;
    if (!staffCard) return;
    this.s.withdrawStaffCard.run(this.at.iso, staffCard.id);
    this.staffAudit.record(
      'card-withdrawn',
      null,
      this.at,
      { memberId: staffCard.staff_id, card: c.value, reason: 'companion-card-from-city', credentialId: c.id, companionId: c.companionId },
      staffCard.id,
    );
    this.notes.push(`staff card ${c.value} of ${staffCard.staff_id} withdrawn: the city's roster gives it to companion ${c.companionId} (credential ${c.id})`);
  }

  /** Never an update: a known id naming another key is a contradiction, and the whole roster is refused. */
  private trustCityKey(key: CityKey): void {
    const known = this.keys.find(key.id) !== undefined;
    try {
      this.keys.trust(key.id, Buffer.from(key.publicKey, 'base64url'), 'city', this.now);
    } catch (error) {
      throw new RosterRejectedError(`city key ${key.id}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!known) this.counts.upserted += 1;
  }

  private removeCredential(id: string): void {
    if (this.credentialsDone.has(id) || this.awaitingCity.has(id)) return;
    this.credentialsDone.add(id);
    this.removeOrKeep(this.s.deleteCredential, id, () => this.s.revokeCredential.run(this.nowIso, id));
  }

  private removeOrKeep(remove: Statement, id: string, keep: () => void): void {
    try {
      this.counts.removed += remove.run(id).changes;
    } catch (error) {
      if (!isForeignKeyFailure(error)) throw error;
      keep();
      this.counts.kept += 1;
    }
  }

  private upserted(result: { changes: number }): void {
    this.counts.upserted += result.changes;
  }

  /**
   * Only the settings the city sent change; absent ones keep the kiosk's own values. They are written where the
   * headcount, closing time and absence rules already read them (electron/core/ledger/settings-store.ts), so the
   * city's value and the kiosk's own are one setting, not two.
   */
  private applySettings(s: CitySettings): void {
    if (s.cutoffTime !== undefined) this.settings.set('headcountCutOff', s.cutoffTime);
    if (s.closingTime !== undefined) this.settings.set('closingTime', s.closingTime);
    if (s.unexcusedLimitPerMonth !== undefined) this.settings.set('unexcusedDaysPerMonth', s.unexcusedLimitPerMonth);
    // An older city's yearly allowance is half for summer and half for winter, each within its season's length.
    const summer = s.summerHolidayDays ?? (s.vacationDaysPerYear === undefined ? undefined : Math.min(92, Math.ceil(s.vacationDaysPerYear / 2)));
    const winter = s.winterHolidayDays ?? (s.vacationDaysPerYear === undefined ? undefined : Math.min(91, Math.floor(s.vacationDaysPerYear / 2)));
    if (summer !== undefined) this.settings.set('summerHolidayDays', summer);
    if (winter !== undefined) this.settings.set('winterHolidayDays', winter);
    // Not "absent keeps the kiosk's own": who manages the cards is the city's to say, and absent means the kindergarten.
    this.settings.set('cardsManagedBy', s.cardsManagedBy ?? 'kindergarten');
    // The roster is the city's unless it says so: a city from before hand edits keeps its roster.
    this.settings.set('rosterManagedBy', s.rosterManagedBy ?? 'city');
  }
}

/**
 * A card the city lists must be written as the door reads it: the canonical number of docs/card-numbers.md. Another
 * spelling ("0004512345" for 4512345) would never match a tap, and guessing what the city meant could give a family's
 * card to another: the roster is refused and staff told why. A QR credential's value is its id, not a card number.
 */
function nonCanonicalCard(credentials: readonly Credential[]): string | null {
  for (const c of credentials) {
    if (c.kind !== 'rfid') continue;
    const card = normalizeCardNumber(c.value, 'canonical');
    if (!card || card.partial || card.canonical !== c.value) {
      return `credential ${c.id}: ${JSON.stringify(c.value.slice(0, 40))} is not a canonical card number (docs/card-numbers.md)`;
    }
  }
  return null;
}

function linkKey(link: LinkKey): string {
  return JSON.stringify([link.companionId, link.childId]);
}

/** Not a card number, not a QR credential id: a reader or a code can never produce it. */
export function retiredValue(value: string, credentialId: string): string {
  return `retired:${credentialId}:${value}`;
}

function isForeignKeyFailure(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function isSqliteConstraint(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT');
}
