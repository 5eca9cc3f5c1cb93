// From process start to the first card tap answered, on a kindergarten with no history and on one with a million
// chained events (the admin fixture, bench/admin-fixture.ts, copied: the first start after the upgrade, no anchor and
// no verified point yet): `BENCH door_ready_ms_empty`, `BENCH door_ready_ms_1m` (median of 3 starts each; loading the
// code from source with tsx is most of it), and the core's own part, from opening the records to the tap answered:
// `BENCH door_open_ms_empty`, `BENCH door_open_ms_1m`. Start-up walks at most the newest 10,000 events; the rest is
// checked in the background. Alone: `npx tsx bench/door-ready-main.ts`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { adminFixture } from './admin-fixture.js';
import { percentile, report } from './stats.js';

const STARTS = 3;
const CHILD = new URL('./door-ready-child.ts', import.meta.url).pathname;

function startOnce(dataDir: string): { ready: number; open: number } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', CHILD, dataDir], { encoding: 'utf8', timeout: 120_000 });
  const line = output.split('\n').find((l) => l.startsWith('DOOR_READY '));
  const [, ms, openMs, answer, state] = line?.split(' ') ?? [];
  if (!ms || !openMs || state !== 'ready') throw new Error(`the kiosk did not open ready: ${output}`);
  if (answer !== 'recorded' && answer !== 'UNKNOWN_CARD' && answer !== 'choose') throw new Error(`unexpected tap answer ${answer ?? ''}`);
  return { ready: Number(ms), open: Number(openMs) };
}

function reportStarts(dataDir: string, suffix: string): void {
  const starts = Array.from({ length: STARTS }, () => startOnce(dataDir));
  report(`door_ready_ms_${suffix}`, percentile(starts.map((s) => s.ready), 50), 'ms');
  report(`door_open_ms_${suffix}`, percentile(starts.map((s) => s.open), 50), 'ms');
}

export function benchDoorReady(dir: string): void {
  const empty = join(dir, 'empty');
  // Created once before: the demo kindergarten's seeding is not part of a start.
  new KioskCore({ dataDir: empty, demo: true, log: () => undefined }).close();
  reportStarts(empty, 'empty');

  const big = join(dir, 'million');
  mkdirSync(big, { recursive: true });
  copyFileSync(adminFixture((line) => console.log(line)).path, join(big, 'esik.sqlite'));
  reportStarts(big, '1m');
}
