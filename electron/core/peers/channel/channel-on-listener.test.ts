// The channel's state machines behind the real peer port (link/peer-listener.ts) on 127.0.0.1: the session handshake
// on /esik-peer/1 and the pairing on /esik-peer/1/pair, text frames until the other side is proven, binary after.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { type RawData } from 'ws';
import { PEER_PATHS, type PairJoin, type PairWelcome } from '../../../../shared/peers/peer-protocol.js';
import { generateSigningKey, rawPublicKey } from '../../credentials/ed25519.js';
import { startPeerListener, type PeerConnection, type PeerListener } from '../link/peer-listener.js';
import { SigmaInitiator, SigmaResponder } from './handshake.js';
import { PairingCode } from './pairing-code.js';
import { PairJoiner, PairSponsor } from './pairing.js';
import type { Frame } from './text-frame.js';
import { GROUP, machine, membersOf } from './testing/peers-kit.js';
import { newEphemeral, x25519PublicRaw } from '../x25519.js';

const listeners: PeerListener[] = [];
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.close();
});

const T0 = Date.parse('2026-11-23T03:10:00.000Z');

function frameOf(data: RawData, isBinary: boolean): Frame {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  return isBinary ? new Uint8Array(bytes) : bytes.toString('utf8');
}

async function listen(onConnection: (c: PeerConnection) => void): Promise<number> {
  const listener = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection, log: () => undefined });
  listeners.push(listener);
  return listener.port;
}

type DialStep<T> = { t: 'send'; frame: Frame } | { t: 'refused'; close: number; code: string } | { t: 'done'; value: T };

/** The dialling side: feeds each frame to its machine, sends what it says, settles on done or a close. */
function dial<T>(url: string, first: string, receive: (frame: Frame) => Promise<DialStep<T>>): Promise<{ value: T | null; closeCode: number | null }> {
  const ws = new WebSocket(url);
  return new Promise((resolve) => {
    let value: T | null = null;
    ws.on('error', () => undefined);
    ws.on('open', () => ws.send(first));
    ws.on('close', (code) => resolve({ value, closeCode: code }));
    ws.on('message', (data, isBinary) => {
      void receive(frameOf(data, isBinary)).then((step) => {
        if (step.t === 'send') return ws.send(step.frame);
        if (step.t === 'refused') return ws.close(step.close, step.code);
        value = step.value;
        ws.close(1000);
      });
    });
  });
}

describe('the channel behind the peer port', () => {
  it('runs the session handshake on /esik-peer/1 and opens the binary ready frame', async () => {
    const door = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01', 'Door 1');
    const office = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Office');
    const lookup = membersOf([door, office]);
    const accepted: string[] = [];
    const port = await listen((c) => {
      const r = new SigmaResponder(office, lookup);
      c.onMessage((data, isBinary) => {
        const step = r.receive(isBinary ? new Uint8Array(data) : data.toString('utf8'));
        if (step.t === 'send') return c.send(step.text);
        if (step.t === 'refused') return c.close(step.close, step.code);
        c.authenticated();
        accepted.push(step.channel.peerDeviceId);
        if (step.send !== null) c.send(step.send);
      });
    });
    const i = new SigmaInitiator(door, lookup);
    const receive = (frame: Frame): Promise<DialStep<string>> => {
      const step = i.receive(frame);
      if (step.t === 'send') return Promise.resolve({ t: 'send', frame: step.text });
      return Promise.resolve(step.t === 'done' ? { t: 'done', value: step.channel.peerDeviceId } : step);
    };
    const result = await dial(`ws://127.0.0.1:${port}${PEER_PATHS.session}`, i.hello(), receive);
    expect(result.value).toBe(office.deviceId);
    expect(accepted).toEqual([door.deviceId]);
  });

  it('pairs on /esik-peer/1/pair: the joiner is let past text frames once it proved the code', async () => {
    const code = PairingCode.open({ now: () => new Date(T0) });
    const sponsorKey = generateSigningKey();
    const joins: PairJoin[] = [];
    const port = await listen((c) => {
      expect(c.path).toBe('pair');
      const s = new PairSponsor({ deviceId: '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', signKey: sponsorKey }, () => code, () => ({
        groupId: GROUP,
        kindergarten: { id: 'kg-0001', name: 'Балапан' },
        pepper: Buffer.alloc(32, 9).toString('base64url'),
        city: null,
        memberRecords: [],
      }));
      c.onMessage((data, isBinary) => {
        void s.receive(isBinary ? new Uint8Array(data) : data.toString('utf8')).then((step) => {
          if (step.t === 'refused') {
            if (step.send !== null) c.send(step.send);
            return c.close(step.close, step.code);
          }
          if (s.joinerProven) c.authenticated();
          if (step.t === 'send') return c.send(step.frame);
          joins.push(step.join);
          c.send(step.send);
          c.close(1000, 'paired');
        });
      });
    });
    const j = new PairJoiner(code.display.toLowerCase(), {
      deviceId: '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a03',
      name: 'Door 2',
      role: 'door',
      signKey: generateSigningKey(),
      dhPub: x25519PublicRaw(newEphemeral()),
      qrKeyId: 'kiosk-0a03',
      qrPub: rawPublicKey(generateSigningKey()),
      addrs: [],
      ownRecords: 0,
    });
    const result = await dial<PairWelcome>(`ws://127.0.0.1:${port}${PEER_PATHS.pair}`, j.hello(), async (f) => {
      const step = await j.receive(f);
      return step.t === 'done' ? { t: 'done', value: step.welcome } : step;
    });
    expect(result.value?.kindergarten.name).toBe('Балапан');
    expect(joins.map((x) => x.name)).toEqual(['Door 2']);
    expect(code.begin()).toEqual({ ok: false, code: 'PAIR_CODE_USED' });
  });

  it('a wrong code ends with pair-refused and a close, before any binary frame', async () => {
    const code = PairingCode.open({ now: () => new Date(T0) }, '7KQ4-M2XD-9RTB');
    const port = await listen((c) => {
      const s = new PairSponsor({ deviceId: 'sponsor', signKey: generateSigningKey() }, () => code, () => {
        throw new Error('never welcomed');
      });
      c.onMessage((data, isBinary) => {
        void s.receive(isBinary ? new Uint8Array(data) : data.toString('utf8')).then((step) => {
          if (step.t === 'send') return c.send(step.frame);
          if (step.t === 'refused' && step.send !== null) c.send(step.send);
          c.close(step.t === 'refused' ? step.close : 1000, 'end');
        });
      });
    });
    const j = new PairJoiner('7KQ4-M2XD-9RTC', { deviceId: 'j', name: 'J', role: 'office', signKey: generateSigningKey(), dhPub: Buffer.alloc(32, 1), qrKeyId: 'q', qrPub: Buffer.alloc(32, 2), addrs: [], ownRecords: 0 });
    const seen: string[] = [];
    const result = await dial(`ws://127.0.0.1:${port}${PEER_PATHS.pair}`, j.hello(), async (f) => {
      const step = await j.receive(f);
      if (step.t === 'refused') seen.push(step.code);
      return step.t === 'done' ? { t: 'done', value: null } : step;
    });
    expect(seen).toEqual(['PAIR_CODE_WRONG']);
    expect(result.closeCode).not.toBeNull();
  });
});
