// PIN checks through the core's one door (dispatch), as either shell sends them: off the core's thread, so a card tap
// is answered while a check runs, and exact under concurrency, so guesses sent together are counted one by one and
// none gets past a lock. Real SQLite files, real scrypt.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

/** 08:10 in Almaty on Monday 23 November 2026. */
const MORNING = '2026-11-23T03:10:00.000Z';

function door(dataDir = tempDataDir(), clock = manualClock(MORNING)) {
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, cityPullIntervalMs: 0 });
  const call = (name: string, args: unknown) => Promise.resolve(dispatch(core.handlers, name, args, () => undefined));
  const signIn = (staffId: string, pin: string) => call('staffSignIn', { who: { kind: 'staff', staffId }, pin });
  return { core, dataDir, clock, call, signIn };
}

type Kiosk = ReturnType<typeof door>;

function outcomeOf(result: unknown): string {
  const reply = result as { ok: boolean; value?: { outcome?: string }; error?: { code: string } };
  if (!reply.ok) throw new Error(`expected an answer, got ${JSON.stringify(reply.error)}`);
  return reply.value?.outcome ?? 'none';
}

function auditOf(kiosk: Kiosk, staffId: string): { action: string; detail: Record<string, unknown> }[] {
  const reader = new BetterSqlite3(kiosk.core.databasePath, { readonly: true });
  try {
    return (reader.prepare('SELECT action, detail FROM staff_audit WHERE staff_id = ? ORDER BY occurred_ms, id').all(staffId) as { action: string; detail: string }[]).map(
      (row) => ({ action: row.action, detail: JSON.parse(row.detail) as Record<string, unknown> }),
    );
  } finally {
    reader.close();
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('a PIN check', () => {
  it('leaves the core free: a card tapped while a PIN is checked is answered first', async () => {
    const kiosk = door();
    try {
      const order: string[] = [];
      const check = kiosk.signIn('staff-duty', '1234').then((reply) => order.push(`pin:${outcomeOf(reply)}`));
      // The tap comes in on the next turn of the event loop, as a reader's card or the next request would.
      await nextTurn();
      const tap = dispatch(kiosk.core.handlers, 'identifyCard', { raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      order.push(`tap:${tap instanceof Promise ? 'pending' : tap.ok ? 'answered' : 'failed'}`);
      await check;
      expect(order).toEqual(['tap:answered', 'pin:signed-in']);
    } finally {
      kiosk.core.close();
    }
  });
});

describe('the wrong-PIN lock under concurrency', () => {
  it('counts twenty guesses sent at once one by one: four wrong, the fifth locks, and the fifteen behind it are refused unchecked', async () => {
    const kiosk = door();
    try {
      // The right PIN rides in the middle of the burst: it comes after the lock, so it must not sign in.
      const pins = Array.from({ length: 20 }, (_, i) => (i === 9 ? '1234' : `90${String(i).padStart(2, '0')}`));
      const replies = await Promise.all(pins.map((pin) => kiosk.signIn('staff-duty', pin)));
      const outcomes = replies.map(outcomeOf);
      expect(outcomes).toEqual([...Array<string>(4).fill('wrong-pin'), ...Array<string>(16).fill('locked')]);
      expect(replies.slice(0, 4).map((r) => (r as { value: { attemptsLeft: number } }).value.attemptsLeft)).toEqual([4, 3, 2, 1]);

      const trail = auditOf(kiosk, 'staff-duty');
      // Every attempt is on record: five checked and wrong, one lock, fifteen refused while locked.
      expect(trail.filter((r) => r.action === 'sign-in-failed' && r.detail.why === 'wrong-pin').map((r) => r.detail.failures)).toEqual([1, 2, 3, 4, 5]);
      expect(trail.filter((r) => r.action === 'account-locked')).toHaveLength(1);
      expect(trail.filter((r) => r.action === 'sign-in-failed' && r.detail.why === 'locked')).toHaveLength(15);
      expect(trail.filter((r) => r.action === 'sign-in')).toEqual([]);
    } finally {
      kiosk.core.close();
    }
  });

  it('keeps a growing lock across a restart, however the guesses arrived', async () => {
    const first = door();
    await Promise.all(Array.from({ length: 8 }, () => first.signIn('staff-nurse', '0000')));
    first.core.close();

    const clock = first.clock;
    const again = door(first.dataDir, clock);
    try {
      expect(outcomeOf(await again.signIn('staff-nurse', '1357'))).toBe('locked');
      clock.advance(61_000);
      // The second lock of a row is two minutes: the count of locks survived the restart.
      const replies = await Promise.all(Array.from({ length: 5 }, () => again.signIn('staff-nurse', '0000')));
      expect(replies.map(outcomeOf)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
      expect(replies[4]).toMatchObject({ ok: true, value: { until: '08:13' } });
      const locks = (auditOf(again, 'staff-nurse')).filter((r) => r.action === 'account-locked').map((r) => r.detail.lockSeconds);
      expect(locks).toEqual([60, 120]);
    } finally {
      again.core.close();
    }
  });
});
