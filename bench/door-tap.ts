// A recorded card tap through the core, from the request to the durable event (the database commit and the chain
// anchor's write beside it): `BENCH door_tap_recorded_p95_ms`; and what the anchor alone costs the door's thread per
// tap (its pwrite; its fdatasync runs on the thread pool): `BENCH chain_anchor_door_cost_p95_ms`. Taps are 20 ms
// apart, so each anchor flush runs beside the door as it does between people. Alone: `npx tsx bench/door-tap-main.ts`.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { ChainAnchor } from '../electron/core/ledger/chain-anchor.js';
import { percentile, report } from './stats.js';

const TAPS = 400;
const GAP_MS = 20;

export async function benchDoorTap(dataDir: string): Promise<void> {
  let now = Date.parse('2026-11-23T03:00:00.000Z');
  const clock = { offsetMinutes: 300, now: () => new Date(now) };
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined });
  try {
    const samples: number[] = [];
    for (let i = 0; i < TAPS; i++) {
      await sleep(GAP_MS);
      const started = performance.now();
      const reply = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      samples.push(performance.now() - started);
      if (!reply.ok || reply.value.kind !== 'recorded') throw new Error(`tap ${i} was not recorded: ${JSON.stringify(reply)}`);
      // Past the door's guard after an arrival, so every tap records one event.
      now += 31 * 60_000;
    }
    report('door_tap_recorded_p50_ms', percentile(samples, 50), 'ms');
    report('door_tap_recorded_p95_ms', percentile(samples, 95), 'ms');
  } finally {
    core.close();
  }
  const anchor = new ChainAnchor(join(dataDir, 'bench.anchor'));
  try {
    const writes: number[] = [];
    for (let seq = 1; seq <= TAPS; seq++) {
      await sleep(GAP_MS);
      const started = performance.now();
      anchor.write({ deviceId: '0192f3c0-0000-7000-8000-000000000000', seq, hash: 'f'.repeat(64) });
      writes.push(performance.now() - started);
    }
    report('chain_anchor_door_cost_p95_ms', percentile(writes, 95), 'ms');
  } finally {
    anchor.close();
  }
}
