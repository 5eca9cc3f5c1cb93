// Sessions between two real SQLite databases over the real peer port on 127.0.0.1, after the real handshake: a pull on
// connect, a `new` after a commit, a replayed, tampered or malformed frame closes, a pull left unanswered closes, and
// the dialer comes back after the other side restarts. Every wait is bounded.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { type RawData } from 'ws';
import { PEER_PATHS } from '../../../shared/peers/peer-protocol.js';
import { tempDataDir } from '../testing/fixtures.js';
import { SigmaInitiator, type PeerChannel } from './channel/handshake.js';
import { startPeerListener, type PeerListener } from './link/peer-listener.js';
import { acceptPeerSession, type SessionDeps } from './peer-accept.js';
import { backoffMs, PeerDialer } from './peer-dialer.js';
import { systemAfter, SESSION_TIMEOUT_CLOSE, type SessionLog } from './peer-session.js';
import { PeerSessions } from './peer-sessions.js';
import { addAbsence, handshakeMembers, sessionMachine, testImporter, type SessionMachine } from './testing/session-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02';
const recordId = (n: number): string => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Side {
  deps: SessionDeps;
  /** Pages this side served to pulls. */
  served: () => number;
  lines: string[];
}

function sideOf(m: SessionMachine, machines: SessionMachine[], requestMs?: number): Side {
  let served = 0;
  const lines: string[] = [];
  const log: SessionLog = {
    haveVector: () => m.log.haveVector(),
    page: (after, limit) => {
      served += 1;
      return m.log.page(after, limit);
    },
    headOf: (d, s) => m.log.headOf(d, s),
    hlc: m.log.hlc,
  };
  const deps: SessionDeps = {
    own: m.own,
    members: handshakeMembers(machines),
    sessions: new PeerSessions(m.log),
    log,
    importPage: testImporter(m, machines),
    addrs: m.own.addrs,
    after: systemAfter,
    logLine: (line) => lines.push(line),
    ...(requestMs === undefined ? {} : { requestMs }),
  };
  return { deps, served: () => served, lines };
}

async function listen(side: Side, port = 0): Promise<PeerListener> {
  const listener = await startPeerListener({ host: '127.0.0.1', port, onConnection: (c) => acceptPeerSession(c, side.deps), log: (l) => side.lines.push(l) });
  cleanups.push(() => listener.close());
  return listener;
}

function dialer(side: Side, port: number): PeerDialer {
  const d = new PeerDialer({ ...side.deps, address: `127.0.0.1:${port}`, random: () => 0.5, backoff: { firstMs: 50, maxMs: 400 } });
  cleanups.push(() => d.stop());
  d.start();
  return d;
}

const hashesOf = (m: SessionMachine, origin: string): string[] => m.db.prepare('SELECT hash FROM peer_log WHERE device_id = ? ORDER BY seq').pluck().all(origin).map(String);

