// Random frames thrown at a running peer server (the worker's PeerServer over a real SQLite file, its listener on
// 127.0.0.1), as a stranger on the LAN or a member gone wrong could: before the handshake (broken WebSocket frames,
// handshake-shaped text, the pair path with no code) and after a real SIGMA-I handshake as a paired member (bytes that
// do not open, text frames, tampered frames, sealed junk, forged `new` pages). After every run the server has closed
// the socket; at the end it has applied nothing (no row of the fuzzing member, nothing told to the core, the log as
// it was) and still serves a real peer: a tap at door A reaches door B. The seed is printed; FUZZ_SEED replays one.
import fc from 'fast-check';
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PEER_PROTOCOL_VERSION } from '../../../shared/peers/peer-protocol.js';
import { PeerKindSchema } from '../../../shared/peers/peer-record.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { seededSigningKey } from '../ledger/testing/peer-log-kit.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { encodeFrame, rawUpgrade, textFrame } from '../testing/raw-websocket.js';
import { dialAs, type DialedSocket } from './testing/dial-as.js';
import { addMember, eventCount, groupMachine, GROUP, pairAll, tap, waitFor, type GroupMachine } from './testing/peer-group-kit.js';
import { usePeerServers } from './testing/peer-server-kit.js';

const A_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const B_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';
/** The fuzzing member: paired with B (its key pinned), so its handshakes pass and its frames reach the session. */
const F_ID = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0f';
const F_KEY = seededSigningKey(0x0f);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_18);
const RUNS = 40;
const TIME_LIMIT_MS = 25_000;
/** Each run's socket must be closed by the server within this (the listener's handshake limit is 300 ms here). */
const CLOSE_WITHIN_MS = 3_000;

const serverOf = usePeerServers({
  appliers: { ...ledgerAppliers, ...staffAppliers },
  tuning: { membersEveryMs: 60_000, dialBackoff: { firstMs: 50, maxMs: 200 }, listener: { handshakeMs: 300 } },
});

function closedWithin(closed: Promise<unknown>, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not close the socket within ${ms} ms: ${what}`)), ms);
    void closed.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => Buffer.from(b));
const b64u = (n: number) => bytes(n, n).map((b) => b.toString('base64url'));
const hex64 = bytes(32, 32).map((b) => b.toString('hex'));
const hlc = fc.tuple(fc.integer({ min: 1_700_000_000_000, max: 1_999_999_999_999 }), fc.nat(9999)).map(([ms, n]) => `${ms}-${String(n).padStart(4, '0')}`);

// ---- before the handshake -------------------------------------------------------------------------------------------

const wsFrame = fc
  .record({
    opcode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 8, 9, 10) }, { weight: 1, arbitrary: fc.nat(15) }),
    payload: fc.oneof(bytes(0, 300), fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')), fc.constantFrom(4096, 4097, 70_000).map((n) => Buffer.alloc(n, 0x7b))),
    fin: fc.boolean(),
    rsv: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(7) }),
    masked: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
  .map((options) => encodeFrame(options));
/** Text the handshake's parser reads: hellos with random keys and versions (a real key is answered with M2), auths. */
const handshakeText = fc.oneof(
  fc.record({ t: fc.constant('hello'), v: fc.oneof(fc.constant(PEER_PROTOCOL_VERSION), fc.integer()), eph: b64u(32), nonce: b64u(16) }),
  fc.record({ t: fc.constant('auth'), box: fc.oneof(b64u(48), fc.string({ maxLength: 200 })) }),
  fc.record({ t: fc.constantFrom('hello', 'auth', 'ready', 'have'), box: fc.jsonValue() }, { requiredKeys: ['t'] }),
);
const beforeChunk = fc.oneof(
  { weight: 3, arbitrary: wsFrame },
  { weight: 3, arbitrary: handshakeText.map((v) => textFrame(JSON.stringify(v))) },
  { weight: 1, arbitrary: bytes(0, 64) },
);

// ---- after the handshake ---------------------------------------------------------------------------------------------

/** A record shaped as the schema wants, but made up: its hashes and the head's signature cannot verify. */
const forgedRecord = fc.record({
  deviceId: fc.constantFrom(F_ID, A_ID, B_ID),
  seq: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom(...PeerKindSchema.options.filter((k) => k !== 'attendance')),
  id: fc.uuid(),
  hlc,
  base: fc.constant(null),
  prevHash: hex64,
  hash: hex64,
  contentHash: hex64,
  body: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
});
const forgedHead = fc.record({ deviceId: fc.constantFrom(F_ID, A_ID), seq: fc.integer({ min: 1, max: 3 }), hash: hex64, sig: b64u(64) });
/** A forged page that continues B's have for the fuzzing member (seq 1): the importer judges it, and must refuse it. */
const forgedNew = fc
  .tuple(forgedRecord, fc.array(forgedRecord, { maxLength: 3 }), fc.array(forgedHead, { maxLength: 2 }))
  .map(([first, rest, heads]) => ({ t: 'new', records: [{ ...first, deviceId: F_ID, seq: 1 }, ...rest], heads }));
const sessionMessage = fc.oneof(
  fc.record({ t: fc.constant('have'), vector: fc.dictionary(fc.constantFrom(F_ID, A_ID, B_ID, 'x'), fc.nat(5)), hlc, addrs: fc.constant([]) }),
  fc.record({ t: fc.constant('pull'), id: fc.nat(), after: fc.dictionary(fc.constantFrom(F_ID, A_ID, B_ID), fc.nat(5)), limit: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ t: fc.constant('records'), id: fc.nat(), records: fc.array(forgedRecord, { maxLength: 2 }), heads: fc.constant([]), more: fc.boolean(), archived: fc.constant([]) }),
  fc.record({ t: fc.constantFrom('ready', 'roster', 'refused-query', 'new', 'unknown-kind'), x: fc.jsonValue() }),
  forgedNew,
);

type Action =
  | { a: 'raw'; bytes: Buffer }
  | { a: 'text'; text: string }
  | { a: 'sealed'; text: string }
  | { a: 'tampered'; text: string; at: number; xor: number };

/** Whatever a member may send; some of it (a have, a pull, an unknown message) is let be. */
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  bytes(1, 300).map((b): Action => ({ a: 'raw', bytes: b })),
  fc.string({ maxLength: 200 }).map((text): Action => ({ a: 'text', text })),
  fc.jsonValue().map((v): Action => ({ a: 'sealed', text: JSON.stringify(v) ?? 'null' })),
  sessionMessage.map((m): Action => ({ a: 'sealed', text: JSON.stringify(m) })),
  fc.tuple(sessionMessage, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([m, at, xor]): Action => ({ a: 'tampered', text: JSON.stringify(m), at, xor })),
);
/** Each run ends with something the session must close on. */
const closingAction: fc.Arbitrary<Action> = fc.oneof(
  bytes(1, 300).map((b): Action => ({ a: 'raw', bytes: b })),
  fc.string({ maxLength: 200 }).map((text): Action => ({ a: 'text', text })),
  fc.string({ maxLength: 200 }).map((text): Action => ({ a: 'sealed', text: `\u0000${text}` })),
  fc.tuple(sessionMessage, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([m, at, xor]): Action => ({ a: 'tampered', text: JSON.stringify(m), at, xor })),
  forgedNew.map((m): Action => ({ a: 'sealed', text: JSON.stringify(m) })),
);

/** Dials B as the fuzzing member through a real handshake: a channel both sides hold. */
async function memberSession(port: number, b: GroupMachine): Promise<DialedSocket> {
  const bPub = createPublicKey(b.signKey);
  const dialed = await dialAs(port, { deviceId: F_ID, groupId: GROUP, signKey: F_KEY, addrs: [] }, (id) => (id === B_ID ? { signPub: bPub, revoked: false } : null));
  if (dialed.t !== 'open') throw new Error(`the member's handshake ended ${dialed.code} ${dialed.refused ?? ''}`);
  return dialed.socket;
}

