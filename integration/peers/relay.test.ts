// The relay against the reference city (docs/peers.md §5 "Exactly once to the city", §10 step 9): a door with no
// network has its records carried to the office, which enrolls the door with the door's own device id and key and
// pushes them under the door's token; the city holds each once, under the door's device id, with the door's chain
// head. The door later pushing itself gets `duplicate` for all of them, and the office then relays it no more.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CITY_DB_FILE } from '../../city-server/src/store/open-store.js';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { rawPublicKey } from '../../electron/core/credentials/ed25519.js';
import { relayEnded } from '../../electron/core/ledger/relay-queue.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { relayEnroll } from '../../electron/core/sync/relay-enroll.js';
import { relayPushEngine, relayRound } from '../../electron/core/sync/relay-push.js';
import { readRelayTokens } from '../../electron/core/sync/relay-tokens.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { recordEvents } from '../sync/fixtures-events.js';
import { machine, pair, sync, type Machine } from './relay-kit.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');
const DOOR = '0193a1f0-0000-7000-8000-000000000d02';
const OFFICE = '0193a1f0-0000-7000-8000-0000000000f1';

async function startCity(): Promise<{ city: RunningCityServer; dir: string }> {
  const dir = tempDataDir();
  const city = await startCityServer({ dataDir: dir, seed: 'demo' });
  onTestFinished(() => city.close());
  return { city, dir };
}

function client(city: RunningCityServer, token: string | null): CityClient {
  const c = new CityClient({ serverUrl: city.url, token });
  onTestFinished(() => c.close());
  return c;
}

/** What the city holds, read from its own file: each record's device and seq, and each device's linked head. */
function cityHolds(dir: string): { records: { id: string; device_id: string }[]; heads: { id: string; head_seq: number }[] } {
  const db = new BetterSqlite3(join(dir, CITY_DB_FILE), { readonly: true });
  try {
    return {
      records: db.prepare<[], { id: string; device_id: string }>('SELECT id, device_id FROM records ORDER BY arrival').all(),
      heads: db.prepare<[], { id: string; head_seq: number }>('SELECT id, head_seq FROM devices ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

function pending(m: Machine, table: 'sync_outbox' | 'relay_outbox'): number {
  return m.db.prepare<[], number>(`SELECT count(*) FROM ${table} WHERE state = 'pending'`).pluck().get() ?? 0;
}

/** A door, an office, paired; the clock fixed at the morning. */
function twoMachines(): { door: Machine; office: Machine } {
  const now = () => MORNING;
  const door = machine(DOOR, 'Door 2', 'door', 0x07, now);
  const office = machine(OFFICE, 'Office', 'office', 0x09, now);
  pair([door, office]);
  return { door, office };
}

describe('the office relays a door with no network', () => {
  it('pushes the door’s records once under the door’s own device id and chain head; the door pushing later gets duplicate', async () => {
    const { city, dir } = await startCity();
    const { door, office } = twoMachines();
    const before = recordEvents(door.taps, 30, MORNING, 10);

    // Records taken in before the relay began are queued when it begins; those after, as they are imported.
    sync(door, office);
    const enrolled = await relayEnroll({ db: office.db, secrets: office.secrets, now: office.now }, { doorId: DOOR, serverUrl: city.url, code: city.issueEnrollmentCode() });
    expect(enrolled).toMatchObject({ doorId: DOOR, queued: 30 });
    const after = recordEvents(door.taps, 12, MORNING + 3_600_000, 4);
    sync(door, office);
    // The same records again (a stick after the LAN) queue nothing twice.
    sync(door, office);
    expect(pending(office, 'relay_outbox')).toBe(42);

    const rounds = await relayRound({ db: office.db, tokens: readRelayTokens(office.secrets), clientFor: (_door, _url, token) => client(city, token), now: office.now });
    expect(rounds).toEqual([{ doorId: DOOR, ended: false, result: { batches: 1, sent: 42, rejected: 0 } }]);
    expect(pending(office, 'relay_outbox')).toBe(0);
    const holds = cityHolds(dir);
    expect(holds.records.map((r) => r.id).sort()).toEqual([...before, ...after].sort());
    expect(new Set(holds.records.map((r) => r.device_id))).toEqual(new Set([DOOR]));
    // The city linked the door's chain to its newest event: the door's own head, not the office's.
    expect(holds.heads).toEqual([{ id: DOOR, head_seq: 42 }]);
    const officeEngine = relayPushEngine({ db: office.db, doorId: DOOR, client: client(city, readRelayTokens(office.secrets)[DOOR]?.token ?? null) });
    expect(officeEngine.chainHeadMismatch()).toBeNull();
    // The office's own outbox and push state were not touched.
    expect(pending(office, 'sync_outbox')).toBe(0);
    expect(office.db.prepare("SELECT key FROM sync_state WHERE key NOT LIKE 'relay:%'").pluck().all()).toEqual([]);

    // The door gets a network and enrolls itself: the same device id and key, so the same device, a new token.
    const doorKey = Buffer.from(rawPublicKey(door.signKey)).toString('base64url');
    const own = await client(city, null).enroll({ enrollmentCode: city.issueEnrollmentCode(), deviceId: DOOR, publicKey: doorKey, deviceName: 'Door 2' });
    expect(own.value.deviceId).toBe(DOOR);
    const doorEngine = new PushEngine({ db: door.db, client: client(city, own.value.token), cityDeviceId: DOOR, now: door.now });
    expect(await doorEngine.drain()).toEqual({ batches: 1, sent: 42, rejected: 0 });
    const acks = door.db.prepare<[], string>("SELECT body FROM peer_log WHERE kind = 'city-acks'").pluck().all().map((b) => JSON.parse(b) as unknown);
    expect(acks).toEqual([{ forDevice: DOOR, accepted: [], duplicate: expect.arrayContaining([...before, ...after]) as unknown, rejected: [], atMs: MORNING }]);
    expect(cityHolds(dir).records).toHaveLength(42);
    expect(doorEngine.chainHeadMismatch()).toBeNull();

    // The office sees the door's own acks: it relays the door no more, and queues nothing more for it.
    expect(relayEnded(office.db, DOOR)).toBe(false);
    recordEvents(door.taps, 2, MORNING + 7_200_000, 2);
    sync(door, office);
    expect(relayEnded(office.db, DOOR)).toBe(true);
    expect(pending(office, 'relay_outbox')).toBe(0);
    const later = await relayRound({ db: office.db, tokens: readRelayTokens(office.secrets), clientFor: (_door, _url, token) => client(city, token), now: office.now });
    expect(later).toEqual([{ doorId: DOOR, ended: true }]);
  });

  it('refuses to enroll for a machine that is no member here, and sends nothing to the city', async () => {
    const { city } = await startCity();
    const { office } = twoMachines();
    await expect(relayEnroll({ db: office.db, secrets: office.secrets, now: office.now }, { doorId: '0193a1f0-0000-7000-8000-000000000e01', serverUrl: city.url, code: city.issueEnrollmentCode() })).rejects.toThrow(/no member/);
    expect(readRelayTokens(office.secrets)).toEqual({});
  });
});
