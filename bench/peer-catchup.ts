// Door B catching up after being off (docs/peers.md §10 step 10, goal ≤ 3 s): two paired doors as their own processes
// (bench/peer-pair.ts); B stopped, 10,000 records written at A through the core's writers (bench/peer-fill.ts: real
// signed, chained peer-log rows), A started again, then B: the seconds from B's peer link starting (its "listening"
// line) until B's `have` holds all of A's, B's door quiet: `BENCH peer_catchup_10k_s`. Then 10,000 more at A while B
// runs on (A stopped, so B's start-up work — the full check, the audit — is long over and not counted against the
// catch-up), A started again and dialling B, with taps at B's door every ~100 ms through the door's path meanwhile:
// `BENCH peer_catchup_tap_p95_ms` (the taps whose request began between A's link starting and B holding all of A's),
// against the same taps at B quiet afterwards, `BENCH peer_quiet_tap_p95_ms` (both over the kiosk API's socket, so
// above the in-process `door_tap`).
// Alone: `npx tsx bench/peer-catchup-main.ts`.
import { setTimeout as sleep } from 'node:timers/promises';
import { DoorTaps } from './peer-door-tap.js';
import { fillDoor } from './peer-fill.js';
import { cpuMsOf, reader, singleChildCards, startDoorPair, until, untilPrinted, type DoorPair } from './peer-pair.js';
import { percentile, report } from './stats.js';

const RECORDS = 10_000;
const TAP_EVERY_MS = 100;
const QUIET_TAPS = 60;
const LINK_UP_MS = 60_000;
const CATCHUP_WITHIN_MS = 120_000;
const LISTENING = /^\[peers\] listening on /m;

interface CatchUp {
  /** From the link starting (B's, or A's when B ran on) to B holding all of A's records (ms). */
  linkToDoneMs: number;
  /** From spawning B, or A when B ran on (ms), for the reader: start-up and the 3 s before the link starts are in it. */
  spawnToDoneMs: number;
  /** Taps at B whose request began while it caught up (ms each), when tapping. */
  taps: number[];
  /** CPU time both doors' processes used meanwhile (ms), where /proc tells it. */
  cpuMs: number | null;
}

/**
 * `RECORDS` written at A while it is stopped. Without `taps`: B stopped too, A started, then B. With `taps`: B runs
 * on and is tapped every ~100 ms while A starts again and catches it up.
 */
async function catchUp(pair: DoorPair, firstDay: string, taps: DoorTaps | null): Promise<{ run: CatchUp; nextDay: string }> {
  if (taps === null) await pair.b.machine.stop();
  await pair.a.machine.stop();
  const nextDay = fillDoor(pair.a.machine.dataDir, pair.a.deviceId, RECORDS, firstDay);
  const atA = reader(pair.a.machine);
  const target = atA.have();
  atA.close();
  let spawned = performance.now();
  await pair.a.machine.start();
  // The door that starts last and whose link's start begins the catch-up.
  const starting = taps === null ? pair.b.machine : pair.a.machine;
  if (taps === null) {
    await untilPrinted(pair.a.machine, LISTENING, LINK_UP_MS);
    spawned = performance.now();
    await pair.b.machine.start();
  }
  const atB = reader(pair.b.machine);
  let linkMs: number | null = null;
  let cpuFrom: number | null = null;
  let cpuMs: number | null = null;
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
    await untilPrinted(starting, LISTENING, LINK_UP_MS);
    linkMs = performance.now();
    cpuFrom = bothCpuMs(pair);
    await until("B holding A's records", () => atB.holds(target), CATCHUP_WITHIN_MS, 20);
    doneMs = performance.now();
    const cpuTo = bothCpuMs(pair);
    cpuMs = cpuFrom === null || cpuTo === null ? null : cpuTo - cpuFrom;
    await tapping;
  } finally {
    doneMs ??= performance.now();
    atB.close();
  }
  return { run: { linkToDoneMs: doneMs - linkMs, spawnToDoneMs: doneMs - spawned, taps: during, cpuMs }, nextDay };
}

