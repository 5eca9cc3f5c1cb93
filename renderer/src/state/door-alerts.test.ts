import { describe, expect, it } from 'vitest';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { doorAlertCount } from './door-alerts.js';

const closing: StaffAlert = { id: 'c', kind: 'closing-time', count: 2, closingTime: '19:00', at: '19:10' };
const disk: StaffAlert = { id: 'd', kind: 'disk-low', freeBytes: 1, warnBelowBytes: 2, at: '10:00' };
const cannot: StaffAlert = { id: 'r', kind: 'cannot-record', problem: 'DISK_FULL', at: '10:00' };

describe('the door\'s count of staff alerts', () => {
  it('counts the kept alerts and the standing ones, but not the one the door has its own screen for', () => {
    expect(doorAlertCount([], 0)).toBe(0);
    expect(doorAlertCount([], 2)).toBe(2);
    expect(doorAlertCount([closing, disk], 1)).toBe(3);
    expect(doorAlertCount([cannot], 0)).toBe(0);
  });
});
