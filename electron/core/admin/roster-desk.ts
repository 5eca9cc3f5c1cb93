// The admin console's roster pages over one database: the roster as the kiosk holds it (inactive rows too, with each
// child's latest enrolment period) and the hand edits, applied by the roster editor (electron/core/roster/edit/).
import type { Database } from 'better-sqlite3';
import type { RosterView } from '../../../shared/admin/roster-contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { RosterChange, RosterEditOutcome } from '../../../shared/domain/roster-change.js';
import { RelationSchema } from '../../../shared/domain/roster.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { RosterEditor } from '../roster/edit/roster-editor.js';

export const ROSTER_VIEW_SQL = {
  groups: 'SELECT id, name, sort_order AS sortOrder, active FROM groups ORDER BY sort_order, name',
  // The latest period of each child: the one with the greatest id (periods are only ever added after one another).
  children: `SELECT c.id, c.group_id AS groupId, c.first_name AS firstName, c.last_name AS lastName, c.active,
                    p.from_day AS enrolledFrom, p.until_day AS enrolledUntil
               FROM children c LEFT JOIN child_enrolments p ON p.id = (SELECT max(id) FROM child_enrolments WHERE child_id = c.id)
              ORDER BY c.last_name, c.first_name`,
  companions: 'SELECT id, first_name AS firstName, last_name AS lastName, relation, active FROM companions ORDER BY last_name, first_name',
  rights: 'SELECT companion_id AS companionId, child_id AS childId, may_bring AS mayBring, may_collect AS mayCollect, blocked FROM companion_children',
} as const;

export interface RosterDeskOptions {
  db: Database;
  /** This kiosk's device id: the roster changes it queues for the city name it. */
  deviceId: string;
}

export class RosterDesk {
  private readonly editor: RosterEditor;
  private readonly sync: SyncStateStore;

  constructor(private readonly options: RosterDeskOptions) {
    const { db, deviceId } = options;
    this.sync = new SyncStateStore(db);
    this.editor = new RosterEditor({ db, deviceId, audit: new AdminAudit(db), settings: SettingsStore.of(db), sync: this.sync });
  }

  view(): RosterView {
    const { db } = this.options;
    const flag = (n: number): boolean => n === 1;
    const rights = new Map<string, RosterView['companions'][number]['rights']>();
    for (const r of db.prepare<[], { companionId: string; childId: string; mayBring: number; mayCollect: number; blocked: number }>(ROSTER_VIEW_SQL.rights).all()) {
      rights.set(r.companionId, [...(rights.get(r.companionId) ?? []), { childId: r.childId, mayBring: flag(r.mayBring), mayCollect: flag(r.mayCollect), blocked: flag(r.blocked) }]);
    }
    return {
      editable: this.editor.editable(),
      cityEnrolled: this.sync.get(SYNC_KEYS.serverUrl) !== null,
      groups: db.prepare<[], { id: string; name: string; sortOrder: number; active: number }>(ROSTER_VIEW_SQL.groups).all().map((g) => ({ ...g, active: flag(g.active) })),
      children: db
        .prepare<[], { id: string; groupId: string; firstName: string; lastName: string; active: number; enrolledFrom: string | null; enrolledUntil: string | null }>(ROSTER_VIEW_SQL.children)
        .all()
        .map((c) => ({ ...c, active: flag(c.active) })),
      companions: db
        .prepare<[], { id: string; firstName: string; lastName: string; relation: string; active: number }>(ROSTER_VIEW_SQL.companions)
        .all()
        .map((c) => ({ ...c, relation: RelationSchema.catch('other').parse(c.relation), active: flag(c.active), rights: rights.get(c.id) ?? [] })),
    };
  }

  edit(staffId: string, changes: readonly RosterChange[], at: LocalTime): Result<RosterEditOutcome> {
    return this.editor.apply(staffId, 'console', changes, at);
  }
}
