import { describe, expect, it } from 'vitest';
import { computersCatalogs } from '../../../shared/i18n/peers/computers-catalogs.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { codeGroups, linkText, membersInOrder, minutesLeft } from './computers-format.js';

const member = (over: Partial<PeerMemberView>): PeerMemberView => ({
  deviceId: '0193a0a0-0000-7000-8000-00000000d001',
  name: 'Door 1',
  role: 'door',
  self: false,
  revoked: false,
  address: null,
  connected: false,
  lastSeenMs: null,
  heldSeq: 0,
  keptAfterRemoval: 0,
  ...over,
});

describe('the Computers page in words', () => {
  it('shows a code in groups of four whatever form it comes in', () => {
    expect(codeGroups('7KQ4M2XD9RTB')).toBe('7KQ4-M2XD-9RTB');
    expect(codeGroups('7kq4-m2xd-9rtb')).toBe('7KQ4-M2XD-9RTB');
    expect(codeGroups('7KQ4M2XD9RTBQ')).toBe('7KQ4-M2XD-9RTB-Q');
  });

  it('counts the minutes left up, never below zero', () => {
    expect(minutesLeft(600_000, 0)).toBe(10);
    expect(minutesLeft(600_000, 1)).toBe(10);
    expect(minutesLeft(600_000, 540_001)).toBe(1);
    expect(minutesLeft(600_000, 600_000)).toBe(0);
    expect(minutesLeft(600_000, 700_000)).toBe(0);
  });

  it('says connected, when last seen, or never', () => {
    const x = computersCatalogs.en;
    const when = (ms: number) => `at ${ms}`;
    expect(linkText(member({ connected: true, lastSeenMs: 5 }), x, when)).toBe('Connected');
    expect(linkText(member({ lastSeenMs: 5 }), x, when)).toBe('Last seen at 5');
    expect(linkText(member({}), x, when)).toBe('Not connected yet');
  });

  it('lists this computer first and the removed ones last', () => {
    const order = membersInOrder([
      member({ name: 'B', revoked: true }),
      member({ name: 'Door 2' }),
      member({ name: 'Office', self: true }),
      member({ name: 'Door 1' }),
    ]).map((m) => m.name);
    expect(order).toEqual(['Office', 'Door 1', 'Door 2', 'B']);
  });
});
