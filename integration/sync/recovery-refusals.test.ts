// Putting back this kiosk's own events from the reference city, on real SQLite files: several pages, a roster that is
// behind, a fork (before asking, and the door recording meanwhile), a city that answers garbage and one without the
// call. Whatever is refused writes nothing.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toLocalTime } from '../../shared/domain/local-time.js';
import type { ChainPageReply } from '../../shared/sync/protocol.js';
import type { RunningCityServer } from '../../city-server/src/city-server.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { CityClient, type CityReply } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { ChainRecovery } from '../../electron/core/sync/recovery/chain-recovery.js';
import { RecoveryState } from '../../electron/core/sync/recovery/recovery-state.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { enroll, enrolledKioskDb, recordEvents, startCity, type Enrollment } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

type Kiosk = ReturnType<typeof enrolledKioskDb>;
type ChainClient = Pick<CityClient, 'chainPage'>;

async function push(kiosk: Kiosk, enrollment: Enrollment): Promise<void> {
  const client = new CityClient({ serverUrl: enrollment.serverUrl, token: enrollment.token });
  try {
    await new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId }).drain();
  } finally {
    client.close();
  }
}

/** A kiosk whose copy was taken after `inCopy` events, that then recorded and pushed `afterCopy` more. */
async function restoredKiosk(inCopy: number, afterCopy: number): Promise<{ city: RunningCityServer; enrollment: Enrollment; live: Kiosk; copy: Database; copyLog: AttendanceLog }> {
  const city = await startCity();
  const enrollment = await enroll(city);
  const live = enrolledKioskDb(enrollment);
  recordEvents(live.log, inCopy, MORNING);
  await push(live, enrollment);
  const copyPath = join(tempDataDir(), 'esik.sqlite');
  await live.db.backup(copyPath);
  recordEvents(live.log, afterCopy, MORNING + 3_600_000, 7);
  await push(live, enrollment);
  expect(city.recordCount()).toBe(inCopy + afterCopy);
  const copy = openDatabase(copyPath);
  onTestFinished(() => {
    if (copy.open) copy.close();
  });
  return { city, enrollment, live, copy, copyLog: new AttendanceLog(copy, enrollment.deviceId) };
}

function realClient(enrollment: Enrollment): CityClient {
  const client = new CityClient({ serverUrl: enrollment.serverUrl, token: enrollment.token });
  onTestFinished(() => client.close());
  return client;
}

/** The real client, its reply changed on the way (real HTTP underneath), and the pages it was asked for counted. */
function changingReplies(client: CityClient, change: (reply: ChainPageReply) => ChainPageReply = (reply) => reply): ChainClient & { pages: number } {
  const watched = {
    pages: 0,
    chainPage: async (after: string, limit: number): Promise<CityReply<ChainPageReply>> => {
      watched.pages += 1;
      const reply = await client.chainPage(after, limit);
      return { ...reply, value: change(reply.value) };
    },
  };
  return watched;
}

function recovery(db: Database, client: ChainClient, lines: string[] = [], pageSize?: number): ChainRecovery {
  return new ChainRecovery({ db, client, log: (line) => lines.push(line), ...(pageSize === undefined ? {} : { pageSize }) });
}

interface Snapshot {
  events: unknown[];
  outbox: unknown[];
}

function snapshot(db: Database): Snapshot {
  return {
    events: db.prepare('SELECT id, device_seq, hash FROM attendance_events ORDER BY device_id, device_seq').all(),
    outbox: db.prepare('SELECT seq, record_id, state FROM sync_outbox ORDER BY seq').all(),
  };
}

