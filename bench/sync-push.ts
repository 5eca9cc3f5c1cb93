// Sync benchmarks against the reference city server, run as its own process on loopback (as the city is another
// machine, its work must not share the kiosk's event loop):
// - push_20k_s: a 20,000-event backlog pushed until none is pending (batches of MAX_PUSH_RECORDS), and the CPU time
//   the kiosk and the city each spent on it (push_20k_kiosk_cpu_ms, push_20k_city_cpu_ms): on a loaded machine the
//   wall time says little, these say whose work it is.
// - tap_to_confirm_p95_idle_core_ms / tap_to_confirm_p95_during_push_ms: single-child card taps through KioskCore
//   (identifyCard, which records the event durably before it returns), timed from the moment another thread posts
//   "card read" (so a wait for the core's thread counts) until the call returns, in phases with sync
//   idle and phases while a 20,000-event backlog is pushed by the sync worker thread. The taps keep the door in use,
//   so the push runs paced (push-pacing.ts) …
// - push_rate_door_in_use_per_s: … and this is how fast the backlog still drains meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { SettingsStore } from '../electron/core/ledger/settings-store.js';
import { CityClient } from '../electron/core/sync/city-client.js';
import { PushEngine } from '../electron/core/sync/push-engine.js';
import { openSyncConnection } from '../electron/core/sync/sync-connection.js';
import type { SyncCredentials } from '../electron/core/sync/sync-credentials.js';
import { manualClock } from '../electron/core/testing/fixtures.js';
import { appendEvents } from '../electron/core/testing/history.js';
import type { SyncStatus } from '../shared/sync/sync-status.js';
import { repoRoot } from '../e2e/support/kiosk-host.js';
import { singleChildCards, timeCoreTaps } from './core-taps.js';
import { descendantCpu } from './process-cpu.js';
import { percentile, report } from './stats.js';

interface CityProcess {
  url: string;
  /** The city's process id, for its CPU time. */
  pid: number;
  enrollmentCode: string;
  stop(): Promise<void>;
}

