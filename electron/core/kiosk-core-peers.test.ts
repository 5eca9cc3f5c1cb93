// Two kiosk cores, each with its own data folder, device key and peer worker thread on 127.0.0.1: once each holds the
// other in peer_members (as pairing leaves them), a card tapped at door A through the real door desk is in door B's
// attendance_events through new, and B's core hears what was applied. A core asked for no peer link answers
// PEER_LINK_OFF; closing stops the worker before closed() settles.
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCards } from './demo/demo-roster.js';
import { openDatabase } from './db/open-database.js';
import { FileSecretStore } from './files/secret-store.js';
import { KioskCore, type KioskCoreOptions } from './kiosk-core.js';
import { eventCount, freePort, pairAll, waitFor, type Pairable } from './peers/testing/peer-group-kit.js';
import { tempDataDir } from './testing/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Door {
  core: KioskCore;
  lines: string[];
  peer: Pairable;
}

async function door(): Promise<Door> {
  const dir = tempDataDir();
  const port = await freePort();
  const lines: string[] = [];
  const options: KioskCoreOptions = {
    dataDir: dir,
    demo: true,
    log: (line) => lines.push(line),
    peers: { host: '127.0.0.1', port, beacon: null, tuning: { membersEveryMs: 100, haveEveryMs: 10 * 60_000, dialBackoff: { firstMs: 50, maxMs: 200 } } },
  };
  const core = new KioskCore(options);
  cleanups.push(async () => {
    core.close();
    await core.closed();
  });
  const status = core.handlers.getStatus({});
  if (!status.ok || status.value.state !== 'ready') throw new Error('the core did not open');
  const pem = new FileSecretStore(dir, { cipher: null, log: () => undefined }).get('device-key');
  if (pem === null) throw new Error('no device key');
  // The test's own connection to the file, as a second program would hold one (the worker holds a third).
  const db = openDatabase(join(dir, 'esik.sqlite'));
  // The evening pick-up rule off: at whatever hour the suite runs, the tap is an arrival (after 15:00 it would be
  // checked as a pick-up); the core re-reads its settings when another connection wrote them.
  db.prepare("INSERT INTO settings (key, value) VALUES ('collectCheckFrom', 'null') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
  cleanups.push(() => {
    db.close();
  });
  return { core, lines, peer: { db, deviceId: status.value.deviceId, signKey: createPrivateKey(pem), port } };
}

async function connected(from: Door, to: Door): Promise<boolean> {
  const status = await from.core.peerControl.status();
  return status.ok && status.value.members.some((m) => m.deviceId === to.peer.deviceId && m.connected);
}

describe('KioskCore with the peer link', () => {
  it("takes a tap at door A into door B's records through new", async () => {
    const a = await door();
    const b = await door();
    pairAll([a.peer, b.peer]);
    const until = Date.now() + 20_000;
    while (!((await connected(a, b)) && (await connected(b, a)))) {
      if (Date.now() > until) throw new Error(`not connected: ${[...a.lines, ...b.lines].filter((l) => l.includes('[peers]')).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(a.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    // Bounded, not timed (a bench times it): well inside the ten minutes to the next have, so only new carries it.
    await waitFor("A's tap at B", () => eventCount(b.peer.db, a.peer.deviceId) === 1, 15_000);
    await waitFor("B's core told", () => b.lines.some((l) => /^\[peers\] took in [a-z, -]*\battendance\b[a-z, -]*: 1 children/.test(l)), 5_000);
  }, 40_000);

  it('answers PEER_LINK_OFF when asked for no peer link', async () => {
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, log: () => undefined });
    cleanups.push(() => core.close());
    expect(await core.peerControl.status()).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
  });
});
