// What a spreadsheet's roster asks of the kiosk's, as the steps the kiosk's own editors take: roster changes for the
// roster editor (electron/core/roster/edit/roster-editor.ts) and card steps for the console's card enrolment, so an
// import is attributed, audited and queued for the city exactly like the admin's hand edits. Pure: the roster as it
// stands and the one the file wants in, the steps out.
//
// The order is the one the editor needs: groups before the children in them, people before their rights, rights taken
// away before they are given, and leavers after everyone else, a group closed only once its children are gone.
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import type { SheetRoster } from './sheet-roster.js';

type Credential = SheetRoster['credentials'][number];

/** A card step, taken through the console's card enrolment (one credential change each, recorded and queued). */
export type CardStep =
  | { step: 'revoke'; credentialId: string; reason: string }
  | { step: 'enrol'; companionId: string; number: string }
  | { step: 'issue-qr'; companionId: string };

export interface ImportPlan {
  changes: RosterChange[];
  /** Revocations first: a number that moves to another companion is free again before it is enrolled for them. */
  cards: CardStep[];
}

/** Why the import revokes a card (the card's history shows it, and the city receives it). */
export const CARD_LEFT_OUT = 'Left out of the roster spreadsheet';
export const CARD_BLOCKED = 'Blocked in the roster spreadsheet';

/**
 * The steps that turn `current` into `wanted`. `known` is every credential the kiosk holds (the file may name one of a
 * companion no longer listed). Fields only a spreadsheet has (date of birth, gender, phone) are not the editor's: the
 * caller writes them.
 */
export function importPlan(current: SheetRoster, wanted: SheetRoster, known: readonly Credential[]): ImportPlan {
  const changes: RosterChange[] = [];
  const groupsBefore = byId(current.groups);
  for (const g of wanted.groups) {
    const old = groupsBefore.get(g.id);
    if (!old || old.name !== g.name || old.sortOrder !== g.sortOrder) changes.push({ kind: 'group', group: { id: g.id, name: g.name, sortOrder: g.sortOrder } });
  }
  const childrenBefore = byId(current.children);
  for (const c of wanted.children) {
    const old = childrenBefore.get(c.id);
    if (!old || old.groupId !== c.groupId || old.firstName !== c.firstName || old.lastName !== c.lastName) {
      changes.push({ kind: 'child', child: { id: c.id, groupId: c.groupId, firstName: c.firstName, lastName: c.lastName } });
    }
  }
  const companionsBefore = byId(current.companions);
  for (const p of wanted.companions) {
    const old = companionsBefore.get(p.id);
    if (!old || old.firstName !== p.firstName || old.lastName !== p.lastName || old.relation !== p.relation) {
      changes.push({ kind: 'companion', companion: { id: p.id, firstName: p.firstName, lastName: p.lastName, relation: p.relation } });
    }
  }

  const wantedChildren = new Set(wanted.children.map((c) => c.id));
  const wantedCompanions = new Set(wanted.companions.map((p) => p.id));
  const linkKey = (l: { companionId: string; childId: string }): string => JSON.stringify([l.companionId, l.childId]);
  const linksWanted = new Map(wanted.links.map((l) => [linkKey(l), l]));
  // A leaver's rights go with them (the editor removes them when the child leaves or the companion is taken out).
  for (const l of current.links) {
    if (!linksWanted.has(linkKey(l)) && wantedChildren.has(l.childId) && wantedCompanions.has(l.companionId)) {
      changes.push({ kind: 'link-removed', companionId: l.companionId, childId: l.childId });
    }
  }
  const linksBefore = new Map(current.links.map((l) => [linkKey(l), l]));
  for (const l of wanted.links) {
    const old = linksBefore.get(linkKey(l));
    if (!old || old.mayBring !== l.mayBring || old.mayCollect !== l.mayCollect || old.blocked !== l.blocked) {
      changes.push({ kind: 'link', link: { companionId: l.companionId, childId: l.childId, mayBring: l.mayBring, mayCollect: l.mayCollect, blocked: l.blocked } });
    }
  }

  for (const c of current.children) if (!wantedChildren.has(c.id)) changes.push({ kind: 'child-left', childId: c.id });
  for (const p of current.companions) if (!wantedCompanions.has(p.id)) changes.push({ kind: 'companion-removed', companionId: p.id });
  const wantedGroups = new Set(wanted.groups.map((g) => g.id));
  for (const g of current.groups) if (!wantedGroups.has(g.id)) changes.push({ kind: 'group-closed', groupId: g.id });

  return { changes, cards: cardSteps(current.credentials, wanted.credentials, known) };
}

function cardSteps(current: readonly Credential[], wanted: readonly Credential[], known: readonly Credential[]): CardStep[] {
  const revokes: CardStep[] = [];
  const gives: CardStep[] = [];
  const held = byId(known);
  const give = (w: Credential): CardStep => (w.kind === 'qr' ? { step: 'issue-qr', companionId: w.companionId } : { step: 'enrol', companionId: w.companionId, number: w.value });
  for (const w of wanted) {
    const old = held.get(w.id);
    if (!old) {
      // The reading leaves out blocked cards the kiosk never held; a live one is new.
      if (w.revokedAt === null) gives.push(give(w));
    } else if (old.revokedAt === null) {
      if (w.revokedAt !== null) revokes.push({ step: 'revoke', credentialId: old.id, reason: CARD_BLOCKED });
      else if (old.companionId !== w.companionId) {
        // A card handed to another companion: theirs as a new credential, the old one's history stays with its holder.
        revokes.push({ step: 'revoke', credentialId: old.id, reason: CARD_LEFT_OUT });
        gives.push(give(w));
      }
    }
    // A card out of service stays so: the reading refuses to unblock one (card-unblocked).
  }
  const wantedIds = new Set(wanted.map((w) => w.id));
  for (const c of current) if (c.revokedAt === null && !wantedIds.has(c.id)) revokes.push({ step: 'revoke', credentialId: c.id, reason: CARD_LEFT_OUT });
  return [...revokes, ...gives];
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}
