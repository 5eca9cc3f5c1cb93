// Door B catching up after being off (docs/peers.md §10 step 10, goal ≤ 3 s): two paired doors as their own processes
// (bench/peer-pair.ts); B stopped, 10,000 records written at A through the core's writers (bench/peer-fill.ts: real
// signed, chained peer-log rows), A started again, then B: the seconds from B's peer link starting (its "listening"
// line) until B's `have` holds all of A's, B's door quiet: `BENCH peer_catchup_10k_s`. Then the same again with taps at
// B's door every ~100 ms through the door's path while it catches up: `BENCH peer_catchup_tap_p95_ms` (the taps whose
// request began between the link's start and the end of the catch-up), against the same taps at B quiet afterwards,
// `BENCH peer_quiet_tap_p95_ms` (over the kiosk API's socket, so not the in-process `door_tap`).
// Alone: `npx tsx bench/peer-catchup-main.ts`.
import { setTimeout as sleep } from 'node:timers/promises';
import { DoorTaps } from './peer-door-tap.js';
import { fillDoor } from './peer-fill.js';
import { holdsAll, reader, singleChildCards, startDoorPair, until, untilPrinted, type DoorPair } from './peer-pair.js';
import { percentile, report } from './stats.js';

const RECORDS = 10_000;
const TAP_EVERY_MS = 100;
const QUIET_TAPS = 60;
const LINK_UP_MS = 60_000;
const CATCHUP_WITHIN_MS = 120_000;
const LISTENING = /^\[peers\] listening on /m;

interface CatchUp {
  /** From B's link starting to B holding all of A's records (ms). */
  linkToDoneMs: number;
  /** From spawning B (ms), for the reader: the start-up and the 3 s before the link starts are in it. */
  spawnToDoneMs: number;
  /** Taps at B whose request began while it caught up (ms each), when tapping. */
  taps: number[];
}

/** B off, `RECORDS` written at A, A and then B started; B tapped every ~100 ms meanwhile when `taps` is given. */
async function catchUp(pair: DoorPair, firstDay: string, taps: DoorTaps | null): Promise<{ run: CatchUp; nextDay: string }> {
  await pair.b.machine.stop();
  await pair.a.machine.stop();
  const nextDay = fillDoor(pair.a.machine.dataDir, pair.a.deviceId, RECORDS, firstDay);
  await pair.a.machine.start();
  await untilPrinted(pair.a.machine, LISTENING, LINK_UP_MS);
  const atA = reader(pair.a.machine);
  const target = atA.have();
  atA.close();
  const spawned = performance.now();
  await pair.b.machine.start();
  const atB = reader(pair.b.machine);
  let linkMs: number | null = null;
  let doneMs: number | null = null;
  const during: number[] = [];
  const tapping = (async () => {
    if (taps === null) return;
    while (doneMs === null) {
      const card = await taps.nextCard();
      const started = performance.now();
      await taps.tap(card);
      const took = performance.now() - started;
      if (linkMs !== null && doneMs === null) during.push(took);
      await sleep(Math.max(0, TAP_EVERY_MS - took));
    }
  })();
  try {
    await untilPrinted(pair.b.machine, LISTENING, LINK_UP_MS);
    linkMs = performance.now();
    await until("B holding A's records", () => holdsAll(atB.have(), target), CATCHUP_WITHIN_MS, 20);
    doneMs = performance.now();
    await tapping;
  } finally {
    doneMs ??= performance.now();
    atB.close();
  }
  return { run: { linkToDoneMs: doneMs - linkMs, spawnToDoneMs: doneMs - spawned, taps: during }, nextDay };
}

export async function benchPeerCatchup(dataDir: string, cli: string): Promise<void> {
  const pair = await startDoorPair(cli, dataDir);
  try {
    // Linked first, as two doors of a running kindergarten are: a tap at A seen at B.
    const atA = reader(pair.a.machine);
    const atB = reader(pair.b.machine);
    const first = new DoorTaps(pair.a.machine, singleChildCards(pair.a.machine.databasePath));
    await first.tap(await first.nextCard());
    const seq = atA.seqOf(pair.a.deviceId);
    await until("A's first tap at B", () => atB.seqOf(pair.a.deviceId) >= seq, LINK_UP_MS, 20);
    atA.close();
    atB.close();

    const quiet = await catchUp(pair, '2026-09-01', null);
    report('peer_catchup_10k_s', quiet.run.linkToDoneMs / 1000, 's');
    console.log(`  (from spawning B: ${(quiet.run.spawnToDoneMs / 1000).toFixed(2)} s, its start-up and the link's 3 s start delay in it)`);

    const taps = new DoorTaps(pair.b.machine, singleChildCards(pair.b.machine.databasePath));
    const busy = await catchUp(pair, quiet.nextDay, taps);
    console.log(`  (with taps at B: caught up in ${(busy.run.linkToDoneMs / 1000).toFixed(2)} s, ${busy.run.taps.length} taps during it)`);
    if (busy.run.taps.length > 0) report('peer_catchup_tap_p95_ms', percentile(busy.run.taps, 95), 'ms');
    const alone: number[] = [];
    for (let i = 0; i < QUIET_TAPS; i++) {
      const card = await taps.nextCard();
      const started = performance.now();
      await taps.tap(card);
      const took = performance.now() - started;
      alone.push(took);
      await sleep(Math.max(0, TAP_EVERY_MS - took));
    }
    report('peer_quiet_tap_p95_ms', percentile(alone, 95), 'ms');
  } finally {
    await pair.stop();
  }
}
