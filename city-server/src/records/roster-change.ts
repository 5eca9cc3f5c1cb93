// A kiosk's roster-change record (docs/sync-protocol.md, "Roster changes") against the city's roster: what makes it
// unacceptable, and, once accepted, the roster change it makes under a new revision, so every kiosk of the kindergarten
// gets it in its next delta. Both run inside the push's transaction. The city keeps its authority: where it manages the
// roster (rosterManagedBy absent or 'city') every hand edit is rejected.
import { linkKeyOf } from '../../../shared/domain/roster-change.js';
import type { RosterChangeRecord } from '../../../shared/sync/protocol.js';
import type { RosterStore } from '../roster/roster-store.js';

/** Why the city will never accept this change as it is, or null when it may be applied. */
export function rosterChangeProblem(roster: RosterStore, record: RosterChangeRecord): string | null {
  if (roster.settings().rosterManagedBy !== 'kindergarten') {
    return "the city keeps this kindergarten's roster (rosterManagedBy 'city'): change it in the city's roster";
  }
  const change = record.change;
  switch (change.kind) {
    case 'group':
    case 'companion':
      return null;
    case 'group-closed':
      if (!roster.isLive('groups', change.groupId)) return `group ${change.groupId} is not in this kindergarten's roster`;
      return roster.groupHasChildren(change.groupId) ? `group ${change.groupId} still has children` : null;
    case 'child':
      return roster.isLive('groups', change.child.groupId) ? null : `group ${change.child.groupId} is not in this kindergarten's roster`;
    case 'child-left':
    case 'companion-removed':
    case 'link-removed':
      // Already gone (another kiosk's change came first): nothing to do, and nothing wrong.
      return null;
    case 'link':
      if (!roster.isLive('companions', change.link.companionId)) return `companion ${change.link.companionId} is not in this kindergarten's roster`;
      return roster.isLive('children', change.link.childId) ? null : `child ${change.link.childId} is not in this kindergarten's roster`;
  }
}

/** Applies an accepted change; rosterChangeProblem must have answered null. */
export function applyRosterChange(roster: RosterStore, record: RosterChangeRecord): void {
  const change = record.change;
  switch (change.kind) {
    case 'group':
      return roster.applyKioskChange({ put: { entity: 'groups', row: change.group } });
    case 'group-closed':
      return roster.applyKioskChange({ remove: { entity: 'groups', key: change.groupId } });
    case 'child':
      return roster.applyKioskChange({ put: { entity: 'children', row: change.child } });
    case 'child-left':
      return roster.applyKioskChange({ remove: { entity: 'children', key: change.childId } });
    case 'companion':
      return roster.applyKioskChange({ put: { entity: 'companions', row: change.companion } });
    case 'companion-removed':
      return roster.applyKioskChange({ remove: { entity: 'companions', key: change.companionId } });
    case 'link':
      return roster.applyKioskChange({ put: { entity: 'links', row: change.link } });
    case 'link-removed':
      return roster.applyKioskChange({ remove: { entity: 'links', key: linkKeyOf(change.companionId, change.childId) } });
  }
}
