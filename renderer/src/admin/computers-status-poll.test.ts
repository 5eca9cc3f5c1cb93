import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/api/result.js';
import type { PeersStatus } from '../../../shared/peers/peers-contract.js';
import { NO_STATUS_YET, readEvery, viewAfter } from './computers-status-poll.js';

const statusWith = (names: string[]): PeersStatus => ({
  groupId: '0193a0a0-0000-7000-8000-0000000000aa',
  listening: null,
  pairingOpenUntilMs: null,
  members: names.map((name, i) => ({
    deviceId: `0193a0a0-0000-7000-8000-00000000d00${i}`,
    name,
    role: 'door',
    self: i === 0,
    revoked: false,
    address: null,
    connected: false,
    lastSeenMs: null,
    heldSeq: 0,
    keptAfterRemoval: 0,
  })),
  waitingLong: 0,
  forks: 0,
  refusals: [],
  joinable: false,
});

describe('the Computers page keeps what it read', () => {
  it('shows an answer whole and forgets an earlier refusal', () => {
    const read = statusWith(['Door', 'Office']);
    expect(viewAfter({ status: null, refusal: 'PEER_LINK_OFF' }, ok(read))).toEqual({ status: read, refusal: null });
  });

  it('keeps the list last read beside a refused read, so a slow link does not empty the page', () => {
    const before = statusWith(['Door', 'Office']);
    const after = viewAfter({ status: before, refusal: null }, fail('PEER_LINK_OFF', 'status not answered within 5000 ms'));
    expect(after.status).toBe(before);
    expect(after.refusal).toBe('PEER_LINK_OFF');
  });

  it('has no list to show when no read was ever answered', () => {
    expect(viewAfter(NO_STATUS_YET, fail('PEER_LINK_OFF', 'the peer worker is not running'))).toEqual({ status: null, refusal: 'PEER_LINK_OFF' });
  });
});

describe('the Computers page asks the link one question at a time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A read that settles only when the test says so. */
  function heldReads() {
    const answers: Array<() => void> = [];
    const read = vi.fn(() => new Promise<void>((settle) => answers.push(settle)));
    return { read, answer: (i: number) => answers[i]?.() };
  }

  it('asks at once, not again while the answer is awaited, then again a while after it came', async () => {
    const { read, answer } = heldReads();
    const stop = readEvery(read, 5_000);
    expect(read).toHaveBeenCalledTimes(1);
    // A link slow to answer is not asked again meanwhile, however long it takes.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(read).toHaveBeenCalledTimes(1);
    answer(0);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(2);
    stop();
  });

  it('goes on after a read that threw', async () => {
    const read = vi.fn(() => Promise.reject(new Error('transport gone')));
    const stop = readEvery(read, 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(read).toHaveBeenCalledTimes(2);
    stop();
  });

  it('asks nothing more once stopped, even when the read in flight answers after', async () => {
    const { read, answer } = heldReads();
    const stop = readEvery(read, 5_000);
    stop();
    answer(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('asks nothing more once stopped while it waited to ask again', async () => {
    const { read, answer } = heldReads();
    const stop = readEvery(read, 5_000);
    answer(0);
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
