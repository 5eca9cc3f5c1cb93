// The state machines over a real ws WebSocket pair on 127.0.0.1: text frames during the handshake, binary after it,
// and a refusal becomes the close code. The listener here is a stand-in; the peer server is its own step.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { MAX_PEER_FRAME_BYTES, PEER_PATHS } from '../../../../shared/peers/peer-protocol.js';
import { SigmaInitiator, SigmaResponder, type HandshakeStep, type MemberLookup, type OwnIdentity, type PeerChannel } from './handshake.js';
import type { Frame } from './text-frame.js';
import { machine, membersOf } from './testing/peers-kit.js';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function frameOf(data: RawData, isBinary: boolean): Frame {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  return isBinary ? new Uint8Array(bytes) : bytes.toString('utf8');
}

interface Outcome {
  channel: PeerChannel | null;
  closeCode: number | null;
  /** The first binary message the channel opened after the handshake. */
  firstMessage: string | null;
}

/** Wires one side's state machine to a socket: sends what it says, closes with its code, then talks binary. */
function drive(ws: WebSocket, receive: (frame: Frame) => HandshakeStep, greeting: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { channel: null, closeCode: null, firstMessage: null };
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      outcome.closeCode = code;
      resolve(outcome);
    });
    ws.on('message', (data, isBinary) => {
      const frame = frameOf(data, isBinary);
      const channel = outcome.channel;
      if (channel !== null) {
        const opened = isBinary && typeof frame !== 'string' ? channel.opener.open(frame) : null;
        if (opened === null || !opened.ok) return ws.close(4002);
        outcome.firstMessage ??= opened.text;
        return ws.close(1000);
      }
      const step = receive(frame);
      if (step.t === 'send') return ws.send(step.text);
      if (step.t === 'refused') return ws.close(step.close, step.code);
      outcome.channel = step.channel;
      if (step.send !== null) ws.send(step.send, { binary: true });
      const s = step.channel.sealer.seal(greeting);
      if (s.ok) ws.send(s.frame, { binary: true });
    });
  });
}

async function listen(own: OwnIdentity, lookup: MemberLookup): Promise<{ url: string; server: Promise<Outcome> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: PEER_PATHS.session, maxPayload: MAX_PEER_FRAME_BYTES });
  servers.push(wss);
  await once(wss, 'listening');
  const server = new Promise<Outcome>((resolve) => {
    wss.once('connection', (ws) => {
      const r = new SigmaResponder(own, lookup);
      void drive(ws, (f) => r.receive(f), '{"t":"have","from":"R"}').then(resolve);
    });
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}${PEER_PATHS.session}`, server };
}

async function dial(url: string, own: OwnIdentity, lookup: MemberLookup): Promise<Outcome> {
  const ws = new WebSocket(url, { maxPayload: MAX_PEER_FRAME_BYTES });
  const i = new SigmaInitiator(own, lookup);
  const outcome = drive(ws, (f) => i.receive(f), '{"t":"have","from":"I"}');
  await once(ws, 'open');
  ws.send(i.hello());
  return outcome;
}

describe('session handshake over a WebSocket on 127.0.0.1', () => {
  it('runs the three text frames, then each side opens the other binary frames', async () => {
    const door = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01', 'Door 1');
    const office = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Office');
    const lookup = membersOf([door, office]);
    const { url, server } = await listen(office, lookup);
    const [client, host] = await Promise.all([dial(url, door, lookup), server]);
    expect(client.channel?.peerDeviceId).toBe(office.deviceId);
    expect(host.channel?.peerDeviceId).toBe(door.deviceId);
    expect(client.firstMessage).toBe('{"t":"have","from":"R"}');
    expect(host.firstMessage).toBe('{"t":"have","from":"I"}');
    expect([client.closeCode, host.closeCode]).toContain(1000);
  });

  it('closes with the refusal code: an unknown machine gets 4004', async () => {
    const door = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01', 'Door 1');
    const office = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Office');
    const stranger = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a09', 'Stranger');
    const { url, server } = await listen(office, membersOf([door, office]));
    const [client, host] = await Promise.all([dial(url, stranger, membersOf([stranger, office])), server]);
    expect(client.channel).toBeNull();
    expect(host.channel).toBeNull();
    expect(client.closeCode).toBe(4004);
  });
});