describe('a peer session over the peer port', () => {
  it("pulls each side's records on connect, then carries a new commit as `new` without a pull", async () => {
    const a = sessionMachine(A_ID, 0x0a);
    const b = sessionMachine(B_ID, 0x0b);
    for (let n = 1; n <= 3; n += 1) addAbsence(a, recordId(n));
    addAbsence(b, recordId(10));
    const sa = sideOf(a, [a, b]);
    const sb = sideOf(b, [a, b]);
    const listener = await listen(sb);
    dialer(sa, listener.port);
    await waitFor('both hold both logs', () => b.log.haveVector()[A_ID] === 3 && a.log.haveVector()[B_ID] === 1);
    expect(hashesOf(b, A_ID)).toEqual(hashesOf(a, A_ID));
    expect(hashesOf(a, B_ID)).toEqual(hashesOf(b, B_ID));
    await waitFor('sessions open on both sides', () => sa.deps.sessions.size === 1 && sb.deps.sessions.size === 1);

    const servedBefore = sa.served();
    const row = addAbsence(a, recordId(4));
    sa.deps.sessions.announce(row.seq);
    await waitFor('the new record at B', () => b.log.haveVector()[A_ID] === 4);
    expect(hashesOf(b, A_ID)).toEqual(hashesOf(a, A_ID));
    // It came as `new`: A served no page for it.
    expect(sa.served()).toBe(servedBefore);
  });

  it('a `new` that does not continue the receiver\'s have is not applied; the receiver pulls the gap', async () => {
    const a = sessionMachine(A_ID, 0x0a);
    const b = sessionMachine(B_ID, 0x0b);
    const sa = sideOf(a, [a, b]);
    const sb = sideOf(b, [a, b]);
    const listener = await listen(sb);
    dialer(sa, listener.port);
    await waitFor('sessions open', () => sa.deps.sessions.size === 1 && sb.deps.sessions.size === 1);
    addAbsence(a, recordId(1));
    const second = addAbsence(a, recordId(2));
    // Only seq 2 is told: B holds nothing of A, so it asks from seq 1.
    const servedBefore = sa.served();
    sa.deps.sessions.announce(second.seq);
    await waitFor('both records at B', () => b.log.haveVector()[A_ID] === 2);
    expect(sa.served()).toBeGreaterThan(servedBefore);
  });

  it('tells its have again every so often, so a record never announced still arrives', async () => {
    const a = sessionMachine(A_ID, 0x0a);
    const b = sessionMachine(B_ID, 0x0b);
    const sa = sideOf(a, [a, b]);
    const sb = sideOf(b, [a, b]);
    const listener = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection: (c) => acceptPeerSession(c, { ...sb.deps, haveEveryMs: 100 }), log: () => undefined });
    cleanups.push(() => listener.close());
    dialer(sa, listener.port);
    await waitFor('sessions open', () => sa.deps.sessions.size === 1 && sb.deps.sessions.size === 1);
    addAbsence(b, recordId(1));
    await waitFor("B's record at A without a new", () => a.log.haveVector()[B_ID] === 1);
  });

  it('the dialer comes back after the other side restarts, and what was written meanwhile arrives', async () => {
    const a = sessionMachine(A_ID, 0x0a);
    const dirB = tempDataDir();
    let b = sessionMachine(B_ID, 0x0b, dirB);
    addAbsence(a, recordId(1));
    const sa = sideOf(a, [a, b]);
    let listener = await listen(sideOf(b, [a, b]));
    const port = listener.port;
    const d = dialer(sa, port);
    await waitFor('first sync', () => b.log.haveVector()[A_ID] === 1);

    await listener.close();
    b.db.close();
    await waitFor('the dialer saw the link drop', () => d.current === null);
    addAbsence(a, recordId(2));

    b = sessionMachine(B_ID, 0x0b, dirB);
    listener = await listen(sideOf(b, [a, b]), port);
    await waitFor('the record written while B was down', () => b.log.haveVector()[A_ID] === 2, 8_000);
    expect(d.current).not.toBeNull();
    b.db.close();
  });
});

