// The relay in the push loop (docs/peers.md §5, §10 step 9): the office's sync service, enrolled itself and holding a
// door's token, pushes its own records and then the door's, each round, under each one's own device id; every reply
// appends a city-acks row to the office's peer log on the loop's own connection (the sync worker's, in a kiosk), and
// those acks, carried back to the door, mark the door's own rows sent. Records of the door taken in later are found by
// the loop's queue poll and pushed without a nudge.
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { rawPublicKey } from '../../electron/core/credentials/ed25519.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { relayEnroll } from '../../electron/core/sync/relay-enroll.js';
import { readRelayTokens } from '../../electron/core/sync/relay-tokens.js';
import { SyncService } from '../../electron/core/sync/sync-service.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { recordEvents } from '../sync/fixtures-events.js';
import { machine, pair, sync, type Machine } from './relay-kit.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');
const DOOR = '0193a1f0-0000-7000-8000-000000000d02';
const OFFICE = '0193a1f0-0000-7000-8000-0000000000f1';

async function startCity(): Promise<RunningCityServer> {
  const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo' });
  onTestFinished(() => city.close());
  return city;
}

/** The office enrolled for itself, as its first run leaves it: its own device id and key, a token. */
async function enrollOffice(city: RunningCityServer, office: Machine): Promise<{ serverUrl: string; deviceId: string; token: string }> {
  const client = new CityClient({ serverUrl: city.url, token: null });
  try {
    const reply = await client.enroll({ enrollmentCode: city.issueEnrollmentCode(), deviceId: office.deviceId, publicKey: Buffer.from(rawPublicKey(office.signKey)).toString('base64url'), deviceName: office.name });
    return { serverUrl: city.url, deviceId: reply.value.deviceId, token: reply.value.token };
  } finally {
    client.close();
  }
}

/** Waits (bounded: 200 looks, 50 ms apart) until `done` holds. */
async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within 10 s: ${what}`);
}

const acksFor = (m: Machine, device: string): number =>
  m.db.prepare<[string, string], number>("SELECT count(*) FROM peer_log WHERE device_id = ? AND kind = 'city-acks' AND json_extract(body, '$.forDevice') = ?").pluck().get(m.deviceId, device) ?? 0;

describe('the relay in the push loop', () => {
  it('pushes the office’s own records, then the door’s under its own id, once each; the acks travel back and mark the door’s rows sent', async () => {
    const city = await startCity();
    const now = () => MORNING;
    const door = machine(DOOR, 'Door 2', 'door', 0x07, now);
    const office = machine(OFFICE, 'Office', 'office', 0x09, now);
    pair([door, office]);
    const credentials = await enrollOffice(city, office);
    const doorTaps = recordEvents(door.taps, 20, MORNING, 5);
    const officeTaps = recordEvents(office.taps, 3, MORNING, 3);
    sync(door, office);
    await relayEnroll({ db: office.db, secrets: office.secrets, now }, { doorId: DOOR, serverUrl: city.url, code: city.issueEnrollmentCode() });

    const logs: string[] = [];
    const service = new SyncService({ db: office.db, credentials, relays: readRelayTokens(office.secrets), networkPollMs: 0, queuePollMs: 50, idlePollMs: 60_000, log: (line) => logs.push(line) });
    onTestFinished(() => service.stop());
    service.start();

    await until('the city holds both machines’ records', () => city.recordIds().length === 23);
    expect(city.recordIds().sort()).toEqual([...doorTaps, ...officeTaps].sort());
    await until('the door’s relay queue is settled', () => office.db.prepare("SELECT count(*) FROM relay_outbox WHERE state = 'pending'").pluck().get() === 0);
    // Each reply's acks are the office's own records, for itself and for the door.
    expect(acksFor(office, OFFICE)).toBeGreaterThanOrEqual(1);
    expect(acksFor(office, DOOR)).toBeGreaterThanOrEqual(1);

    // Taken in later (a stick, the LAN): the queue poll finds them, no nudge needed.
    const later = recordEvents(door.taps, 4, MORNING + 3_600_000, 2);
    sync(door, office);
    await until('the later records reach the city', () => later.every((id) => city.recordIds().includes(id)));
    expect(city.recordIds()).toHaveLength(27);
    // The reply is settled (and its acks appended) a moment after the city stored the records.
    await until('the later records are settled', () => office.db.prepare("SELECT count(*) FROM relay_outbox WHERE state = 'pending'").pluck().get() === 0);

    // The way back: the office's acks reach the door, whose own rows are then sent.
    expect(door.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get()).toBe(24);
    sync(office, door);
    expect(door.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get()).toBe(0);
    expect(logs.filter((l) => l.startsWith('[relay] pushed for'))).not.toHaveLength(0);
  }, 30_000);
});
