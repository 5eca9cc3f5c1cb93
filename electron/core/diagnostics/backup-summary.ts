// The backups' line on the diagnostics page, from the backup desk's status: the last good copy, whether it was
// verified, how many are kept, how the second place stands, and the newest failure if one came after it.
import type { BackupSummary } from '../../../shared/admin/diagnostics-contract.js';
import type { BackupStatus } from '../../../shared/admin/backup-contract.js';

export function backupSummaryOf(status: BackupStatus, copies: number): BackupSummary {
  const place = status.secondPlace;
  const last = place?.last?.state ?? null;
  return {
    available: true,
    lastCopyMs: status.lastGood?.takenMs ?? null,
    lastCopyVerified: status.lastGood ? status.lastGood.verified : null,
    copies,
    secondPlace: place === null ? 'not-set' : last === null ? 'pending' : last === 'written' ? 'ok' : last === 'missing' ? 'missing' : 'failing',
    problem: status.lastFailure ? `${status.lastFailure.code}: ${status.lastFailure.detail}`.slice(0, 500) : null,
  };
}
