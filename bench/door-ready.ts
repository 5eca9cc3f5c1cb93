// The door ready after a restart: from spawning the built kiosk (`node dist/web/cli.mjs`) to the first card tap
// answered over its WebSocket API (bench/door-ready-client.ts), on a kiosk with no history (the demo kindergarten) and
// on one with a million chained events (the admin fixture after a day's work: anchor and verified point in place):
// `BENCH door_ready_ms_empty`, `BENCH door_ready_ms_1m`, the median of 3 starts each. `BENCH door_ready_ms_1m_first`
// is the first start after the upgrade that brought the verified point (none stored yet: start-up walks the newest
// 10,000 events). `BENCH door_ready_cpu_ms_*`: the kiosk's CPU time up to the answer, steadier than the wall time on
// a shared machine. The page's own load in the browser is not in these figures. Alone: `npx tsx bench/door-ready-main.ts`
// (after `npm run build`).
import { join } from 'node:path';
import { benchCard, emptyKiosk, millionKiosk, millionKioskFirstStart } from './door-ready-folders.js';
import { startAndTap, type DoorReadyStart } from './door-ready-client.js';
import { percentile, report } from './stats.js';

const STARTS = 3;
async function startOnce(dataDir: string, card: string): Promise<DoorReadyStart> {
  const start = await startAndTap(dataDir, card);
  // A known card's tap has an outcome; an error (DATABASE_UNAVAILABLE, UNKNOWN_CARD) means the door did not open.
  if (!start.ok) throw new Error(`the tap was answered ${start.answer}:\n${start.output}`);
  return start;
}

function reportStarts(suffix: string, starts: readonly DoorReadyStart[]): void {
  report(`door_ready_ms_${suffix}`, percentile(starts.map((s) => s.ms), 50), 'ms');
  const cpu = starts.map((s) => s.cpuMs).filter((ms): ms is number => ms !== null);
  if (cpu.length > 0) report(`door_ready_cpu_ms_${suffix}`, percentile(cpu, 50), 'ms');
}

async function restarts(dataDir: string): Promise<DoorReadyStart[]> {
  const starts: DoorReadyStart[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await startOnce(dataDir, benchCard(i)));
  return starts;
}

export async function benchDoorReady(dir: string): Promise<void> {
  const log = (line: string): void => console.log(line);
  const empty = join(dir, 'empty');
  await emptyKiosk(empty, STARTS);
  reportStarts('empty', await restarts(empty));

  const million = join(dir, 'million');
  await millionKiosk(million, STARTS, log);
  reportStarts('1m', await restarts(million));

  const first = join(dir, 'million-first');
  millionKioskFirstStart(first, 1, log);
  reportStarts('1m_first', [await startOnce(first, benchCard(0))]);
}
