// The one-time backfill's pieces in the order a joining machine needs them (docs/peers.md §9 "Backfill, once"): at the
// core's top level, the only level that may import every domain, as peer-worker-entry.ts joins the appliers; the
// order is peers/backfill.ts's to keep. Staff first (every roster or card record names an admin, every PIN an
// account), the kindergarten's settings and transfers (a transfer names its admin), then the roster (a tap names its
// child, companion and card), then the taps and what refers to them: a paper day names its arrivals, a closing
// resolution its departure, and certificate checks, headcounts and never-come counts their children and groups.
import type { Database } from 'better-sqlite3';
import type { LocalZone } from '../../shared/domain/local-time.js';
import type { BackfillPiece } from './ledger/backfill-writer.js';
import { runBackfill, type BackfillOutcome } from './peers/backfill.js';
import { rosterHistoryBackfill, rosterStateBackfill } from './roster/backfill.js';
import { staffFactsBackfill, staffRegistersBackfill } from './staff/backfill.js';
import { attendanceBackfill, overrideReasonBackfill } from './ledger/backfill.js';
import { settingsBackfill } from './ledger/settings-backfill.js';
import { neverComeCountsBackfill, transfersBackfill } from './admin/backfill.js';
import { certificateChecksBackfill, closingResolutionsBackfill, headcountsBackfill, paperDaysBackfill } from './staff/day-backfill.js';

export const BACKFILL_PIECES: readonly (readonly [string, BackfillPiece])[] = [
  ['staff', staffRegistersBackfill],
  ['settings', settingsBackfill],
  ['transfers', transfersBackfill],
  ['roster-history', rosterHistoryBackfill],
  ['roster', rosterStateBackfill],
  ['attendance', attendanceBackfill],
  ['override-reasons', overrideReasonBackfill],
  ['absences-corrections', staffFactsBackfill],
  ['paper-days', paperDaysBackfill],
  ['closing-resolutions', closingResolutionsBackfill],
  ['certificate-checks', certificateChecksBackfill],
  ['headcounts', headcountsBackfill],
  ['never-come-counts', neverComeCountsBackfill],
];

/** This database's past as its peer log, once (null: done before, or no peer log bound). */
export function backfillPeerLog(db: Database, nowMs: number, zone?: LocalZone): BackfillOutcome | null {
  return runBackfill(db, BACKFILL_PIECES, zone === undefined ? { nowMs } : { nowMs, zone });
}
