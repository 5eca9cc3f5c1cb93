// The roster sheets' text into the roster the kindergarten wants, and every problem on the way, each at its sheet, row
// and column. A row with a problem is left out of the roster; the import applies nothing while any stands, unless the
// admin chose to skip those rows (skip): then a skipped row of someone already on the roster keeps them as they are
// (a child whose row has a typo is not deactivated for it), and the roster is read again without those rows.
//
// Who a row is: its code when it has one (the kiosk's id, written by the export); otherwise the one row already on the
// roster with that name; otherwise a new id made from the name, the same every time the same file is read, so
// importing a file twice changes nothing the second time.
import { createHash } from 'node:crypto';
import { normalizeCardNumber } from '../../../../shared/credentials/card-number.js';
import { foldName } from '../../../../shared/staff/name-fold.js';
import { birthDateOf, codeOf, MAX_NAME, phoneOf } from './cell-values.js';
import type { CellText, RosterSheet, RosterSheets, SheetRow } from './read-workbook.js';
import { GENDERS, KINDS, RELATIONS, wordKey, YES_NO, type ColumnKey, type SheetKey } from './sheet-layout.js';
import { rowKey, type ProblemKind, type SheetProblem } from './sheet-problems.js';
import type { SheetRoster } from './sheet-roster.js';

type Credential = SheetRoster['credentials'][number];

export interface ParseContext {
  /** The roster as the spreadsheet shows it now (current-roster.ts). */
  current: SheetRoster;
  /** Every credential row the kiosk holds (revoked ones of people no longer listed too): ids and versions stay. */
  credentials: readonly Credential[];
  /** Live staff cards' numbers: a companion's card can never be one. */
  staffCards: ReadonlySet<string>;
  /** When a card blocked in the file is revoked. */
  nowIso: string;
  /** The local day: a date of birth after it is a typo. */
  today: string;
}

export interface ParsedRoster {
  roster: SheetRoster;
  problems: SheetProblem[];
}

/** Reads the sheets leaving out the rows in `skip` ("sheet:row"). */
export function parseRoster(sheets: RosterSheets, context: ParseContext, skip: ReadonlySet<string> = new Set()): ParsedRoster {
  return new RosterReading(sheets, context, skip).read();
}

/**
 * Leaves out every row with a problem, again and again, until the rest reads clean: a skipped child takes the rows
 * that name it with it. Bounded: each round leaves out at least one more row.
 */
export function parseSkippingProblems(sheets: RosterSheets, context: ParseContext): ParsedRoster & { skipped: SheetProblem[] } {
  const skip = new Set<string>();
  const skipped: SheetProblem[] = [];
  for (let round = 0; round < 100; round++) {
    const parsed = parseRoster(sheets, context, skip);
    if (parsed.problems.length === 0) return { ...parsed, skipped };
    for (const p of parsed.problems) {
      skip.add(rowKey(p.sheet, p.row));
      skipped.push(p);
    }
  }
  const parsed = parseRoster(sheets, context, skip);
  return { ...parsed, skipped };
}

