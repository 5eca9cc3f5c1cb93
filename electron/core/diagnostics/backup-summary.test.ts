import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/admin/backup-contract.js';
import { backupSummaryOf } from './backup-summary.js';

const none: BackupStatus = { running: false, lastGood: null, lastFailure: null, retention: { hourly: 48, daily: 30, monthly: 12, yearly: 5 }, secondPlaceRetention: { hourly: 6, daily: 7, monthly: 12, yearly: 5 }, secondPlace: null };

describe('backupSummaryOf', () => {
  it('says no copy and no second place plainly, and the newest failure with its code', () => {
    expect(backupSummaryOf(none, 0)).toEqual({ available: true, lastCopyMs: null, lastCopyVerified: null, copies: 0, secondPlace: 'not-set', problem: null });
    const failed = backupSummaryOf({ ...none, lastFailure: { at: '2026-12-03T08:00:00Z', code: 'BACKUP_FAILED', detail: 'disk full' } }, 0);
    expect(failed.problem).toBe('BACKUP_FAILED: disk full');
  });

  it('tells a second place set but not written yet, written, missing and failing apart', () => {
    const place = (last: NonNullable<BackupStatus['secondPlace']>['last']) => backupSummaryOf({ ...none, secondPlace: { folder: '/media/usb', keySetAt: '2026-12-03T08:00:00Z', last } }, 1).secondPlace;
    expect(place(null)).toBe('pending');
    expect(place({ state: 'written', at: 'x', file: 'f', detail: null })).toBe('ok');
    expect(place({ state: 'missing', at: 'x', file: null, detail: null })).toBe('missing');
    expect(place({ state: 'full', at: 'x', file: null, detail: null })).toBe('failing');
  });
});
