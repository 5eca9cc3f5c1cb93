// The stick between two real databases and the reference city (docs/peers.md §8, §10 step 9): the door with no network
// writes a stick, the office reads it and relays its records to the city once under the door's id, the office's stick
// back carries the city-acks that mark them sent at the door. A stick read again, one with a bit flipped and one of
// another kindergarten change nothing and say why.
import type { Database } from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { toLocalTime } from '../../shared/domain/local-time.js';
import { readBundleIntoDb, type BundleTaken } from '../../electron/core/peers/bundle/bundle-into-db.js';
import { writeBundleFromDb, type BundleWritten } from '../../electron/core/peers/bundle/bundle-from-db.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { relayEnroll } from '../../electron/core/sync/relay-enroll.js';
import { relayRound } from '../../electron/core/sync/relay-push.js';
import { readRelayTokens } from '../../electron/core/sync/relay-tokens.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { recordEvents } from '../sync/fixtures-events.js';
import { appliersOf, GROUP, machine, pair, type Machine } from './relay-kit.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');
const DOOR = '0193a1f0-0000-7000-8000-000000000d02';
const OFFICE = '0193a1f0-0000-7000-8000-0000000000f1';
const ADMIN = 'staff-admin';
const TABLES = ['peer_log', 'attendance_events', 'sync_outbox', 'relay_outbox', 'peer_bundles', 'peer_waiting'] as const;

async function startCity(): Promise<RunningCityServer> {
  const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo' });
  onTestFinished(() => city.close());
  return city;
}

function write(from: Machine, folder: string, groupId = GROUP): BundleWritten {
  return writeBundleFromDb({
    db: from.db, groupId, deviceId: from.deviceId, machineName: from.name, signingKey: from.signKey, hlc: from.peers.hlc.now(),
    at: toLocalTime(new Date(from.now()), 300), folder, staffId: ADMIN,
  });
}

function read(into: Machine, path: string): BundleTaken {
  return readBundleIntoDb({ db: into.db, groupId: GROUP, deviceId: into.deviceId, dhPrivateKey: into.dh.privateKey, appliers: appliersOf(into), path, at: toLocalTime(new Date(into.now()), 300), staffId: ADMIN });
}

function counts(db: Database): Record<string, unknown> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
}

const audits = (db: Database) => db.prepare<[], { action: string; detail: string }>("SELECT action, detail FROM admin_audit WHERE action LIKE 'bundle-%' ORDER BY occurred_ms, rowid").all().map((r) => ({ action: r.action, code: (JSON.parse(r.detail) as { code?: string }).code }));

describe('a stick between a door and the office, and the relay to the city', () => {
  it('carries the door’s records to the city once and brings back the acks that mark them sent at the door', async () => {
    const city = await startCity();
    let clock = MORNING;
    const now = () => clock;
    const door = machine(DOOR, 'Door 2', 'door', 0x07, now);
    const office = machine(OFFICE, 'Office', 'office', 0x09, now);
    pair([door, office]);
    await relayEnroll({ db: office.db, secrets: office.secrets, now }, { doorId: DOOR, serverUrl: city.url, code: city.issueEnrollmentCode() });
    const taps = recordEvents(door.taps, 25, MORNING, 5);
    const stickFolder = tempDataDir();

    const out = write(door, stickFolder);
    expect(out).toMatchObject({ records: 25, ranges: { [DOOR]: [1, 25] }, recipients: [OFFICE] });
    clock += 60_000;
    const taken = read(office, out.path);
    expect(taken.outcome).toMatchObject({ code: 'BUNDLE_READ', from: DOOR, total: 25 });
    expect(taken.applied).toMatchObject({ applied: 25, waiting: 0 });
    expect(office.db.prepare('SELECT count(*) FROM attendance_events WHERE device_id = ?').pluck().get(DOOR)).toBe(25);

    const rounds = await relayRound({ db: office.db, tokens: readRelayTokens(office.secrets), clientFor: (_door, url, token) => {
      const c = new CityClient({ serverUrl: url, token });
      onTestFinished(() => c.close());
      return c;
    }, now });
    expect(rounds).toEqual([{ doorId: DOOR, ended: false, result: { batches: 1, sent: 25, rejected: 0 } }]);
    expect(city.recordIds().sort()).toEqual([...taps].sort());

    // The way back: what the door lacks by the have its stick told, the office's city-acks among it.
    expect(door.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get()).toBe(25);
    const back = write(office, tempDataDir());
    expect(Object.keys(back.ranges)).toEqual([OFFICE]);
    clock += 60_000;
    expect(read(door, back.path).outcome).toMatchObject({ code: 'BUNDLE_READ', from: OFFICE });
    expect(door.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get()).toBe(0);
    expect(door.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'sent' AND sent_ms IS NOT NULL").pluck().get()).toBe(25);

    // The door's next stick starts after what the office told it holds: nothing of the office's goes back to it.
    recordEvents(door.taps, 3, MORNING + 3_600_000, 3);
    const next = write(door, tempDataDir());
    expect(next.ranges).toEqual({ [DOOR]: [26, 28] });
    expect(audits(door.db)).toEqual([
      { action: 'bundle-written', code: undefined },
      { action: 'bundle-read', code: 'BUNDLE_READ' },
      { action: 'bundle-written', code: undefined },
    ]);
  });

  it('changes nothing for a stick read again, tampered or of another kindergarten, and says why', () => {
    let clock = MORNING;
    const now = () => clock;
    const door = machine(DOOR, 'Door 2', 'door', 0x07, now);
    const office = machine(OFFICE, 'Office', 'office', 0x09, now);
    pair([door, office]);
    recordEvents(door.taps, 10, MORNING, 5);
    const stick = write(door, tempDataDir());
    expect(read(office, stick.path).outcome.code).toBe('BUNDLE_READ');
    const held = counts(office.db);
    clock += 60_000;

    const again = read(office, stick.path);
    expect(again.outcome).toMatchObject({ code: 'BUNDLE_ALREADY_READ', readAt: '2026-11-23T08:00:00.000+05:00' });

    const tamperedPath = `${stick.path}.copy.esikpeer`;
    const bytes = readFileSync(stick.path);
    // One bit in the sealed payload.
    bytes[bytes.length - 200] = (bytes[bytes.length - 200] ?? 0) ^ 0x01;
    writeFileSync(tamperedPath, bytes);
    expect(read(office, tamperedPath).outcome.code).toBe('BUNDLE_TAMPERED');

    const foreign = write(door, tempDataDir(), '0193a1f0-0000-7000-8000-00000000bbbb');
    expect(read(office, foreign.path).outcome.code).toBe('BUNDLE_OTHER_KINDERGARTEN');

    expect(counts(office.db)).toEqual(held);
    expect(audits(office.db)).toEqual([
      { action: 'bundle-read', code: 'BUNDLE_READ' },
      { action: 'bundle-read', code: 'BUNDLE_ALREADY_READ' },
      { action: 'bundle-refused', code: 'BUNDLE_TAMPERED' },
      { action: 'bundle-refused', code: 'BUNDLE_OTHER_KINDERGARTEN' },
    ]);
  });
});