async function startCityProcess(dataDir: string): Promise<CityProcess> {
  // The city is another machine: here its process runs at the lowest priority, taking only CPU the kiosk leaves idle.
  const child: ChildProcess = spawn('nice', ['-n', '19', process.execPath, '--import', 'tsx', join(repoRoot, 'city-server/src/cli.ts'), '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const found = await new Promise<{ url: string; code: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`city server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^CITY_URL (\S+)$/m.exec(output)?.[1];
      const code = /^ENROLLMENT_CODE (\S+)$/m.exec(output)?.[1];
      if (url && code) {
        clearTimeout(timer);
        resolve({ url, code });
      }
      if (output.length > 100_000) output = output.slice(-10_000); // it logs every request
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`city server exited with ${code}:\n${output}`)));
  });
  return {
    url: found.url,
    pid: child.pid ?? 0,
    enrollmentCode: found.code,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function enrollWith(city: CityProcess): Promise<SyncCredentials> {
  const client = new CityClient({ serverUrl: city.url, token: null });
  const reply = await client.enroll({ enrollmentCode: city.enrollmentCode, deviceId: uuidv7(), publicKey: 'A'.repeat(43), deviceName: 'bench' });
  client.close();
  return { serverUrl: city.url, deviceId: reply.value.deviceId, token: reply.value.token };
}

/** A kiosk database chained under the enrolled device id, with the demo roster and `backlog` queued events. */
function kioskWithBacklog(path: string, deviceId: string, backlog: number): void {
  const db = openDatabase(path);
  new RosterStore(db).seed({ ...demoRoster(), kindergarten: { ...demoRoster().kindergarten, demo: true } });
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(deviceId, new Date().toISOString());
  appendEvents(db, deviceId, backlog, Date.parse('2026-10-01T08:00:00.000+05:00'));
  db.close();
}

async function benchPush20k(dir: string, city: CityProcess): Promise<void> {
  const credentials = await enrollWith(city);
  const path = join(dir, 'push-20k.sqlite');
  kioskWithBacklog(path, credentials.deviceId, 20_000);
  // The connection the sync worker pushes with.
  const db = openSyncConnection(path, null);
  const client = new CityClient({ serverUrl: credentials.serverUrl, token: credentials.token });
  const engine = new PushEngine({ db, client, cityDeviceId: credentials.deviceId });
  const cityCpuBefore = descendantCpu().get(city.pid)?.cpuMs ?? 0;
  const kioskCpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await engine.drain();
  const seconds = (performance.now() - started) / 1000;
  const kioskCpu = process.cpuUsage(kioskCpuBefore);
  const cityCpuMs = (descendantCpu().get(city.pid)?.cpuMs ?? 0) - cityCpuBefore;
  const lacking = await engine.reconcile();
  client.close();
  db.close();
  if (result.sent !== 20_000 || lacking !== 0) throw new Error(`push_20k pushed ${result.sent}, the city lacks ${lacking}`);
  report('push_20k_s', seconds, 's');
  report('push_20k_kiosk_cpu_ms', (kioskCpu.user + kioskCpu.system) / 1000, 'ms');
  report('push_20k_city_cpu_ms', cityCpuMs, 'ms');
}

/** Records marked sent within the windows, per second of them. */
function sentPerSecond(path: string, windows: readonly { fromMs: number; toMs: number }[]): number {
  const db = new BetterSqlite3(path, { readonly: true });
  const count = db.prepare<[number, number], number>("SELECT count(*) FROM sync_outbox WHERE state = 'sent' AND sent_ms >= ? AND sent_ms < ?").pluck();
  const sent = windows.reduce((n, w) => n + (count.get(w.fromMs, w.toMs) ?? 0), 0);
  db.close();
  return sent / (windows.reduce((ms, w) => ms + w.toMs - w.fromMs, 0) / 1000);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Idle and pushing phases alternate (five of each, 300 taps, about 3 s, per phase), so that whatever else the machine
 * is doing weighs on both figures alike; the pooled samples of each kind give its p95. A phase is long enough for the
 * paced push to make several exchanges, so the taps meet it at work as often as a real door would.
 */
const PHASES = 5;
const TAPS_PER_PHASE = 300;

export async function tapsWhilePushing(dir: string, city: CityProcess): Promise<{ idle: number[]; duringPush: number[]; pushedPerSecond: number }> {
  const credentials = await enrollWith(city);
  const dataDir = mkdtempSync(join(dir, 'taps-'));
  kioskWithBacklog(join(dataDir, 'esik.sqlite'), credentials.deviceId, 20_000);
  // Cards of one child's two companions come 15 s apart here: off with the door's guard against a departure just
  // after the arrival, so every tap records by itself, as the figure assumes.
  const settingsDb = openDatabase(join(dataDir, 'esik.sqlite'));
  SettingsStore.of(settingsDb).set('departureGuardMinutes', 0);
  settingsDb.close();
  const cards = singleChildCards(join(dataDir, 'esik.sqlite'));
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  let enrolled = false;
  let status: SyncStatus | null = null;
  const core = new KioskCore({
    dataDir,
    demo: true,
    clock,
    log: () => undefined,
    sync: {
      // Taking the credentials away stops sync, giving them back starts it: the switch between phases.
      credentials: () => (enrolled ? credentials : null),
      tuning: { networkPollMs: 0 },
    },
  });
  core.onEvent((name, payload) => {
    if (name === 'syncStatusChanged') status = payload as SyncStatus;
  });
  const until = async (what: string, check: () => boolean): Promise<void> => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > 30_000) throw new Error(`${what} did not happen: ${JSON.stringify(status)}`);
      await pause(5);
    }
  };
  const pushing = (): boolean => status !== null && status.state === 'online' && status.queued > 1_000;
  const idle: number[] = [];
  const duringPush: number[] = [];
  // Records the city acknowledged while the door was in use, counted from the outbox's own sent times (the worker
  // stamps them with the wall clock): the status's queue count lags by up to a second.
  const windows: { fromMs: number; toMs: number }[] = [];
  try {
    await timeCoreTaps(core, cards, clock, { max: 50 }); // warm-up
    for (let phase = 0; phase < PHASES; phase += 1) {
      enrolled = false;
      core.syncCredentialsChanged();
      await until('sync stopping', () => status === null || status.state === 'never-enrolled');
      await pause(200);
      idle.push(...(await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE })));
      enrolled = true;
      core.syncCredentialsChanged();
      await until('the push starting', pushing);
      const fromMs = Date.now();
      const taps = await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE, keepGoing: pushing });
      windows.push({ fromMs, toMs: Date.now() });
      if (taps.length < TAPS_PER_PHASE / 2) throw new Error(`only ${taps.length} taps landed during the push`);
      duringPush.push(...taps);
    }
    return { idle, duringPush, pushedPerSecond: sentPerSecond(join(dataDir, 'esik.sqlite'), windows) };
  } finally {
    core.close();
    await pause(300); // let the worker close its connection
  }
}

/**
 * Each scenario enrolls its own kiosk with a city of its own (the CLI prints one enrollment code). The city's
 * database goes to memory (/dev/shm) where there is one: the city is another machine, and its fsyncs on the kiosk's
 * disk would compete with the door's own.
 */
export async function withCity<T>(dir: string, name: string, run: (city: CityProcess) => Promise<T>): Promise<T> {
  const cityDir = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/esik-bench-city-') : join(dir, `city-${name}`);
  const city = await startCityProcess(cityDir);
  try {
    return await run(city);
  } finally {
    await city.stop();
    rmSync(cityDir, { recursive: true, force: true });
  }
}

export async function benchSyncPush(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await withCity(dir, 'push', (city) => benchPush20k(dir, city));
  const worker = await withCity(dir, 'taps', (city) => tapsWhilePushing(dir, city));
  report('tap_to_confirm_p95_idle_core_ms', percentile(worker.idle, 95), 'ms');
  report('tap_to_confirm_p95_during_push_ms', percentile(worker.duringPush, 95), 'ms');
  // The pacing leaves few taps meeting an exchange at work; the tail beyond p95 shows what those few felt.
  report('tap_to_confirm_p99_idle_core_ms', percentile(worker.idle, 99), 'ms');
  report('tap_to_confirm_p99_during_push_ms', percentile(worker.duringPush, 99), 'ms');
  report('push_rate_door_in_use_per_s', worker.pushedPerSecond, 'records/s');
}
