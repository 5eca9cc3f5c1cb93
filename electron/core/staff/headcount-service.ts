// The day's headcount for the nurse: per group the children present and their names. At the cut-off (09:00 by
// default) the kiosk takes it by itself, once a day, and keeps it as a snapshot row; staff may take one any time.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { HeadcountGroupSchema, type Headcount, type HeadcountGroup, type StaffMember } from '../../../shared/staff/staff-contract.js';
import { z } from 'zod';
import { OutboxWriter } from '../ledger/outbox-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import type { ChildDirectory } from './child-directory.js';
import { presenceIn, type PresenceStore } from './presence-store.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

interface HeadcountRow {
  id: string;
  local_date: string;
  taken_at: string;
  trigger: 'cut-off' | 'manual';
  groups: string;
}

const StoredGroups = z.array(HeadcountGroupSchema);

export class HeadcountService {
  private readonly outbox: OutboxWriter;

  constructor(private readonly deps: { db: Database; directory: ChildDirectory; presence: PresenceStore; audit: StaffAudit; deviceId: string }) {
    this.outbox = new OutboxWriter(deps.db);
  }

  /** The count right now. */
  live(localDate: string): HeadcountGroup[] {
    const day = this.deps.presence.day(localDate);
    const children = this.deps.directory.all();
    return this.deps.directory.groups().map((g) => {
      const inGroup = children.filter((c) => c.group_id === g.id);
      const present = inGroup.filter((c) => presenceIn(day, c.id).state === 'present');
      return {
        groupId: g.id,
        groupName: g.name,
        present: present.length,
        enrolled: inGroup.length,
        absent: inGroup.filter((c) => presenceIn(day, c.id).state === 'absent').length,
        presentNames: present.map((c) => `${c.first_name} ${c.last_name}`),
      };
    });
  }

  /**
   * Takes and keeps a snapshot: by staff (manual), or by the kiosk at the cut-off (actor null). It is queued for the
   * city unless `forCity` is false.
   */
  take(actor: StaffMember | null, at: LocalTime, forCity = true): Headcount {
    const { db, audit } = this.deps;
    const headcount: Headcount = {
      id: uuidv7(),
      localDate: at.localDate,
      takenAt: at.hhmm,
      trigger: actor === null ? 'cut-off' : 'manual',
      groups: this.live(at.localDate),
    };
    db.transaction(() => {
      db.prepare('INSERT INTO headcounts (id, local_date, taken_at, taken_ms, trigger, staff_id, groups) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        headcount.id,
        headcount.localDate,
        at.iso,
        at.ms,
        headcount.trigger,
        actor?.id ?? null,
        JSON.stringify(headcount.groups),
      );
      // "At the cut-off a headcount per group … recorded as a snapshot and pushed with the other events."
      if (forCity) {
        this.outbox.enqueue(
          {
            type: 'headcount',
            id: headcount.id,
            deviceId: this.deps.deviceId,
            localDate: headcount.localDate,
            takenAt: at.iso,
            takenMs: at.ms,
            trigger: headcount.trigger,
            staffId: actor?.id ?? null,
            groups: headcount.groups,
          },
          at.ms,
        );
      }
      const present = headcount.groups.reduce((sum, g) => sum + g.present, 0);
      audit.record('headcount', actor?.id ?? null, at, { trigger: headcount.trigger, present, groups: headcount.groups.length }, headcount.id);
    }).immediate();
    return headcount;
  }

  /**
   * At or after the cut-off, the day's automatic headcount if it is not taken yet; null when nothing was due. A roster
   * with no groups has nothing to count. A kiosk not enrolled with a city keeps it for its own staff only: it counts a
   * roster the city has not given (the demo kindergarten, a fresh install started after the cut-off with nobody
   * recorded), and queued it would land at the city on enrollment as that day's headcount.
   */
  takeIfDue(cutOff: string, at: LocalTime): Headcount | null {
    if (at.hhmm < cutOff) return null;
    if (this.deps.db.prepare(`SELECT 1 FROM headcounts WHERE local_date = ? AND trigger = 'cut-off'`).get(at.localDate)) return null;
    if (this.deps.directory.groups().length === 0) return null;
    return this.take(null, at, new SyncStateStore(this.deps.db).get(SYNC_KEYS.serverUrl) !== null);
  }

  /** The day's snapshot to show: the latest taken (the cut-off one unless staff took another after it). */
  latest(localDate: string): Headcount | null {
    const row = this.deps.db
      .prepare<[string], HeadcountRow>('SELECT id, local_date, taken_at, trigger, groups FROM headcounts WHERE local_date = ? ORDER BY taken_ms DESC LIMIT 1')
      .get(localDate);
    if (!row) return null;
    const groups = StoredGroups.safeParse(JSON.parse(row.groups));
    return {
      id: row.id,
      localDate: row.local_date,
      takenAt: row.taken_at.slice(11, 16),
      trigger: row.trigger,
      groups: groups.success ? groups.data : [],
    };
  }
}