function newId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 24)}`;
}

const personKey = (lastName: string, firstName: string) => foldName(`${lastName} ${firstName}`);

class RosterReading {
  private readonly problems: SheetProblem[] = [];
  private readonly roster: SheetRoster = { groups: [], children: [], companions: [], links: [], credentials: [] };

  constructor(
    private readonly sheets: RosterSheets,
    private readonly context: ParseContext,
    private readonly skip: ReadonlySet<string>,
  ) {}

  read(): ParsedRoster {
    const groups = this.readGroups();
    const children = this.readChildren(groups);
    const companions = this.readCompanions();
    this.readCards(companions);
    this.readPickup(children, companions);
    this.checkEveryChildCollected(children);
    return { roster: this.roster, problems: this.problems };
  }

  private rows<S extends SheetKey>(sheet: S): { row: SheetRow<S>; skipped: boolean }[] {
    return this.sheets[sheet].rows.map((row) => ({ row, skipped: this.skip.has(rowKey(sheet, row.row)) }));
  }

  private problem<S extends SheetKey>(sheet: S, row: number, column: ColumnKey<S> | null, kind: ProblemKind, value: string | null = null, otherRow: number | null = null): void {
    const s: RosterSheet<S> = this.sheets[sheet];
    const at = column === null ? undefined : s.columns[column];
    this.problems.push({ sheet, sheetName: s.name, row, column: at?.letter ?? null, header: at?.header ?? null, kind, value: value === null ? null : value.slice(0, 80), otherRow });
  }

  /** A cell's text; a cell that cannot be read is a problem (and null). Required and empty: a problem too. */
  private text<S extends SheetKey>(sheet: S, row: SheetRow<S>, column: ColumnKey<S>, required: boolean, max = MAX_NAME): string | null {
    const cell: CellText | undefined = row.cells[column];
    if (cell && 'issue' in cell) {
      this.problem(sheet, row.row, column, cell.issue);
      return null;
    }
    const text = cell?.text.trim().replace(/\s+/g, ' ') ?? '';
    if (text === '') {
      if (required) this.problem(sheet, row.row, column, 'missing-value');
      return null;
    }
    if (text.length > max) {
      this.problem(sheet, row.row, column, 'too-long', text);
      return null;
    }
    return text;
  }

  private code<S extends SheetKey>(sheet: S, row: SheetRow<S>, column: ColumnKey<S>): string | null | false {
    const text = this.text(sheet, row, column, false, 64);
    if (text === null) return null;
    const code = codeOf(text);
    if (code === null) {
      this.problem(sheet, row.row, column, 'bad-code', text);
      return false;
    }
    return code;
  }

  private yesNo<S extends SheetKey>(sheet: S, row: SheetRow<S>, column: ColumnKey<S>, absent: boolean): boolean | null {
    const text = this.text(sheet, row, column, false);
    if (text === null) return row.cells[column] && 'issue' in (row.cells[column] ?? {}) ? null : absent;
    const value = YES_NO.get(wordKey(text));
    if (value === undefined) this.problem(sheet, row.row, column, 'bad-yes-no', text);
    return value ?? null;
  }

  /** The one current row with this key, when exactly one: a file without codes still finds who is already there. */
  private static uniqueMatch<T extends { id: string }>(rows: readonly T[], key: (row: T) => string, wanted: string): string | null {
    const found = rows.filter((r) => key(r) === wanted);
    return found.length === 1 && found[0] ? found[0].id : null;
  }

  private readGroups(): Map<string, { id: string; row: number }> {
    const byName = new Map<string, { id: string; row: number }>();
    const ids = new Map<string, number>();
    const current = this.context.current.groups;
    for (const [index, { row, skipped }] of this.rows('groups').entries()) {
      const before = this.problems.length;
      const code = this.code('groups', row, 'code');
      const name = this.text('groups', row, 'name', true);
      const orderText = this.text('groups', row, 'order', false);
      let order = index;
      if (orderText !== null) {
        // The roster's order is 0 to 10,000 (shared/domain/roster-change.ts): the city refuses anything else.
        if (/^\d{1,5}$/.test(orderText) && Number(orderText) <= 10_000) order = Number(orderText);
        else this.problem('groups', row.row, 'order', 'bad-order', orderText);
      }
      const key = name === null ? null : wordKey(name);
      const id = code || (key === null ? null : RosterReading.uniqueMatch(current, (g) => wordKey(g.name), key) ?? newId('xg', key));
      if (skipped) {
        this.problems.splice(before);
        const kept = current.find((g) => g.id === id);
        if (kept && !this.roster.groups.some((g) => g.id === kept.id)) {
          this.roster.groups.push(kept);
          byName.set(wordKey(kept.name), { id: kept.id, row: row.row });
        }
        continue;
      }
      if (id === null || key === null || code === false) continue;
      const twin = byName.get(key);
      if (twin) {
        this.problem('groups', row.row, 'name', 'duplicate-group', name, twin.row);
        continue;
      }
      if (ids.has(id)) {
        this.problem('groups', row.row, 'code', 'duplicate-code', id, ids.get(id) ?? null);
        continue;
      }
      if (this.problems.length > before || name === null) continue;
      ids.set(id, row.row);
      byName.set(key, { id, row: row.row });
      this.roster.groups.push({ id, name, sortOrder: order });
    }
    return byName;
  }

  private readChildren(groups: Map<string, { id: string; row: number }>): PeopleIndex {
    const people = new PeopleIndex();
    const current = this.context.current.children;
    const groupIds = new Map([...groups.values()].map((g) => [g.id, g.id]));
    for (const { row, skipped } of this.rows('children')) {
      const before = this.problems.length;
      const code = this.code('children', row, 'code');
      const lastName = this.text('children', row, 'lastName', true);
      const firstName = this.text('children', row, 'firstName', true);
      const groupText = this.text('children', row, 'group', true);
      const birthText = this.text('children', row, 'birthDate', false);
      const genderText = this.text('children', row, 'gender', false);
      const groupId = groupText === null ? null : (groups.get(wordKey(groupText))?.id ?? groupIds.get(groupText.trim()) ?? null);
      if (groupText !== null && groupId === null) this.problem('children', row.row, 'group', 'unknown-group', groupText);
      const birthDate = birthText === null ? null : birthDateOf(birthText, this.context.today);
      if (birthText !== null && birthDate === null) this.problem('children', row.row, 'birthDate', 'bad-date', birthText);
      const gender = genderText === null ? null : (GENDERS.get(wordKey(genderText)) ?? null);
      if (genderText !== null && gender === null) this.problem('children', row.row, 'gender', 'bad-gender', genderText);
      const key = lastName === null || firstName === null ? null : personKey(lastName, firstName);
      const id = code || (key === null ? null : RosterReading.uniqueMatch(current, (c) => personKey(c.lastName, c.firstName), key) ?? newId('xc', key, birthDate ?? ''));
      if (skipped) {
        this.problems.splice(before);
        const kept = current.find((c) => c.id === id);
        if (kept && !people.has(kept.id)) {
          this.roster.children.push(kept);
          people.add(kept.id, personKey(kept.lastName, kept.firstName), row.row);
        }
        continue;
      }
      if (id === null || key === null || code === false) continue;
      const twin = people.rowOf(id);
      if (twin !== null) {
        this.problem('children', row.row, code ? 'code' : 'lastName', code ? 'duplicate-code' : 'duplicate-child', code || `${lastName} ${firstName}`, twin);
        continue;
      }
      if (this.problems.length > before || lastName === null || firstName === null || groupId === null) continue;
      people.add(id, key, row.row);
      this.roster.children.push({ id, groupId, firstName, lastName, birthDate, gender });
    }
    return people;
  }

  private readCompanions(): PeopleIndex {
    const people = new PeopleIndex();
    const current = this.context.current.companions;
    for (const { row, skipped } of this.rows('companions')) {
      const before = this.problems.length;
      const code = this.code('companions', row, 'code');
      const lastName = this.text('companions', row, 'lastName', true);
      const firstName = this.text('companions', row, 'firstName', true);
      const relationText = this.text('companions', row, 'relation', true);
      const phoneText = this.text('companions', row, 'phone', false, 64);
      const relation = relationText === null ? null : (RELATIONS.get(wordKey(relationText)) ?? null);
      if (relationText !== null && relation === null) this.problem('companions', row.row, 'relation', 'bad-relation', relationText);
      const phone = phoneText === null ? null : phoneOf(phoneText);
      if (phoneText !== null && phone === null) this.problem('companions', row.row, 'phone', 'bad-phone', phoneText);
      const key = lastName === null || firstName === null ? null : personKey(lastName, firstName);
      const id = code || (key === null ? null : RosterReading.uniqueMatch(current, (c) => personKey(c.lastName, c.firstName), key) ?? newId('xp', key, phone ?? ''));
      if (skipped) {
        this.problems.splice(before);
        const kept = current.find((c) => c.id === id);
        if (kept && !people.has(kept.id)) {
          this.roster.companions.push(kept);
          people.add(kept.id, personKey(kept.lastName, kept.firstName), row.row);
        }
        continue;
      }
      if (id === null || key === null || code === false) continue;
      const twin = people.rowOf(id);
      if (twin !== null) {
        this.problem('companions', row.row, code ? 'code' : 'lastName', code ? 'duplicate-code' : 'duplicate-companion', code || `${lastName} ${firstName}`, twin);
        continue;
      }
      if (this.problems.length > before || lastName === null || firstName === null || relation === null) continue;
      people.add(id, key, row.row);
      this.roster.companions.push({ id, firstName, lastName, relation, phone });
    }
    return people;
  }

  /** A person a row names: by code when the code column says one, else by name ("Фамилия Имя", or "Имя Фамилия"). */
  private person<S extends 'cards' | 'pickup'>(
    sheet: S,
    row: SheetRow<S>,
    nameColumn: ColumnKey<S>,
    codeColumn: ColumnKey<S>,
    people: PeopleIndex,
    unknown: ProblemKind,
    ambiguous: ProblemKind,
  ): string | null {
    const code = this.code(sheet, row, codeColumn);
    if (code === false) return null;
    if (code !== null) {
      if (people.has(code)) return code;
      this.problem(sheet, row.row, codeColumn, unknown, code);
      return null;
    }
    const name = this.text(sheet, row, nameColumn, true);
    if (name === null) return null;
    const found = people.byName(foldName(name));
    if (found.length === 1 && found[0]) return found[0];
    this.problem(sheet, row.row, nameColumn, found.length === 0 ? unknown : ambiguous, name);
    return null;
  }

  private readCards(companions: PeopleIndex): void {
    const ids = new Map<string, number>();
    const liveNumbers = new Map<string, number>();
    const known = new Map(this.context.credentials.map((c) => [c.id, c]));
    // A number finds its live card; a revoked one only for a row that keeps it blocked (a lost card handed to another
    // family is a new card for them, not the old one unblocked).
    const live = new Map(this.context.credentials.filter((c) => c.kind === 'rfid' && c.revokedAt === null).map((c) => [c.value, c]));
    const revoked = new Map(this.context.credentials.filter((c) => c.kind === 'rfid' && c.revokedAt !== null).map((c) => [unretired(c.value), c]));
    const qrTaken = new Set<string>();
    const qrCount = new Map<string, number>();
    for (const { row, skipped } of this.rows('cards')) {
      const before = this.problems.length;
      const code = this.code('cards', row, 'code');
      const companionId = this.person('cards', row, 'companion', 'companionCode', companions, 'unknown-companion', 'ambiguous-companion');
      const kindText = this.text('cards', row, 'kind', true);
      const kind = kindText === null ? null : (KINDS.get(wordKey(kindText)) ?? null);
      if (kindText !== null && kind === null) this.problem('cards', row.row, 'kind', 'bad-kind', kindText);
      const blocked = this.yesNo('cards', row, 'blocked', false);
      let number: string | null = null;
      if (kind === 'rfid') {
        const text = this.text('cards', row, 'number', true, 64);
        const card = text === null ? null : normalizeCardNumber(text, 'auto');
        if (text !== null && card === null) this.problem('cards', row.row, 'number', 'bad-card-number', text);
        else if (card?.partial) this.problem('cards', row.row, 'number', 'partial-card-number', text);
        else number = card?.canonical ?? null;
      }
      let id: string | null = code || null;
      if (!id && kind === 'rfid' && number !== null) id = live.get(number)?.id ?? (blocked ? revoked.get(number)?.id : undefined) ?? newId('xk', number, blocked ? 'blocked' : '');
      if (!id && kind === 'qr' && companionId !== null) {
        const existing = this.context.credentials.find((c) => c.kind === 'qr' && c.companionId === companionId && c.revokedAt === null && !qrTaken.has(c.id));
        const nth = (qrCount.get(companionId) ?? 0) + 1;
        qrCount.set(companionId, nth);
        id = existing?.id ?? newId('xq', companionId, String(nth));
      }
      if (skipped) {
        this.problems.splice(before);
        const kept = id === null ? undefined : this.context.current.credentials.find((c) => c.id === id);
        if (kept && !ids.has(kept.id) && companions.has(kept.companionId)) {
          ids.set(kept.id, row.row);
          this.roster.credentials.push(kept);
        }
        continue;
      }
      if (id === null || code === false || companionId === null || kind === null || blocked === null) continue;
      if (ids.has(id)) {
        this.problem('cards', row.row, 'code', 'duplicate-code', id, ids.get(id) ?? null);
        continue;
      }
      const old = known.get(id);
      if (old && old.revokedAt !== null && !blocked) this.problem('cards', row.row, 'blocked', 'card-unblocked', number);
      if (number !== null && !blocked) {
        const twin = liveNumbers.get(number);
        if (twin !== undefined) this.problem('cards', row.row, 'number', 'duplicate-card', number, twin);
        else if (this.context.staffCards.has(number)) this.problem('cards', row.row, 'number', 'card-of-staff', number);
      }
      if (this.problems.length > before) continue;
      if (kind === 'qr') qrTaken.add(id);
      if (number !== null && !blocked) liveNumbers.set(number, row.row);
      ids.set(id, row.row);
      // A blocked card the kiosk never held opens nothing already: there is nothing to block, nothing to record.
      if (blocked && !old) continue;
      const revokedAt = blocked ? (old?.revokedAt ?? this.context.nowIso) : null;
      // A revoked card keeps the stored value its number was retired under (roster-apply.ts retiredValue).
      const value = kind === 'qr' ? (old?.kind === 'qr' ? old.value : id) : old && blocked && old.revokedAt !== null && unretired(old.value) === number ? old.value : (number ?? '');
      this.roster.credentials.push({ id, companionId, kind, value, version: old?.version ?? 1, revokedAt });
    }
  }

  private readPickup(children: PeopleIndex, companions: PeopleIndex): void {
    const pairs = new Map<string, number>();
    for (const { row, skipped } of this.rows('pickup')) {
      const before = this.problems.length;
      const childId = this.person('pickup', row, 'child', 'childCode', children, 'unknown-child', 'ambiguous-child');
      const companionId = this.person('pickup', row, 'companion', 'companionCode', companions, 'unknown-companion', 'ambiguous-companion');
      const mayBring = this.yesNo('pickup', row, 'mayBring', true);
      const mayCollect = this.yesNo('pickup', row, 'mayCollect', true);
      const blocked = this.yesNo('pickup', row, 'banned', false);
      const pair = `${companionId ?? ''}\u001f${childId ?? ''}`;
      if (skipped) {
        this.problems.splice(before);
        const kept = this.context.current.links.find((l) => l.childId === childId && l.companionId === companionId);
        if (kept && !pairs.has(pair)) {
          pairs.set(pair, row.row);
          this.roster.links.push(kept);
        }
        continue;
      }
      if (childId === null || companionId === null || mayBring === null || mayCollect === null || blocked === null) continue;
      const twin = pairs.get(pair);
      if (twin !== undefined) {
        this.problem('pickup', row.row, 'child', 'duplicate-link', null, twin);
        continue;
      }
      if (this.problems.length > before) continue;
      pairs.set(pair, row.row);
      this.roster.links.push({ companionId, childId, mayBring, mayCollect, blocked });
    }
  }

  /** The door must be able to give every child back to someone: a child nobody may collect is a problem of its row. */
  private checkEveryChildCollected(children: PeopleIndex): void {
    const collected = new Set(this.roster.links.filter((l) => l.mayCollect && !l.blocked).map((l) => l.childId));
    for (const child of this.roster.children) {
      const row = children.rowOf(child.id);
      if (collected.has(child.id) || row === null || this.skip.has(rowKey('children', row))) continue;
      this.problem('children', row, null, 'nobody-collects', `${child.lastName} ${child.firstName}`);
    }
  }
}

/** The people a sheet lists, found by id or by folded name. */
class PeopleIndex {
  private readonly rows = new Map<string, number>();
  private readonly names = new Map<string, string[]>();

  add(id: string, folded: string, row: number): void {
    this.rows.set(id, row);
    this.names.set(folded, [...(this.names.get(folded) ?? []), id]);
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  rowOf(id: string): number | null {
    return this.rows.get(id) ?? null;
  }

  /** "Фамилия Имя" or "Имя Фамилия". */
  byName(folded: string): string[] {
    const direct = this.names.get(folded) ?? [];
    if (direct.length > 0) return direct;
    const words = folded.split(' ');
    return words.length === 2 ? (this.names.get(`${words[1]} ${words[0]}`) ?? []) : [];
  }
}

/** The card number a stored value stands for (a revoked card's retired value: "retired:<id>:<number>"). */
export function unretired(value: string): string {
  const retired = /^retired:[^:]+:(.*)$/.exec(value);
  return retired?.[1] ?? value;
}
