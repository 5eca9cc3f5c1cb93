// A catch-up giving way to the door (docs/peers.md §5 "Out of the tap's way"): two sessions joined in memory through
// the real frame cipher, each over a real SQLite file with the real importer. While the door is in use the receiver
// asks small pages, takes each in only in a pause of the door, and asks the next only once the rest after it has ended;
// with the door quiet it asks the next page before taking in the one in hand, from what it will then hold. Every wait
// is bounded.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DoorActivity } from '../pacing/door-activity.js';
import { frameOpener, frameSealer } from './channel/frame-cipher.js';
import { CATCH_UP_PACING, catchUpPacing, type CatchUpPacing } from './catch-up-pacing.js';
import { PeerSession, systemAfter, type SessionImport } from './peer-session.js';
import { addAbsence, sessionMachine, testImporter, type SessionMachine } from './testing/session-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02';
const recordId = (n: number): string => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

interface Pull {
  after: Record<string, number>;
  limit: number;
}

interface Joined {
  /** The pulls B sent, in order. */
  pulls: Pull[];
  /** How many pulls B had sent when each of its imports of a `records` page began, and what B held of A then. */
  imports: { pullsSent: number; heldOfA: number }[];
}

async function waitFor(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A serving, B catching up under `pacing`; frames cross on the next turn of the event loop, in order. */
function join(a: SessionMachine, b: SessionMachine, pacing: CatchUpPacing): Joined {
  const joined: Joined = { pulls: [], imports: [] };
  const [keyAB, keyBA] = [randomBytes(32), randomBytes(32)];
  const sessions: { a: PeerSession | null; b: PeerSession | null } = { a: null, b: null };
  const sealerB = frameSealer(keyBA);
  const importB = testImporter(b, [a, b]);
  const importA = testImporter(a, [a, b]);
  const common = { log: { ...logOf(a) }, addrs: [], after: systemAfter, logLine: () => undefined, haveEveryMs: 60_000 };
  sessions.a = new PeerSession({
    ...common,
    channel: { peerDeviceId: B_ID, peerAddrs: [], sealer: frameSealer(keyAB), opener: frameOpener(keyBA) },
    transport: { send: (frame) => setImmediate(() => sessions.b?.receive(frame, true)), close: () => undefined },
    importPage: importA,
  });
  sessions.b = new PeerSession({
    ...common,
    log: logOf(b),
    channel: {
      peerDeviceId: A_ID,
      peerAddrs: [],
      sealer: {
        seal: (text) => {
          const message = JSON.parse(text) as { t: string } & Partial<Pull>;
          if (message.t === 'pull') joined.pulls.push({ after: message.after ?? {}, limit: message.limit ?? 0 });
          return sealerB.seal(text);
        },
      },
      opener: frameOpener(keyAB),
    },
    transport: { send: (frame) => setImmediate(() => sessions.a?.receive(frame, true)), close: () => undefined },
    importPage: (records, heads): SessionImport => {
      joined.imports.push({ pullsSent: joined.pulls.length, heldOfA: b.log.haveVector()[A_ID] ?? 0 });
      return importB(records, heads);
    },
    pacing,
  });
  sessions.a.start();
  sessions.b.start();
  return joined;
}

function logOf(m: SessionMachine): ConstructorParameters<typeof PeerSession>[0]['log'] {
  return { haveVector: () => m.log.haveVector(), page: (after, limit) => m.log.page(after, limit), headOf: (d, s) => m.log.headOf(d, s), hlc: m.log.hlc };
}

function machines(records: number): { a: SessionMachine; b: SessionMachine } {
  const a = sessionMachine(A_ID, 0x0a);
  const b = sessionMachine(B_ID, 0x0b);
  for (let n = 1; n <= records; n += 1) addAbsence(a, recordId(n));
  return { a, b };
}

describe('a catch-up paced by the door', () => {
  it('while the door is in use asks 100 records at a time, takes each page in a pause of the door, and asks the next after the rest', async () => {
    const { a, b } = machines(250);
    const rests: { ms: number; end: () => void }[] = [];
    const pauses: (() => void)[] = [];
    const pacing: CatchUpPacing = {
      doorInUse: () => true,
      batchSize: (full) => Math.min(full, 100),
      rest: (ms) => new Promise<void>((end) => rests.push({ ms, end })),
      doorPause: () => new Promise<void>((end) => pauses.push(end)),
    };
    const joined = join(a, b, pacing);
    for (let page = 1; page <= 3; page += 1) {
      // The page is in hand but waits for the door's pause: nothing of it is written.
      await waitFor(`page ${page} waiting for a pause`, () => pauses.length === page);
      await new Promise((r) => setTimeout(r, 30));
      expect(b.log.haveVector()[A_ID] ?? 0).toBe((page - 1) * 100);
      pauses[page - 1]?.();
      if (page === 3) break;
      await waitFor(`rest after page ${page}`, () => rests.length === page);
      expect(b.log.haveVector()[A_ID]).toBe(page * 100);
      // Resting: no pull goes out, however long it lasts.
      await new Promise((r) => setTimeout(r, 50));
      expect(joined.pulls).toHaveLength(page);
      rests[page - 1]?.end();
    }
    await waitFor('all of A at B', () => b.log.haveVector()[A_ID] === 250);
    expect(joined.pulls.map((p) => p.limit)).toEqual([100, 100, 100]);
    // Each page was asked from what B held by then: none asked ahead.
    expect(joined.imports.map((i) => i.pullsSent)).toEqual([1, 2, 3]);
    expect(rests.every((r) => r.ms >= 0)).toBe(true);
  });

  it('with the door quiet asks the next page before taking in the one in hand, from what it will then hold', async () => {
    const { a, b } = machines(250);
    const quiet: CatchUpPacing = { doorInUse: () => false, batchSize: (full) => Math.min(full, 100), rest: () => Promise.resolve(), doorPause: () => Promise.resolve() };
    const joined = join(a, b, quiet);
    await waitFor('all of A at B', () => b.log.haveVector()[A_ID] === 250);
    await new Promise((r) => setTimeout(r, 50));
    // Page 1 was being taken in with B holding nothing of A, and the pull for page 2 (after 100) already out.
    expect(joined.imports[0]).toEqual({ pullsSent: 2, heldOfA: 0 });
    expect(joined.pulls.map((p) => p.after[A_ID] ?? 0)).toEqual([0, 100, 200]);
    const hashes = (m: SessionMachine): unknown[] => m.db.prepare('SELECT hash FROM peer_log WHERE device_id = ? ORDER BY seq').pluck().all(A_ID);
    expect(hashes(b)).toEqual(hashes(a));
  });

  it("reads the door's activity: 100 a page within the quiet period after a use, 1000 after it, resting only while in use", async () => {
    const door = new DoorActivity();
    let now = 1_000_000;
    const slept: number[] = [];
    const pacing = catchUpPacing(door, { now: () => now, sleep: (ms) => Promise.resolve(void slept.push(ms)) });
    expect(pacing.batchSize(1000)).toBe(1000);
    door.markUse(now);
    expect(pacing.batchSize(1000)).toBe(100);
    await pacing.rest(30);
    expect(slept).toEqual([270]);
    await pacing.rest(500);
    expect(slept).toEqual([270, CATCH_UP_PACING.maxRestMs]);
    now += CATCH_UP_PACING.quietAfterMs;
    expect(pacing.batchSize(1000)).toBe(1000);
    await pacing.rest(30);
    expect(slept).toHaveLength(2);
  });

  it('waits for a pause of the door before writing: none needed when quiet, until 50 ms after a use, bounded when it never pauses', async () => {
    const door = new DoorActivity();
    let now = 5_000_000;
    let slept = 0;
    const pacing = catchUpPacing(door, {
      now: () => now,
      sleep: (ms) => {
        slept += ms;
        now += ms;
        return Promise.resolve();
      },
    });
    await pacing.doorPause();
    expect(slept).toBe(0);
    door.markUse(now - 20);
    await pacing.doorPause();
    expect(slept).toBe(CATCH_UP_PACING.pauseMs - 20);
    // A door used again at every look (a clock that never moves past its last use): the wait still ends.
    slept = 0;
    const busy = catchUpPacing(door, { now: () => (door.markUse(now), now), sleep: (ms) => Promise.resolve(void (slept += ms)) });
    door.markUse(now);
    await busy.doorPause();
    expect(slept).toBe(CATCH_UP_PACING.pauseWaitMaxMs);
  });
});