/** A hand-driven initiator: the real handshake, then frames the test seals, replays or breaks itself. */
async function rawPeer(port: number, m: SessionMachine, machines: SessionMachine[]) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${PEER_PATHS.session}`);
  const initiator = new SigmaInitiator(m.own, handshakeMembers(machines));
  const texts: string[] = [];
  let channel: PeerChannel | null = null;
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  ws.on('open', () => ws.send(initiator.hello()));
  ws.on('message', (data: RawData, isBinary) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (channel !== null) {
      const opened = channel.opener.open(new Uint8Array(bytes));
      if (opened.ok) texts.push(opened.text);
      return;
    }
    const step = initiator.receive(isBinary ? new Uint8Array(bytes) : bytes.toString('utf8'));
    if (step.t === 'send') ws.send(step.text);
    else if (step.t === 'done') channel = step.channel;
  });
  cleanups.push(() => ws.terminate());
  await waitFor('the raw handshake', () => channel !== null);
  const seal = (text: string): Uint8Array => {
    const sealed = channel?.sealer.seal(text);
    if (sealed?.ok !== true) throw new Error('cannot seal');
    return sealed.frame;
  };
  return { ws, texts, closed, seal, send: (frame: Uint8Array) => ws.send(frame, { binary: true }) };
}

async function closeCodeWithin(closed: Promise<number>, ms = 3_000): Promise<number | 'open'> {
  return Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), ms))]);
}

describe('a session refuses what it cannot trust', () => {
  async function setUp(requestMs?: number) {
    const a = sessionMachine(A_ID, 0x0a);
    const b = sessionMachine(B_ID, 0x0b);
    const sb = sideOf(b, [a, b], requestMs);
    const listener = await listen(sb);
    const peer = await rawPeer(listener.port, a, [a, b]);
    await waitFor("B's have", () => peer.texts.some((t) => t.includes('"t":"have"')));
    return { a, b, sb, peer };
  }

  it('a replayed frame closes with 4002', async () => {
    const { peer } = await setUp();
    const frame = peer.seal(JSON.stringify({ t: 'have', vector: {}, hlc: '1795403523000-0000', addrs: [] }));
    peer.send(frame);
    peer.send(frame);
    expect(await closeCodeWithin(peer.closed)).toBe(4002);
  });

  it('a tampered frame closes with 4002', async () => {
    const { peer } = await setUp();
    const frame = Buffer.from(peer.seal(JSON.stringify({ t: 'have', vector: {}, hlc: '1795403523000-0000', addrs: [] })));
    frame[3] = (frame[3] ?? 0) ^ 0x01;
    peer.send(frame);
    expect(await closeCodeWithin(peer.closed)).toBe(4002);
  });

  it('a malformed message closes with 4002, and a text frame after the handshake too', async () => {
    const first = await setUp();
    first.peer.send(first.peer.seal(JSON.stringify({ t: 'pull', id: -1, after: {}, limit: 5 })));
    expect(await closeCodeWithin(first.peer.closed)).toBe(4002);
    const second = await setUp();
    second.peer.ws.send('{"t":"have"}');
    expect(await closeCodeWithin(second.peer.closed)).toBe(4002);
  });

  it('an unknown message is logged and skipped; the session goes on', async () => {
    const { peer, sb, a } = await setUp();
    peer.send(peer.seal(JSON.stringify({ t: 'gossip', about: 'the weather' })));
    addAbsence(a, recordId(1));
    peer.send(peer.seal(JSON.stringify({ t: 'pull', id: 7, after: {}, limit: 10 })));
    await waitFor('the answer to the pull', () => peer.texts.some((t) => t.includes('"t":"records"') && t.includes('"id":7')));
    expect(sb.lines.some((l) => l.includes('unknown message "gossip"'))).toBe(true);
    expect(await closeCodeWithin(peer.closed, 100)).toBe('open');
  });

  it('a pull left unanswered closes the session after the request time', async () => {
    const { peer } = await setUp(200);
    // Claims to hold a record of its own that B lacks: B pulls once and gets no answer.
    peer.send(peer.seal(JSON.stringify({ t: 'have', vector: { [A_ID]: 5 }, hlc: '1795403523000-0000', addrs: [] })));
    await waitFor("B's pull", () => peer.texts.some((t) => t.includes('"t":"pull"')));
    expect(peer.texts.filter((t) => t.includes('"t":"pull"'))).toHaveLength(1);
    expect(await closeCodeWithin(peer.closed)).toBe(SESSION_TIMEOUT_CLOSE);
  });
});

describe('the dial back-off', () => {
  it('draws under 1 s doubling to 30 s (full jitter)', () => {
    const top = (attempt: number) => backoffMs(attempt, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(top)).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
    expect(backoffMs(3, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.5)).toBe(1000);
  });
});
