// Two doors of one kindergarten for the peer benchmarks (docs/peers.md §10 step 10): each the built web host as its own
// process (integration/peers/support/machine.ts) with the demo kindergarten and its own peer port on 127.0.0.1, paired
// by writing into each file what pairing leaves there (the group, both members with their pinned keys, as
// electron/core/peers/testing/peer-group-kit.ts `pairAll` does): pairing by code needs a joiner without a roster, and
// the demo's roster does not travel yet (§9's backfill), so a joined door could not apply another door's taps.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rawPublicKey } from '../electron/core/credentials/ed25519.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { freePort } from '../electron/core/peers/testing/peer-group-kit.js';
import { startMachine, type Machine } from '../integration/peers/support/machine.js';
import type { HaveVector } from '../shared/peers/peer-record.js';

/** The group both doors are paired into (any fixed id: what pairing would have made). */
const BENCH_GROUP = '0193a1f0-0000-7000-8000-0000000000b7';

export interface PeerDoor {
  machine: Machine;
  deviceId: string;
  signKey: KeyObject;
  port: number;
}

export interface DoorPair {
  a: PeerDoor;
  b: PeerDoor;
  stop(): Promise<void>;
}

async function door(cli: string, name: string, dataDir: string): Promise<PeerDoor> {
  const port = await freePort();
  const machine = await startMachine({ cli, name, dataDir, demo: true, extraArgs: ['--peer-port', String(port)] });
  const status = await machine.call('getStatus', {});
  if (!status.ok || status.value.state !== 'ready') throw new Error(`${name} did not open: ${JSON.stringify(status)}`);
  const pem = new FileSecretStore(dataDir, { cipher: null, log: () => undefined }).get('device-key');
  if (pem === null) throw new Error(`${name} holds no device key`);
  // Every tap an arrival or a departure at any hour: the evening pick-up rule off, no "is she leaving?" question.
  machine.writeSetting('collectCheckFrom', null);
  machine.writeSetting('departureGuardMinutes', 0);
  return { machine, deviceId: status.value.deviceId, signKey: createPrivateKey(pem), port };
}

/** What pairing leaves in one door's file: the group and both members at 127.0.0.1:<their peer port>. */
function writePairing(into: PeerDoor, doors: readonly PeerDoor[]): void {
  const db = new BetterSqlite3(into.machine.databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, made_ms) VALUES (1, ?, 'kg-demo', 'Demo', 0)").run(BENCH_GROUP);
    for (const other of doors) {
      const raw = Buffer.from(rawPublicKey(other.signKey));
      db.prepare(
        `INSERT OR IGNORE INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_at, member_record_id)
         VALUES (?, ?, 'door', ?, ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
      ).run(other.deviceId, other.machine.name, raw, raw, `qr-${other.deviceId}`, raw, JSON.stringify([`127.0.0.1:${other.port}`]), `member-${other.deviceId}`);
    }
  } finally {
    db.close();
  }
}

/** Two demo doors started in `dir` and paired; `stop` ends both. */
export async function startDoorPair(cli: string, dir: string): Promise<DoorPair> {
  const a = await door(cli, 'door A', join(dir, 'a'));
  let b: PeerDoor | null = null;
  try {
    b = await door(cli, 'door B', join(dir, 'b'));
    writePairing(a, [a, b]);
    writePairing(b, [a, b]);
  } catch (error) {
    await a.machine.stop();
    await b?.machine.stop();
    throw error;
  }
  const second = b;
  return { a, b: second, stop: async () => void (await Promise.all([a.machine.stop(), second.machine.stop()])) };
}

/** Cards whose companion brings and collects exactly one child: each tap records one event (bench/core-taps.ts). */
export { singleChildCards } from './core-taps.js';

/** A read-only connection kept open on a door's file, for polling without opening the file each time. */
export function reader(machine: Machine): { seqOf(deviceId: string): number; have(): HaveVector; holds(target: HaveVector): boolean; close(): void } {
  const db = new BetterSqlite3(machine.databasePath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const seq = db.prepare<[string], { seq: number | null }>('SELECT max(device_seq) AS seq FROM attendance_events WHERE device_id = ?');
  const have = db.prepare<[], { device_id: string; seq: number }>('SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id');
  const held = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM peer_log WHERE device_id = ?');
  return {
    seqOf: (deviceId) => seq.get(deviceId)?.seq ?? 0,
    have: () => Object.fromEntries(have.all().map((r) => [r.device_id, r.seq])),
    // One index probe per origin, not a walk over the whole log: the poll must not load the machine it measures.
    holds: (target) => Object.entries(target).every(([origin, n]) => (held.get(origin)?.seq ?? 0) >= n),
    close: () => db.close(),
  };
}

/** Polls `check` every `everyMs` until it holds; throws after `ms` with `what`. Answers the ms it took. */
export async function until(what: string, check: () => boolean, ms: number, everyMs = 5): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(everyMs);
  }
  return performance.now() - started;
}

/** Waits for a line in a door's output (e.g. its peer link listening), bounded. */
export function untilPrinted(machine: Machine, pattern: RegExp, ms: number, fromChar = 0): Promise<number> {
  return until(`${machine.name} printing ${String(pattern)}`, () => pattern.test(machine.output().slice(fromChar)), ms, 5);
}

/** Clock ticks a second of /proc's CPU times (getconf CLK_TCK; 100 where it cannot be asked). */
let ticksPerSecond: number | null = null;

/**
 * CPU time (ms, user + system, every thread) of the web host serving `dataDir`, from /proc: null where there is no
 * /proc or no such process. Unlike seconds on the clock it hardly moves with the load the machine's other work makes.
 */
export function cpuMsOf(dataDir: string): number | null {
  const marker = `\0--data-dir\0${dataDir}\0`;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      if (!`\0${readFileSync(`/proc/${pid}/cmdline`, 'latin1')}`.includes(marker)) continue;
      stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    } catch {
      continue;
    }
    // After the command's name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  }
  return null;
}
