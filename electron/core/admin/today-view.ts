// Today at a glance for the admin: the live headcount per group, who is in the building now (since when), today's
// overrides with their reasons, and today's refused attempts.
import type { HeadcountGroup } from '../../../shared/staff/staff-contract.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import type { LogEntry, RefusedAttempt } from '../../../shared/admin/admin-contract.js';
import type { ChildDirectory } from '../staff/child-directory.js';
import type { HeadcountService } from '../staff/headcount-service.js';
import type { PresenceStore } from '../staff/presence-store.js';
import type { LogQuery } from './log-query.js';
import type { RefusedLog } from './refused-log.js';

/** Enough for any day of one kiosk; the log shows the rest. */
const TODAY_LIMIT = 200;

export interface TodayView {
  localDate: string;
  groups: HeadcountGroup[];
  present: { childId: string; firstName: string; lastName: string; groupName: string; since: string }[];
  overrides: LogEntry[];
  refused: RefusedAttempt[];
}

export interface TodayDeps {
  directory: ChildDirectory;
  presence: PresenceStore;
  headcounts: HeadcountService;
  log: LogQuery;
  refused: RefusedLog;
  offsetMinutes: number | undefined;
}

export function todayView(deps: TodayDeps, localDate: string): TodayView {
  const day = deps.presence.day(localDate);
  const present = deps.directory.all().flatMap((c) => {
    const p = day.get(c.id);
    if (p?.state !== 'present' || !p.lastEvent) return [];
    const since = toLocalTime(new Date(p.lastEvent.occurredMs), deps.offsetMinutes).hhmm;
    return [{ childId: c.id, firstName: c.first_name, lastName: c.last_name, groupName: c.group_name, since }];
  });
  return {
    localDate,
    groups: deps.headcounts.live(localDate),
    present,
    overrides: deps.log.page({ from: localDate, to: localDate, method: 'override' }, null, TODAY_LIMIT).entries,
    refused: deps.refused.page({ from: localDate, to: localDate }, null, TODAY_LIMIT).attempts,
  };
}
