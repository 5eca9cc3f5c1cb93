// Which verified copies to keep: the newest copy of each of the newest N hours, days, months and years (restic's
// `forget --keep-hourly … --keep-yearly` rule), counted in the kindergarten's local time; a copy any rule keeps is kept.
// The newest copy is always kept, and so are the newest few taken before migrations, whatever their age.
import type { BackupKind, BackupRetention } from '../../../shared/admin/backup-contract.js';
import { toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';

export const DEFAULT_RETENTION: BackupRetention = { hourly: 48, daily: 30, monthly: 12, yearly: 5 };

/** Copies taken before a migration are the way back from a bad upgrade: the newest of them are kept apart from the rule. */
export const KEEP_PRE_MIGRATION = 3;

export interface RetainedCopy {
  file: string;
  kind: BackupKind;
  takenMs: number;
}

type Rule = { count: number; bucket: (iso: string) => string };

/** The local ISO time's prefix that names each rule's bucket: "YYYY-MM-DDTHH", "YYYY-MM-DD", "YYYY-MM", "YYYY". */
const bucketOf = (length: number) => (iso: string) => iso.slice(0, length);

/** The files to keep of `copies` (verified copies only: a failed one never takes a good one's place). */
export function copiesToKeep(copies: readonly RetainedCopy[], policy: BackupRetention, zone: LocalZone | undefined): Set<string> {
  const newestFirst = [...copies].sort((a, b) => b.takenMs - a.takenMs);
  const keep = new Set<string>();
  const newest = newestFirst[0];
  if (newest) keep.add(newest.file);
  const rules: Rule[] = [
    { count: policy.hourly, bucket: bucketOf(13) },
    { count: policy.daily, bucket: bucketOf(10) },
    { count: policy.monthly, bucket: bucketOf(7) },
    { count: policy.yearly, bucket: bucketOf(4) },
  ];
  for (const rule of rules) {
    let left = rule.count;
    let last: string | null = null;
    for (const copy of newestFirst) {
      if (left <= 0) break;
      const bucket = rule.bucket(toLocalTime(new Date(copy.takenMs), zone).iso);
      if (bucket === last) continue;
      keep.add(copy.file);
      last = bucket;
      left -= 1;
    }
  }
  newestFirst
    .filter((copy) => copy.kind === 'pre-migration')
    .slice(0, KEEP_PRE_MIGRATION)
    .forEach((copy) => keep.add(copy.file));
  return keep;
}
