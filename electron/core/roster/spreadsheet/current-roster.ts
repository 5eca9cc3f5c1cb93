// The roster as the spreadsheet shows it, read from the kiosk's tables: what the export writes and what an import is
// compared with. Rows kept only for history (a child who left, a companion or a group taken out of service) are left
// out: leaving them out of a file changes nothing.
import type { Database } from 'better-sqlite3';
import type { Relation } from '../../../../shared/domain/roster.js';
import type { Gender, SheetRoster } from './sheet-roster.js';

type Credential = SheetRoster['credentials'][number];

export function readSheetRoster(db: Database): SheetRoster {
  const groups = db
    .prepare<[], { id: string; name: string; sortOrder: number }>(
      `SELECT g.id, g.name, g.sort_order AS sortOrder FROM groups g WHERE g.active = 1
        ORDER BY g.sort_order, g.name, g.id`,
    )
    .all();
  const children = db
    .prepare<[], { id: string; groupId: string; firstName: string; lastName: string; birthDate: string | null; gender: Gender | null }>(
      `SELECT c.id, c.group_id AS groupId, c.first_name AS firstName, c.last_name AS lastName, c.birth_date AS birthDate, c.gender
         FROM children c JOIN groups g ON g.id = c.group_id WHERE c.active = 1 ORDER BY g.sort_order, g.id, c.last_name, c.first_name, c.id`,
    )
    .all();
  const companions = db
    .prepare<[], { id: string; firstName: string; lastName: string; relation: Relation; phone: string | null }>(
      `SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.relation, p.phone FROM companions p WHERE p.active = 1
        ORDER BY p.last_name, p.first_name, p.id`,
    )
    .all();
  const listed = new Set(companions.map((c) => c.id));
  const active = new Set(children.map((c) => c.id));
  const links = db
    .prepare<[], { companionId: string; childId: string; mayBring: number; mayCollect: number; blocked: number }>(
      'SELECT companion_id AS companionId, child_id AS childId, may_bring AS mayBring, may_collect AS mayCollect, blocked FROM companion_children ORDER BY child_id, companion_id',
    )
    .all()
    .filter((l) => active.has(l.childId) && listed.has(l.companionId))
    .map((l) => ({ companionId: l.companionId, childId: l.childId, mayBring: l.mayBring === 1, mayCollect: l.mayCollect === 1, blocked: l.blocked === 1 }));
  const credentials = allCredentials(db).filter((c) => listed.has(c.companionId));
  return { groups, children, companions, links, credentials };
}

/** Every credential the kiosk holds, revoked ones and those of people no longer listed too. */
export function allCredentials(db: Database): Credential[] {
  return db
    .prepare<[], Credential>(
      `SELECT id, companion_id AS companionId, kind, value, version, revoked_at AS revokedAt FROM credentials ORDER BY companion_id, revoked_at IS NOT NULL, id`,
    )
    .all();
}

export function liveStaffCards(db: Database): Set<string> {
  return new Set(db.prepare("SELECT value FROM staff_cards WHERE revoked_at IS NULL").pluck().all() as string[]);
}
