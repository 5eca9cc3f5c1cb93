// Card taps straight into KioskCore, timed as a door would feel them: the benches that measure what other work (a push,
// PIN checks, a backup) costs the door share these.
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { KioskCore } from '../electron/core/kiosk-core.js';
import type { manualClock } from '../electron/core/testing/fixtures.js';

/** Single-child cards whose companion may bring and collect: every tap records exactly one event. */
export function singleChildCards(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT cr.value FROM credentials cr JOIN companion_children l ON l.companion_id = cr.companion_id
          WHERE cr.kind = 'rfid' AND cr.revoked_at IS NULL AND l.may_bring = 1 AND l.may_collect = 1 AND l.blocked = 0
          GROUP BY cr.id HAVING count(*) = 1 ORDER BY cr.id`,
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

/**
 * Where taps come from: another thread posting "a card was read" every ~10 ms, as the reader's event or the UI's
 * request reaches the core. The time is taken from when the message was posted, so a tap that waits for the core's
 * thread to be free (behind other work running there) counts that wait, as a real tap would.
 */
const TAP_SOURCE = `
const { parentPort } = require('node:worker_threads');
let timer = null;
parentPort.on('message', (m) => {
  if (m === 'stop') { clearInterval(timer); timer = null; return; }
  if (typeof m === 'number' && !timer) timer = setInterval(() => parentPort.postMessage(performance.timeOrigin + performance.now()), m);
});`;

export interface TapRun {
  /** At most this many taps. */
  max: number;
  /** Stops earlier once this says no (checked before each tap). */
  keepGoing?: () => boolean;
  /** Ms between two reads; 10 by default (taps back to back, as a queue at the door at its busiest). */
  everyMs?: number;
}

/** Taps the cards in turn; returns each tap's ms from "read" to recorded. A tap that records nothing fails the run. */
export function timeCoreTaps(core: KioskCore, cards: readonly string[], clock: ReturnType<typeof manualClock>, run: TapRun): Promise<number[]> {
  const source = new Worker(TAP_SOURCE, { eval: true });
  const times: number[] = [];
  return new Promise<number[]>((resolve, reject) => {
    source.on('error', reject);
    let stopping = false;
    source.on('message', (postedAt: number) => {
      // Reads still queued when the run ended are dropped: the thread is ended once (each terminate() call adds a listener).
      if (stopping) return;
      if (times.length >= run.max || (run.keepGoing && !run.keepGoing())) {
        stopping = true;
        source.postMessage('stop');
        void source.terminate().then(() => resolve(times));
        return;
      }
      clock.advance(15_000); // past the 10 s repeat window: each tap records
      const card = cards[times.length % cards.length] ?? '';
      const outcome = core.handlers.identifyCard({ raw: card, source: 'keyboard-wedge' });
      times.push(performance.timeOrigin + performance.now() - postedAt);
      if (!outcome.ok || outcome.value.kind !== 'recorded') reject(new Error(`tap of ${card} did not record: ${JSON.stringify(outcome)}`));
    });
    source.postMessage(run.everyMs ?? 10);
  });
}
