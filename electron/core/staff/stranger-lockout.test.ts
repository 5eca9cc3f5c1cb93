// A stranger at the door picks an admin's name from the sign-in list and guesses: the name's lock grows, but the
// admin who holds a staff card still signs in with it and the PIN, while guessing on either way in stays slow.
// Through the core's one door (dispatch), on a real SQLite file, with real scrypt.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

/** 08:10 in Almaty on Monday 23 November 2026. */
const MORNING = '2026-11-23T03:10:00.000Z';
const ADMIN_CARD = '0007000009';

type Reply = { ok: boolean; value?: { outcome?: string; until?: string; session?: { sessionId: string } }; error?: { code: string } };

function door(dataDir = tempDataDir(), clock = manualClock(MORNING)) {
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, cityPullIntervalMs: 0 });
  const call = async (name: string, args: unknown): Promise<Reply> => (await dispatch(core.handlers, name, args, () => undefined)) as Reply;
  const byName = (pin: string) => call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin });
  const byCard = (pin: string) => call('staffSignIn', { who: { kind: 'card', raw: `${ADMIN_CARD}\r`, source: 'keyboard-wedge' }, pin });
  return { core, dataDir, clock, call, byName, byCard };
}

const outcome = (reply: Reply): string => reply.value?.outcome ?? `error ${reply.error?.code ?? '?'}`;

async function fiveGuesses(guess: (pin: string) => Promise<Reply>): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const pin of ['1111', '0000', '9999', '1357', '2469']) replies.push(await guess(pin));
  return replies;
}

describe('a stranger guessing an admin PIN by name', () => {
  it("cannot keep the admin who holds a staff card out, nor reset the name's growing lock, and guessing by card stays slow", async () => {
    const kiosk = door();
    try {
      // Жанна, the head, is given her own staff card.
      const own = await kiosk.byName('2468');
      const sessionId = own.value?.session?.sessionId ?? '';
      expect(await kiosk.call('staffEnrolCard', { sessionId, staffId: 'staff-admin', card: { raw: ADMIN_CARD, source: 'keyboard-wedge' } })).toMatchObject({
        ok: true,
        value: { outcome: 'enrolled' },
      });
      await kiosk.call('staffSignOut', { sessionId, why: 'button' });

      // The stranger runs up the name's lock twice: a minute, then two.
      expect((await fiveGuesses(kiosk.byName)).map(outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
      kiosk.clock.advance(61_000);
      const second = await fiveGuesses(kiosk.byName);
      expect(second.map(outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
      expect(second[4]?.value?.until).toBe('08:13');

      // Жанна taps her card and types her PIN: in.
      const signedIn = await kiosk.byCard('2468');
      expect(outcome(signedIn)).toBe('signed-in');
      await kiosk.call('staffSignOut', { sessionId: signedIn.value?.session?.sessionId ?? '', why: 'button' });
      // Her good PIN by card leaves the stranger's lock by name as it was: still locked, still growing.
      expect(outcome(await kiosk.byName('2468'))).toBe('locked');

      // Whoever has the card is held to five guesses too, then locked out of that way in, right PIN or not.
      expect((await fiveGuesses(kiosk.byCard)).map(outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
      expect(outcome(await kiosk.byCard('2468'))).toBe('locked');

      const reader = new BetterSqlite3(kiosk.core.databasePath, { readonly: true });
      const locks = (reader.prepare(`SELECT detail FROM staff_audit WHERE action = 'account-locked' AND staff_id = 'staff-admin' ORDER BY occurred_ms, id`).all() as { detail: string }[]).map(
        (r) => JSON.parse(r.detail) as { channel: string; lockSeconds: number },
      );
      reader.close();
      expect(locks.map((l) => [l.channel, l.lockSeconds])).toEqual([
        ['name', 60],
        ['name', 120],
        ['card', 60],
      ]);
    } finally {
      kiosk.core.close();
    }
  });

  it('keeps both locks, each where it was, across a restart', async () => {
    const first = door();
    const own = await first.byName('2468');
    await first.call('staffEnrolCard', { sessionId: own.value?.session?.sessionId ?? '', staffId: 'staff-admin', card: { raw: ADMIN_CARD, source: 'keyboard-wedge' } });
    await fiveGuesses(first.byName);
    first.core.close();

    const again = door(first.dataDir, first.clock);
    try {
      expect(outcome(await again.byName('2468'))).toBe('locked');
      expect(outcome(await again.byCard('2468'))).toBe('signed-in');
      await fiveGuesses(again.byCard);
      again.core.close();
      const third = door(first.dataDir, first.clock);
      try {
        expect(outcome(await third.byCard('2468'))).toBe('locked');
      } finally {
        third.core.close();
      }
    } finally {
      again.core.close();
    }
  });
});
