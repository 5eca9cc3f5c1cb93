// The peer worker as real worker threads over two real SQLite files, one per machine, each beside the test's own
// connection (the door's): a tap written at A reaches B's attendance_events through new once the core posts new-head;
// the asks go through the thread and back; the worker refuses malformed messages and malformed start data; a stopped
// link answers PEER_LINK_OFF.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerWorkerHost, DEV_PEER_WORKER_SCRIPT, type PeerApplied } from './peer-worker-host.js';
import type { PeerWorkerData } from './peer-worker-messages.js';
import { eventCount, groupMachine, pairAll, tap, waitFor, type GroupMachine, GROUP } from './testing/peer-group-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dataOf(m: GroupMachine): PeerWorkerData {
  return {
    databasePath: m.databasePath,
    nativeBinding: null,
    deviceId: m.deviceId,
    signKey: m.signKey,
    peerPort: m.port,
    host: '127.0.0.1',
    doorActivity: new SharedArrayBuffer(8),
    beacon: null,
    tuning: { haveEveryMs: 10 * 60_000, dialBackoff: { firstMs: 50, maxMs: 200 }, membersEveryMs: 60_000 },
  };
}

function hostOf(m: GroupMachine): { host: PeerWorkerHost; applied: PeerApplied[]; lines: string[] } {
  const applied: PeerApplied[] = [];
  const lines: string[] = [];
  const host = new PeerWorkerHost({ script: DEV_PEER_WORKER_SCRIPT, data: dataOf(m), onApplied: (a) => applied.push(a), log: (l) => lines.push(l), restartDelayMs: 60_000 });
  host.start();
  cleanups.push(() => host.stop());
  return { host, applied, lines };
}

async function isConnected(host: PeerWorkerHost, to: string): Promise<boolean> {
  const status = await host.status();
  return status.ok && status.value.members.some((m) => m.deviceId === to && m.connected);
}

async function waitForAsync(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the peer worker thread', () => {
  it('takes a tap at A into B by new after new-head, and tells the core what it applied', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    const ha = hostOf(a);
    const hb = hostOf(b);
    await waitForAsync('A and B connected', async () => (await isConnected(ha.host, B_ID)) && (await isConnected(hb.host, A_ID)), 20_000);
    const status = await ha.host.status();
    expect(status.ok && status.value).toMatchObject({ groupId: GROUP, listening: { port: a.port } });

    tap(a, ['ch0007']);
    ha.host.newHead();
    // Bounded, not timed (the bench times it): well inside the ten minutes to the next have, so only new carries it.
    await waitFor("A's tap at B", () => eventCount(b.db, A_ID) === 1, 15_000);
    await waitFor('B told the core', () => hb.applied.length > 0, 5_000);
    expect(hb.applied[0]).toEqual({ kinds: ['attendance'], children: ['ch0007'], staff: [] });
  }, 40_000);

  it('answers pairing with PEER_LINK_OFF for now, and every ask with PEER_LINK_OFF once stopped', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const { host } = hostOf(a);
    const opened = await host.openPairing({ staffId: 'staff-admin' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    expect(await host.closePairing()).toEqual({ ok: true, value: null });
    const status = await host.status();
    expect(status.ok && status.value.listening).toBeNull();
    await host.stop();
    expect(await host.status()).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
    expect(await host.setAddress(B_ID, '10.0.0.2:47620', { staffId: 'staff-admin' })).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
  }, 30_000);

  it('holds an ask made before the core starts the link until it starts, and says PEER_LINK_OFF if it never does', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const early = new PeerWorkerHost({ script: DEV_PEER_WORKER_SCRIPT, data: dataOf(a), onApplied: () => undefined, log: () => undefined });
    cleanups.push(() => early.stop());
    const asked = early.status();
    setTimeout(() => early.start(), 300);
    expect(await asked).toMatchObject({ ok: true, value: { members: [{ deviceId: A_ID, self: true }] } });

    const never = new PeerWorkerHost({ script: DEV_PEER_WORKER_SCRIPT, data: dataOf(a), onApplied: () => undefined, log: () => undefined });
    expect(await never.status()).toMatchObject({ ok: false, error: { code: 'PEER_LINK_OFF' } });
  }, 30_000);

  it('ignores malformed messages and refuses malformed start data', async () => {
    const a = await groupMachine(A_ID, 0x07);
    const worker = new Worker(DEV_PEER_WORKER_SCRIPT, { workerData: dataOf(a) });
    const lines: string[] = [];
    const answers: unknown[] = [];
    const stopped = new Promise<void>((resolve) =>
      worker.on('message', (m: { t: string; line?: string }) => {
        if (m.t === 'log' && m.line !== undefined) lines.push(m.line);
        if (m.t === 'answer') answers.push(m);
        if (m.t === 'stopped') resolve();
      }),
    );
    for (const bad of [null, 'new-head', { t: 'nudge' }, { t: 'ask', id: 1, op: 'drop-tables', args: {} }, { t: 'ask', id: 2, op: 'setAddress', args: { deviceId: B_ID } }]) worker.postMessage(bad);
    worker.postMessage({ t: 'ask', id: 3, op: 'status', args: {} });
    await waitFor('the status answered', () => answers.length === 1, 10_000);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ t: 'answer', id: 3, result: { ok: true } });
    expect(lines.filter((l) => l.includes('malformed message'))).toHaveLength(5);
    worker.postMessage({ t: 'stop' });
    await stopped;

    const broken = new Worker(DEV_PEER_WORKER_SCRIPT, { workerData: { ...dataOf(a), signKey: 'not a key' } });
    const failed = new Promise<unknown>((resolve) => broken.once('error', resolve));
    const exit = new Promise<number>((resolve) => broken.once('exit', resolve));
    // The start data's parse throws in the thread (its ZodError reaches this side only as an Error): no link starts.
    expect(await failed).toBeInstanceOf(Error);
    expect(await exit).not.toBe(0);
  }, 30_000);
});
