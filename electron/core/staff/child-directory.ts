// The roster as staff look through it: groups, a group's children, a name search across all groups (Kazakh
// letters folded, shared/staff/name-fold.ts) and a child's companions.
import type { Database } from 'better-sqlite3';
import type { EventKind } from '../../../shared/domain/attendance.js';
import type { ChildCompanion } from '../../../shared/staff/staff-contract.js';
import { nameMatches } from '../../../shared/staff/name-fold.js';
import { inKazakhOrder } from '../../../shared/text/kazakh-order.js';
import { StatementCache } from '../db/statement-cache.js';

export interface ChildRow {
  id: string;
  first_name: string;
  last_name: string;
  group_id: string;
  group_name: string;
}

/** The most a search returns: staff type more letters rather than scroll through hundreds. */
const SEARCH_LIMIT = 40;

const CHILD_COLUMNS = `c.id, c.first_name, c.last_name, c.group_id, g.name AS group_name FROM children c JOIN groups g ON g.id = c.group_id`;

export class ChildDirectory {
  /** The clock's jobs read the groups and the children every few seconds (the headcount, closing time). */
  private readonly sql: StatementCache;

  constructor(db: Database) {
    this.sql = new StatementCache(db);
  }

  groups(): { id: string; name: string }[] {
    return this.sql.get<[], { id: string; name: string }>('SELECT id, name FROM groups ORDER BY sort_order, name').all();
  }

  child(childId: string): ChildRow | undefined {
    return this.sql.get<[string], ChildRow>(`SELECT ${CHILD_COLUMNS} WHERE c.id = ? AND c.active = 1`).get(childId);
  }

  inGroup(groupId: string): ChildRow[] {
    const rows = this.sql.get<[string], ChildRow>(`SELECT ${CHILD_COLUMNS} WHERE c.group_id = ? AND c.active = 1`).all(groupId);
    return inKazakhOrder(rows, (c) => c.first_name, (c) => c.last_name);
  }

  all(): ChildRow[] {
    // Groups in their own order (the query's), the children of each by the Kazakh alphabet.
    const rows = this.sql.get<[], ChildRow>(`SELECT ${CHILD_COLUMNS} WHERE c.active = 1 ORDER BY g.sort_order, g.id`).all();
    const groupRank = new Map<string, string>();
    for (const row of rows) if (!groupRank.has(row.group_id)) groupRank.set(row.group_id, String(groupRank.size));
    return inKazakhOrder(rows, (c) => groupRank.get(c.group_id) ?? '', (c) => c.first_name, (c) => c.last_name);
  }

  /** Children whose first and last name hold every word of the query, folded (a few hundred rows: read in full). */
  search(query: string, groupId?: string): ChildRow[] {
    const pool = groupId === undefined ? this.all() : this.inGroup(groupId);
    return pool.filter((c) => nameMatches(query, c.first_name, c.last_name)).slice(0, SEARCH_LIMIT);
  }

  companionsOf(childId: string): ChildCompanion[] {
    return this.sql
      .get<[string], { id: string; first_name: string; last_name: string; relation: string; may_bring: 0 | 1; may_collect: 0 | 1 }>(
        `SELECT p.id, p.first_name, p.last_name, p.relation, l.may_bring, l.may_collect
           FROM companion_children l JOIN companions p ON p.id = l.companion_id
          WHERE l.child_id = ? AND l.blocked = 0
          ORDER BY p.first_name`,
      )
      .all(childId)
      .map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, relation: r.relation, mayBring: r.may_bring === 1, mayCollect: r.may_collect === 1 }));
  }

  /** Whether the roster lets this companion bring (arrival) or collect (departure) this child. */
  companionMay(childId: string, companionId: string, kind: EventKind): boolean {
    const column = kind === 'arrival' ? 'may_bring' : 'may_collect';
    return this.sql.get(`SELECT 1 FROM companion_children WHERE child_id = ? AND companion_id = ? AND blocked = 0 AND ${column} = 1`).get(childId, companionId) !== undefined;
  }
}
