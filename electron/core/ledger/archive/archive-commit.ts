// The one transaction that moves a year out of the live database once its archive file is written, verified, flushed
// and renamed into place: the year's plan read again (nothing may have changed since the copy), the boundary recorded,
// the rows it covers deleted (the narrowed guards of migration 0014 allow exactly those), the peer log's archived heads
// kept (its rows stay: peer-archived.ts), and the admin's act audited.
// All of it or none: a crash before the commit leaves every row live and a file no boundary names (written again by
// the next attempt); after it, the file is already whole on disk.
import type { Database } from 'better-sqlite3';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import type { AdminAudit } from '../admin-audit.js';
import { insertBoundary, type ArchiveBoundary, type ArchiveCounts } from './archive-boundaries.js';
import { planYear, yearEnd, type ArchiveRefusal, type YearPlan } from './archive-plan.js';
import { recordArchivedPeerRows } from './peer-archived.js';

export class ArchiveChangedError extends Error {
  readonly code = 'ARCHIVE_CHANGED';
}

export type CommitOutcome = { ok: true; boundary: ArchiveBoundary } | { ok: false; code: ArchiveRefusal | 'ARCHIVE_CHANGED'; detail: string };

const sameCounts = (a: ArchiveCounts, b: ArchiveCounts): boolean => JSON.stringify(a) === JSON.stringify(b);

export function commitArchive(input: {
  db: Database;
  audit: AdminAudit;
  plan: YearPlan;
  file: { name: string; sha256: string; bytes: number };
  staffId: string;
  today: string;
  at: LocalTime;
}): CommitOutcome {
  const { db, plan } = input;
  try {
    return db
      .transaction((): CommitOutcome => {
        const again = planYear(db, plan.deviceId, plan.year, input.today);
        if (!again.ok) return again;
        if (again.plan.lastSeq !== plan.lastSeq || again.plan.startHash !== plan.startHash || !sameCounts(again.plan.counts, plan.counts)) {
          return { ok: false, code: 'ARCHIVE_CHANGED', detail: `the records of ${plan.year} changed while the archive was written` };
        }
        const headHash =
          plan.lastSeq < plan.firstSeq
            ? plan.startHash
            : (db.prepare<[string, number], string>('SELECT hash FROM attendance_events WHERE device_id = ? AND device_seq = ?').pluck().get(plan.deviceId, plan.lastSeq) ?? '');
        const boundary: ArchiveBoundary = {
          year: plan.year,
          deviceId: plan.deviceId,
          firstSeq: plan.firstSeq,
          lastSeq: plan.lastSeq,
          startHash: plan.startHash,
          headHash,
          fileName: input.file.name,
          sha256: input.file.sha256,
          bytes: input.file.bytes,
          counts: plan.counts,
          staffId: input.staffId,
          archivedAt: input.at.iso,
          archivedMs: input.at.ms,
        };
        insertBoundary(db, boundary);
        // The peer log keeps its rows: those naming the events about to go travel link-only from now on (§5).
        recordArchivedPeerRows(db, plan, input.at.ms);
        const end = yearEnd(plan.year);
        const removed: ArchiveCounts = {
          overrideReasons: db
            .prepare('DELETE FROM override_reasons WHERE event_id IN (SELECT id FROM attendance_events WHERE device_id = ? AND device_seq BETWEEN ? AND ?)')
            .run(plan.deviceId, plan.firstSeq, plan.lastSeq).changes,
          closingResolutions: db.prepare('DELETE FROM closing_resolutions WHERE local_date <= ?').run(end).changes,
          ownEvents: db.prepare('DELETE FROM attendance_events WHERE device_id = ? AND device_seq BETWEEN ? AND ?').run(plan.deviceId, plan.firstSeq, plan.lastSeq).changes,
          peerEvents: db.prepare('DELETE FROM attendance_events WHERE device_id <> ? AND local_date <= ?').run(plan.deviceId, end).changes,
          absences: db.prepare('DELETE FROM absences WHERE last_date <= ?').run(end).changes,
        };
        // The counts were read in this transaction: a difference is a bug, and throwing undoes every delete.
        if (!sameCounts({ ...plan.counts, ...removed }, plan.counts)) throw new ArchiveChangedError(`removed ${JSON.stringify(removed)}, archived ${JSON.stringify(plan.counts)}`);
        input.audit.record('year-archived', input.staffId, input.at, { year: plan.year, fileName: input.file.name, sha256: input.file.sha256, firstSeq: plan.firstSeq, lastSeq: plan.lastSeq, counts: plan.counts });
        return { ok: true, boundary };
      })
      .immediate();
  } catch (error) {
    if (error instanceof ArchiveChangedError) return { ok: false, code: 'ARCHIVE_CHANGED', detail: error.message };
    throw error;
  }
}