function sendAction(s: DialedSocket, action: Action): void {
  if (s.ws.readyState !== WebSocket.OPEN) return;
  switch (action.a) {
    case 'raw':
      return s.ws.send(action.bytes, { binary: true });
    case 'text':
      return s.ws.send(action.text, { binary: false });
    case 'sealed':
    case 'tampered': {
      const sealed = s.channel.sealer.seal(action.text);
      if (!sealed.ok) throw new Error('frame counter spent');
      const frame = Buffer.from(sealed.frame);
      // A damaged byte is flipped, never overwritten: XOR with 1..255 always changes it.
      if (action.a === 'tampered') frame[action.at % frame.length] = (frame[action.at % frame.length] ?? 0) ^ action.xor;
      return s.ws.send(frame, { binary: true });
    }
  }
}

function logRows(m: GroupMachine): number {
  return m.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM peer_log').get()?.n ?? 0;
}

describe('fuzzing a running peer server', () => {
  it('closes on random frames before and after the handshake, applies nothing, and keeps serving a real peer', async () => {
    console.log(`peer-server fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
    const a = await groupMachine(A_ID, 0x07);
    const b = await groupMachine(B_ID, 0x09);
    pairAll([a, b]);
    addMember(b.db, { db: b.db, deviceId: F_ID, signKey: F_KEY, port: 0 }, []);
    const ra = serverOf(a);
    const rb = serverOf(b);
    await Promise.all([ra.server.start(), rb.server.start()]);
    const port = rb.server.listeningPort;
    if (port === null) throw new Error('B does not listen');
    const rowsBefore = logRows(b);

    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/esik-peer/1', '/esik-peer/1/pair'), fc.array(beforeChunk, { minLength: 1, maxLength: 5 }), async (path, chunks) => {
        const raw = await rawUpgrade(port, path, { Host: `127.0.0.1:${port}` });
        for (const chunk of chunks) raw.socket.write(chunk);
        await closedWithin(raw.closed, CLOSE_WITHIN_MS, `${chunks.length} chunks on ${path}`);
      }),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(anyAction, { maxLength: 4 }), closingAction, async (actions, last) => {
        const s = await memberSession(port, b);
        for (const action of [...actions, last]) sendAction(s, action);
        await closedWithin(s.closed, CLOSE_WITHIN_MS, JSON.stringify([...actions, last].map((x) => x.a)));
      }),
      { numRuns: RUNS, seed: SEED + 1, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );

    // Nothing of the fuzzing member, nothing told to the core, B's log as it was.
    expect(logRows(b)).toBe(rowsBefore);
    expect(b.db.prepare('SELECT count(*) AS n FROM peer_log WHERE device_id = ?').get(F_ID)).toEqual({ n: 0 });
    expect(rb.applied).toEqual([]);
    expect(rb.lines.filter((l) => l.includes('page refused')).length).toBeGreaterThan(0);

    // A real peer is still served: a tap at A reaches B.
    tap(a, ['ch0001']);
    ra.server.newHead();
    await waitFor("A's tap at B after the fuzzing", () => eventCount(b.db, A_ID) === 1, 10_000);
    expect(rb.applied.flatMap((x) => x.kinds)).toContain('attendance');
  }, 90_000);
});
