// Today at a glance for the admin: the nurse's headcount (the cut-off snapshot beside the count now), the live count per group, who is in the building now (since when), today's
// overrides with their reasons, and today's refused attempts.
import type { HeadcountGroup } from '../../../shared/staff/staff-contract.js';
import type { HeadcountView } from '../../../shared/staff/headcount-view.js';
import type { LogEntry, RefusedAttempt } from '../../../shared/admin/admin-contract.js';
import type { PresentChild } from '../staff/staff-views.js';
import type { LogQuery } from './log-query.js';
import type { RefusedLog } from './refused-log.js';

/** Enough for any day of one kiosk; the log shows the rest. */
const TODAY_LIMIT = 200;

export interface TodayView {
  localDate: string;
  groups: HeadcountGroup[];
  headcount: HeadcountView;
  present: PresentChild[];
  overrides: LogEntry[];
  refused: RefusedAttempt[];
}

export interface TodayDeps {
  /** The staff desk's count per group and who is in the building (StaffDesk.inBuilding). */
  inBuilding: { groups: HeadcountGroup[]; present: PresentChild[] };
  /** The staff desk's headcount for the nurse (StaffDesk.headcount): the office PC shows the page the staff screens do. */
  headcount: HeadcountView;
  log: LogQuery;
  refused: RefusedLog;
}

export function todayView(deps: TodayDeps, localDate: string): TodayView {
  return {
    localDate,
    groups: deps.inBuilding.groups,
    headcount: deps.headcount,
    present: deps.inBuilding.present,
    overrides: deps.log.page({ from: localDate, to: localDate, method: 'override' }, null, TODAY_LIMIT).entries,
    refused: deps.refused.page({ from: localDate, to: localDate }, null, TODAY_LIMIT).attempts,
  };
}
