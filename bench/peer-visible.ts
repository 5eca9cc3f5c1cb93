// A tap at door A seen at door B (docs/peers.md §10 step 10, goal ≤ 500 ms): two paired doors, each the built web host
// as its own process on 127.0.0.1 (bench/peer-pair.ts); 500 taps at A through the door's path over the kiosk API
// (identifyCard, then confirmOffer when asked), each timed from the request until B's attendance_events holds A's
// event (B's file polled every 2 ms on a read-only connection). `BENCH peer_visible_p95_ms`.
// Alone: `npx tsx bench/peer-visible-main.ts`.
import { setTimeout as sleep } from 'node:timers/promises';
import { DoorTaps } from './peer-door-tap.js';
import { reader, singleChildCards, startDoorPair, until } from './peer-pair.js';
import { percentile, report } from './stats.js';

const TAPS = 500;
/** A person's pace is far slower; the gap only keeps one tap's traffic from overlapping the next. */
const GAP_MS = 20;
/** The first tap also waits for the link to come up (the worker reads peer_members again every 10 s). */
const LINK_UP_MS = 60_000;
const SEEN_WITHIN_MS = 10_000;

export async function benchPeerVisible(dataDir: string, cli: string): Promise<void> {
  const pair = await startDoorPair(cli, dataDir);
  const atA = reader(pair.a.machine);
  const atB = reader(pair.b.machine);
  try {
    const taps = new DoorTaps(pair.a.machine, singleChildCards(pair.a.machine.databasePath));
    // One untimed tap until B holds it: the link is up.
    await taps.tap(await taps.nextCard());
    const first = atA.seqOf(pair.a.deviceId);
    await until("A's first tap at B", () => atB.seqOf(pair.a.deviceId) >= first, LINK_UP_MS, 20);
    const samples: number[] = [];
    for (let i = 0; i < TAPS; i++) {
      await sleep(GAP_MS);
      const card = await taps.nextCard();
      const started = performance.now();
      await taps.tap(card);
      const target = atA.seqOf(pair.a.deviceId);
      await until(`tap ${i} at B`, () => atB.seqOf(pair.a.deviceId) >= target, SEEN_WITHIN_MS, 2);
      samples.push(performance.now() - started);
    }
    report('peer_visible_p50_ms', percentile(samples, 50), 'ms');
    report('peer_visible_p95_ms', percentile(samples, 95), 'ms');
  } finally {
    atA.close();
    atB.close();
    await pair.stop();
  }
}