/** CPU time of both doors' processes so far (ms), or null where /proc does not tell it. */
function bothCpuMs(pair: DoorPair): number | null {
  const a = cpuMsOf(pair.a.machine.dataDir);
  const b = cpuMsOf(pair.b.machine.dataDir);
  return a === null || b === null ? null : a + b;
}

/** The figures one run printed (bench/peer-catchup-ab.ts compares runs). */
export interface CatchupFigures {
  catchupS: number;
  /** CPU seconds both doors' processes used during it (null: no /proc). */
  cpuS: number | null;
  tapP95Ms: number | null;
  quietTapP95Ms: number | null;
}

/**
 * `converged` false: the doors stopped as soon as A's first tap is at B, as first built; `quietOnly`: the catch-up with
 * B's door quiet and not the one with taps (both for comparisons, bench/peer-catchup-ab.ts).
 */
export async function benchPeerCatchup(dataDir: string, cli: string, options: { converged?: boolean; quietOnly?: boolean } = {}): Promise<CatchupFigures> {
  const pair = await startDoorPair(cli, dataDir);
  try {
    // Linked first, as two doors of a running kindergarten are: a tap at A seen at B.
    const atA = reader(pair.a.machine);
    const atB = reader(pair.b.machine);
    const first = new DoorTaps(pair.a.machine, singleChildCards(pair.a.machine.databasePath));
    await first.tap(await first.nextCard());
    const seq = atA.seqOf(pair.a.deviceId);
    await until("A's first tap at B", () => atB.seqOf(pair.a.deviceId) >= seq, LINK_UP_MS, 20);
    // And each holding all the other's records, as two doors that ran side by side do, before the first stop. Without
    // it A was still taking in B's own past (the demo's roster as 2,074 records) when it was stopped, and took it in
    // during B's catch-up: A's one thread busy a second or more a page with those, B's pulls unanswered meanwhile.
    if (options.converged !== false) await until('A and B holding what the other holds', () => atA.holds(atB.have()) && atB.holds(atA.have()), LINK_UP_MS, 50);
    atA.close();
    atB.close();

    const quiet = await catchUp(pair, '2026-09-01', null);
    report('peer_catchup_10k_s', quiet.run.linkToDoneMs / 1000, 's');
    const cpuS = quiet.run.cpuMs === null ? null : quiet.run.cpuMs / 1000;
    // The CPU both doors spent meanwhile (B's start-up work that overlaps the link's start included): what the machine's
    // other load does not change, unlike the seconds on the clock.
    if (cpuS !== null) report('peer_catchup_10k_cpu_s', cpuS, 's');
    console.log(`  (from spawning B: ${(quiet.run.spawnToDoneMs / 1000).toFixed(2)} s, its start-up and the link's 3 s start delay in it)`);

    if (options.quietOnly === true) return { catchupS: quiet.run.linkToDoneMs / 1000, cpuS, tapP95Ms: null, quietTapP95Ms: null };
    const taps = new DoorTaps(pair.b.machine, singleChildCards(pair.b.machine.databasePath));
    const busy = await catchUp(pair, quiet.nextDay, taps);
    console.log(`  (B running on with taps: caught up in ${(busy.run.linkToDoneMs / 1000).toFixed(2)} s from A's link starting, ${busy.run.taps.length} taps during it)`);
    const tapP95Ms = busy.run.taps.length > 0 ? percentile(busy.run.taps, 95) : null;
    if (tapP95Ms !== null) report('peer_catchup_tap_p95_ms', tapP95Ms, 'ms');
    const alone: number[] = [];
    for (let i = 0; i < QUIET_TAPS; i++) {
      const card = await taps.nextCard();
      const started = performance.now();
      await taps.tap(card);
      const took = performance.now() - started;
      alone.push(took);
      await sleep(Math.max(0, TAP_EVERY_MS - took));
    }
    const quietTapP95Ms = percentile(alone, 95);
    report('peer_quiet_tap_p95_ms', quietTapP95Ms, 'ms');
    return { catchupS: quiet.run.linkToDoneMs / 1000, cpuS, tapP95Ms, quietTapP95Ms };
  } finally {
    await pair.stop();
  }
}
