import { describe, expect, it } from 'vitest';
import type { CheckinReceipt } from '../../../shared/api/contract.js';
import { screenForReceipt, screenForScan } from './flow-screen.js';

const receipt: CheckinReceipt = {
  companionFirstName: 'Бибігүл',
  entries: [{ childId: 'ch1', firstName: 'Әлихан', groupName: 'Балапан', kind: 'arrival', at: '08:45' }],
};

describe('screenForScan', () => {
  it('shows the receipt for recorded and repeat, the tiles for choose', () => {
    expect(screenForScan({ ok: true, value: { kind: 'recorded', receipt } }, 7, true)).toEqual({ kind: 'done', id: 7, outcome: 'recorded', receipt });
    expect(screenForScan({ ok: true, value: { kind: 'repeat', receipt } }, 8, true)).toEqual({ kind: 'done', id: 8, outcome: 'repeat', receipt });
    const choose = { kind: 'choose' as const, offerId: 'a0e1b2c3-0000-4000-8000-000000000000', companionFirstName: 'Нұрлан', children: [], questions: [], autoConfirmMs: 5000 };
    expect(screenForScan({ ok: true, value: choose }, 9, true)).toEqual({ kind: 'choose', id: 9, scan: choose });
  });

  it("shows the core's error code, or CONNECTION_LOST when the link is down", () => {
    expect(screenForScan({ ok: false, error: { code: 'UNKNOWN_CARD' } }, 1, true)).toEqual({ kind: 'error', id: 1, code: 'UNKNOWN_CARD' });
    expect(screenForScan({ ok: false, error: { code: 'INTERNAL' } }, 2, false)).toEqual({ kind: 'error', id: 2, code: 'CONNECTION_LOST' });
  });
});

describe('screenForReceipt', () => {
  it('always shows a confirmed receipt as recorded', () => {
    expect(screenForReceipt({ ok: true, value: receipt }, 3, true)).toEqual({ kind: 'done', id: 3, outcome: 'recorded', receipt });
    expect(screenForReceipt({ ok: false, error: { code: 'OFFER_EXPIRED' } }, 4, true)).toEqual({ kind: 'error', id: 4, code: 'OFFER_EXPIRED' });
  });
});