describe('putting back this kiosk’s own events from the city', () => {
  it('goes page by page, stores each as already sent, and says how many', async () => {
    const { enrollment, live, copy, copyLog } = await restoredKiosk(10, 45);
    const client = changingReplies(realClient(enrollment));
    const putBack: number[] = [];
    const run = new ChainRecovery({ db: copy, client, pageSize: 7, onPutBack: (head) => putBack.push(head.seq) });

    expect(await run.run()).toBe('done');
    // 45 records in pages of 7: six full pages and a short one.
    expect(client.pages).toBe(7);
    expect(putBack).toEqual([17, 24, 31, 38, 45, 52, 55]);
    expect(snapshot(copy).events).toEqual(snapshot(live.db).events);
    expect(copyLog.verify()).toEqual({ intact: true, events: 55, brokenAtSeq: null });
    expect(copy.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'sent' AND attempts = 0").pluck().get()).toBe(45);
    expect(copy.prepare("SELECT count(*) FROM sync_outbox WHERE state <> 'sent'").pluck().get()).toBe(0);
    expect(new RecoveryState(copy).recovered()).toMatchObject({ events: 45, throughSeq: 55 });
    expect(new RecoveryState(copy).problem()).toBeNull();

    // Asked again, the city has nothing more: one page, nothing written.
    const before = snapshot(copy);
    expect(await recovery(copy, client).run()).toBe('done');
    expect(snapshot(copy)).toEqual(before);
  });

  it('puts back before the push, so records the copy still held as pending go as duplicates and nothing is refused', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const live = enrolledKioskDb(enrollment);
    recordEvents(live.log, 6, MORNING);
    await push(live, enrollment);
    // The copy is taken while four more wait to be sent; the kiosk sends them, and ten more, before its file is lost.
    recordEvents(live.log, 4, MORNING + 3_600_000);
    const copyPath = join(tempDataDir(), 'esik.sqlite');
    await live.db.backup(copyPath);
    recordEvents(live.log, 10, MORNING + 7_200_000);
    await push(live, enrollment);
    const copy = openDatabase(copyPath);
    onTestFinished(() => {
      copy.close();
    });

    const client = realClient(enrollment);
    expect(await recovery(copy, client).run()).toBe('done');
    const engine = new PushEngine({ db: copy, client, cityDeviceId: enrollment.deviceId });
    expect(await engine.drain()).toMatchObject({ sent: 4, rejected: 0 });
    // The city's head is this kiosk's own newest event again: nothing for staff to look at, nor at the next start.
    expect(engine.chainHeadMismatch()).toBeNull();
    expect(snapshot(copy).events).toEqual(snapshot(live.db).events);
    expect(city.recordCount()).toBe(20);
  });

  it('refuses a fork: the restored kiosk recorded its own event where the city holds another, and nothing is written', async () => {
    const { enrollment, copy, copyLog } = await restoredKiosk(10, 20);
    recordEvents(copyLog, 1, MORNING + 7_200_000);
    const before = snapshot(copy);
    const lines: string[] = [];

    expect(await recovery(copy, realClient(enrollment), lines).run()).toBe('done');
    expect(snapshot(copy)).toEqual(before);
    expect(new RecoveryState(copy).problem()).toMatchObject({ code: 'RECOVERY_FORK' });
    expect(lines.join('\n')).toMatch(/RECOVERY_FORK: the city does not hold this kiosk's seq 11/);
  });

  it('refuses a fork the door makes while a page is on its way, and writes nothing of the page', async () => {
    const { enrollment, copy, copyLog } = await restoredKiosk(10, 20);
    const client = changingReplies(realClient(enrollment), (reply) => {
      // A tap at the door between the question and the answer takes seq 11, where the city's record belongs.
      recordEvents(copyLog, 1, MORNING + 7_200_000);
      return reply;
    });
    expect(await recovery(copy, client).run()).toBe('done');
    expect(copy.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(11);
    expect(new RecoveryState(copy).problem()).toMatchObject({ code: 'RECOVERY_FORK' });
  });

  const garbage: [string, (reply: ChainPageReply) => ChainPageReply, string][] = [
    ['a hash that does not compute', (r) => ({ ...r, records: r.records.map((x, i) => (i === 3 ? { ...x, hash: 'a'.repeat(64) } : x)) }), 'hash does not compute'],
    ['a record of another device', (r) => ({ ...r, records: r.records.map((x, i) => (i === 2 ? { ...x, deviceId: 'dev-other' } : x)) }), "is device dev-other's"],
    ['a place skipped', (r) => ({ ...r, records: r.records.filter((_, i) => i !== 4) }), 'not at the next place'],
    ['a record that changed its child', (r) => ({ ...r, records: r.records.map((x, i) => (i === 5 ? { ...x, childId: 'ch0002' } : x)) }), 'hash does not compute'],
  ];
  it.each(garbage)('refuses a page with %s as RECOVERY_BAD_RECORD, and writes nothing of it', async (_what, change, why) => {
    const { enrollment, copy } = await restoredKiosk(5, 12);
    const before = snapshot(copy);
    const lines: string[] = [];
    expect(await recovery(copy, changingReplies(realClient(enrollment), change), lines).run()).toBe('done');
    expect(snapshot(copy)).toEqual(before);
    expect(new RecoveryState(copy).problem()).toMatchObject({ code: 'RECOVERY_BAD_RECORD' });
    expect(lines.join('\n')).toContain(why);
  });

  it('fails the exchange, writing nothing, when the city answers what is not the protocol', async () => {
    const { city, enrollment, copy } = await restoredKiosk(5, 12);
    const before = snapshot(copy);
    for (const malformed of ['not-json', 'wrong-types'] as const) {
      city.setFaults({ malformed });
      await expect(recovery(copy, realClient(enrollment)).run()).rejects.toMatchObject({ code: 'SYNC_MALFORMED' });
    }
    expect(snapshot(copy)).toEqual(before);
    city.setFaults({});
    expect(await recovery(copy, realClient(enrollment)).run()).toBe('done');
    expect(copy.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(17);
  });

  it('stores what it can while the roster lacks a card a record names, and the rest once the roster has it', async () => {
    const { enrollment, live, copy } = await restoredKiosk(5, 0);
    // After the copy, a card enrolled for a companion, then used at the door.
    live.db.prepare("INSERT INTO credentials (id, companion_id, kind, value) VALUES ('cr-new', 'cp0001', 'rfid', '999001')").run();
    recordEvents(live.log, 3, MORNING + 3_600_000);
    const [newCardEvent] = live.log.append(
      [{ childId: 'ch0001', kind: 'departure', method: 'rfid', companionId: 'cp0001', credentialId: 'cr-new', staffId: null }],
      toLocalTime(new Date(MORNING + 9 * 3_600_000), 300),
    );
    recordEvents(live.log, 2, MORNING + 10 * 3_600_000);
    await push(live, enrollment);

    const client = realClient(enrollment);
    expect(await recovery(copy, client).run()).toBe('again');
    expect(copy.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(8);
    expect(new RecoveryState(copy).problem()).toMatchObject({ code: 'RECOVERY_ROSTER_BEHIND' });

    copy.prepare("INSERT INTO credentials (id, companion_id, kind, value) VALUES ('cr-new', 'cp0001', 'rfid', '999001')").run();
    expect(await recovery(copy, client).run()).toBe('done');
    expect(snapshot(copy).events).toEqual(snapshot(live.db).events);
    expect(newCardEvent?.device_seq).toBe(9);
    expect(new RecoveryState(copy).problem()).toBeNull();
  });

  it('goes on without recovery when the city does not offer the call (404), saying so once', async () => {
    const { copy } = await restoredKiosk(3, 4);
    const before = snapshot(copy);
    const lines: string[] = [];
    const missing: ChainClient = { chainPage: () => Promise.reject(new SyncError('SYNC_HTTP_STATUS', 'HTTP 404', 404, 'NOT_FOUND')) };
    const run = recovery(copy, missing, lines);
    expect(await run.run()).toBe('done');
    expect(await run.run()).toBe('done');
    expect(snapshot(copy)).toEqual(before);
    expect(lines.filter((line) => line.includes('does not offer'))).toHaveLength(1);
  });

  it('clears a stored chain head disagreement once the city’s head is held here again', async () => {
    const { enrollment, live, copy } = await restoredKiosk(4, 6);
    const head = live.log.newest();
    new SyncStateStore(copy).set(SYNC_KEYS.chainHeadMismatch, JSON.stringify({ kind: 'diverged', theirs: { deviceSeq: head?.seq, hash: head?.hash }, oursAtTheirSeq: null }));
    const run = recovery(copy, realClient(enrollment));
    expect(run.wanted()).toBe(true);
    expect(await run.run()).toBe('done');
    expect(new SyncStateStore(copy).get(SYNC_KEYS.chainHeadMismatch)).toBeNull();
    expect(run.wanted()).toBe(false);
  });
});
