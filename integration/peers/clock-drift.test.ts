// Two doors whose clocks disagree by twelve days (an old PC's clock left behind, or set back: docs/peers.md §5 "hlc",
// §7). Taps at the door behind did not reach the other door: its core's connection stamped its rows with an HLC
// twelve days behind the rows its peer worker's connection had just written (register follow-ups, stamped by a clock
// that had followed the peer), since an append heard the head's HLC only up to the ten minutes a peer's is followed;
// the origin's HLC went back along its seqs, a page sorted by HLC served its run out of order, and every importer
// refused it, for good. Now an append follows its own head's HLC uncapped (ledger/hlc.ts `follow`) and a page keeps
// each origin's rows in seq order (ledger/peer-log.ts `mergeByHlc`). What stays, by design: each event keeps the date
// of the door that saw it, and a door decides a tap by the events of ITS today (AttendanceLog.lastEventOn), so the
// other door reads the tap as another day's: the same card tapped there is an arrival, not a departure.
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { FileSecretStore } from '../../electron/core/files/secret-store.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { eventCount, freePort, pairAll, waitFor, type Pairable } from '../../electron/core/peers/testing/peer-group-kit.js';
import { manualClock, tempDataDir } from '../../electron/core/testing/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 08:10 in Almaty on a Monday, and the same twelve days later. */
const BEHIND = '2026-11-23T03:10:00.000Z';
const RIGHT = '2026-12-05T03:10:00.000Z';

interface Door {
  core: KioskCore;
  peer: Pairable;
  lines: string[];
}

async function door(at: string): Promise<Door> {
  const dir = tempDataDir();
  const port = await freePort();
  const lines: string[] = [];
  const core = new KioskCore({
    dataDir: dir,
    demo: true,
    clock: manualClock(at),
    cityPullIntervalMs: 0,
    log: (line) => lines.push(line),
    peers: { host: '127.0.0.1', port, beacon: null, tuning: { membersEveryMs: 100, haveEveryMs: 10 * 60_000, dialBackoff: { firstMs: 50, maxMs: 200 } } },
  });
  cleanups.push(async () => {
    core.close();
    await core.closed();
  });
  const status = core.handlers.getStatus({});
  if (!status.ok || status.value.state !== 'ready') throw new Error('the core did not open');
  const pem = new FileSecretStore(dir, { cipher: null, log: () => undefined }).get('device-key');
  if (pem === null) throw new Error('no device key');
  const db = openDatabase(join(dir, 'esik.sqlite'));
  cleanups.push(() => {
    db.close();
  });
  return { core, peer: { db, deviceId: status.value.deviceId, signKey: createPrivateKey(pem), port }, lines };
}

async function connected(from: Door, to: Door): Promise<boolean> {
  const status = await from.core.peerControl.status();
  return status.ok && status.value.members.some((m) => m.deviceId === to.peer.deviceId && m.connected);
}

describe('two doors whose clocks are twelve days apart', () => {
  it('carry each tap across; each door decides by its own day', async () => {
    const behind = await door(BEHIND);
    const right = await door(RIGHT);
    const said = (): string => [...behind.lines.map((l) => `behind ${l}`), ...right.lines.map((l) => `right ${l}`)].filter((l) => l.includes('[peers]')).join('\n');
    onTestFailed(() => console.log(said()));
    pairAll([behind.peer, right.peer]);
    const until = Date.now() + 30_000;
    while (!((await connected(behind, right)) && (await connected(right, behind)))) {
      if (Date.now() > until) throw new Error('not linked');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(behind.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    await waitFor('the tap of the door behind, at the other door', () => eventCount(right.peer.db, behind.peer.deviceId) === 1, 30_000);
    const carried = right.peer.db.prepare<[string], { kind: string; local_date: string }>('SELECT kind, local_date FROM attendance_events WHERE device_id = ?').all(behind.peer.deviceId);
    expect(carried).toEqual([{ kind: 'arrival', local_date: '2026-11-23' }]);

    // The other door's today is 5 December: the child has not arrived today as far as it knows, so the same card
    // records an arrival there (not the departure, nor the "leaving so soon?" of a child brought minutes ago).
    expect(right.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    const own = right.peer.db.prepare<[string], { kind: string; local_date: string }>('SELECT kind, local_date FROM attendance_events WHERE device_id = ?').all(right.peer.deviceId);
    expect(own).toEqual([{ kind: 'arrival', local_date: '2026-12-05' }]);
    // And it travels back the same way: the door behind holds it, under the date the other door gave it.
    await waitFor('the other door\'s tap, at the door behind', () => eventCount(behind.peer.db, right.peer.deviceId) === 1, 30_000);
  }, 100_000);
});
