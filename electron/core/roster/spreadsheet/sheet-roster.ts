// The roster as the spreadsheet sees it: the families' part of the kiosk's roster (groups, children, companions, who
// may take whom, their cards) with the columns the city never sends (date of birth, gender, phone), and how two of
// them differ, kind by kind.
import type { Relation, Roster } from '../../../../shared/domain/roster.js';

/** The families' part of a roster, in the city roster's own shapes. */
type FamilyRoster = Pick<Roster, 'groups' | 'children' | 'companions' | 'links' | 'credentials'>;

export type Gender = 'female' | 'male';

export interface SheetRoster {
  groups: FamilyRoster['groups'];
  children: (FamilyRoster['children'][number] & { birthDate: string | null; gender: Gender | null })[];
  companions: (FamilyRoster['companions'][number] & { relation: Relation; phone: string | null })[];
  links: FamilyRoster['links'];
  credentials: FamilyRoster['credentials'];
}

export type RosterKind = 'groups' | 'children' | 'companions' | 'cards' | 'links';
export interface KindCounts {
  added: number;
  changed: number;
  removed: number;
}
export type RosterCounts = Record<RosterKind, KindCounts>;

/** What replacing `current` by `wanted` adds, changes and removes, per kind. */
export function rosterDiff(current: SheetRoster, wanted: SheetRoster): RosterCounts {
  const linkId = (l: { companionId: string; childId: string }) => `${l.companionId}\u001f${l.childId}`;
  // A card already out of service that the file leaves out has nothing left to change: it is not "removed" again.
  const wantedCards = new Set(wanted.credentials.map((c) => c.id));
  const currentCards = current.credentials.filter((c) => c.revokedAt === null || wantedCards.has(c.id));
  return {
    groups: diff(current.groups, wanted.groups, (g) => g.id),
    children: diff(current.children, wanted.children, (c) => c.id),
    companions: diff(current.companions, wanted.companions, (c) => c.id),
    cards: diff(currentCards.map(comparableCard), wanted.credentials.map(comparableCard), (c) => c.id),
    links: diff(current.links, wanted.links, linkId),
  };
}

/** A retired value (a revoked card whose number went to another) compares as its number. */
function comparableCard(c: FamilyRoster['credentials'][number]): FamilyRoster['credentials'][number] {
  const retired = /^retired:[^:]+:(.*)$/.exec(c.value);
  return retired?.[1] === undefined ? c : { ...c, value: retired[1] };
}

function diff<T extends object>(current: readonly T[], wanted: readonly T[], idOf: (row: T) => string): KindCounts {
  const before = new Map(current.map((row) => [idOf(row), row]));
  const counts = { added: 0, changed: 0, removed: 0 };
  const seen = new Set<string>();
  for (const row of wanted) {
    const id = idOf(row);
    seen.add(id);
    const old = before.get(id);
    if (!old) counts.added += 1;
    else if (!sameRow(old, row)) counts.changed += 1;
  }
  for (const id of before.keys()) if (!seen.has(id)) counts.removed += 1;
  return counts;
}

function sameRow(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  return true;
}

export function totalChanges(counts: RosterCounts): number {
  return Object.values(counts).reduce((n, c) => n + c.added + c.changed + c.removed, 0);
}
