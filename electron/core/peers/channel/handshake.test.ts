import { describe, expect, it } from 'vitest';
import { HelloInitSchema, HelloReplySchema } from '../../../../shared/peers/peer-protocol.js';
import { SigmaInitiator, SigmaResponder, type HandshakeStep, type MemberLookup, type PeerChannel } from './handshake.js';
import { openBox, sealBox, sigmaKeys, sigmaTh2, sigmaTh3 } from './handshake-keys.js';
import { GROUP, machine, membersOf, signKeyFromSeed, type TestMachine } from './testing/peers-kit.js';
import { ephemeralFromSeed, newEphemeral, x25519PublicRaw, x25519Shared } from '../x25519.js';

const door1 = () => machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01', 'Door 1', { addrs: ['192.168.1.23:47620'] });
const office = () => machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Office', { addrs: ['192.168.1.24:47620'] });

function sent(step: HandshakeStep): string {
  if (step.t !== 'send') throw new Error(`expected a frame to send, got ${JSON.stringify(step)}`);
  return step.text;
}

function done(step: HandshakeStep): { channel: PeerChannel; send: Uint8Array | null } {
  if (step.t !== 'done') throw new Error(`expected done, got ${JSON.stringify(step)}`);
  return step;
}

interface Run {
  texts: string[];
  initiator: HandshakeStep;
  responder: HandshakeStep;
}

/** The whole exchange; stops at the first refusal on either side. */
function handshake(i: SigmaInitiator, r: SigmaResponder): Run {
  const texts: string[] = [i.hello()];
  const m2 = r.receive(texts[0] ?? '');
  if (m2.t !== 'send') return { texts, initiator: { t: 'send', text: '' }, responder: m2 };
  texts.push(m2.text);
  const m3 = i.receive(m2.text);
  if (m3.t !== 'send') return { texts, initiator: m3, responder: m2 };
  texts.push(m3.text);
  const rDone = r.receive(m3.text);
  if (rDone.t !== 'done' || rDone.send === null) return { texts, initiator: m3, responder: rDone };
  return { texts, initiator: i.receive(rDone.send), responder: rDone };
}

function pair(a: TestMachine, b: TestMachine, lookup: MemberLookup = membersOf([a, b])): Run {
  return handshake(new SigmaInitiator(a, lookup), new SigmaResponder(b, lookup));
}

function talk(from: PeerChannel, to: PeerChannel, text: string): string | null {
  const s = from.sealer.seal(text);
  if (!s.ok) return null;
  const o = to.opener.open(s.frame);
  return o.ok ? o.text : null;
}

describe('session handshake: key schedule vector', () => {
  // Inputs: ephemeral seeds 32 × 0x11 (I) and 32 × 0x22 (R), nonces 16 × 0x33 and 16 × 0x44, device keys with seeds
  // 32 × 0x07 (I) and 32 × 0x08 (R). Expected values computed independently with Python's cryptography package.
  it('gives the same M1, keys, M2, M3 and ready frame as an independent implementation', () => {
    const I = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a01', 'Door 1', { signKey: signKeyFromSeed(0x07), addrs: ['192.168.1.23:47620'] });
    const R = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Office', { signKey: signKeyFromSeed(0x08), addrs: ['192.168.1.24:47620'] });
    const lookup = membersOf([I, R]);
    const i = new SigmaInitiator(I, lookup, { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x11)), nonce: Buffer.alloc(16, 0x33) });
    const r = new SigmaResponder(R, lookup, { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x22)), nonce: Buffer.alloc(16, 0x44) });
    const run = handshake(i, r);
    expect(run.texts).toEqual([SIGMA_VECTOR.m1, SIGMA_VECTOR.m2, SIGMA_VECTOR.m3]);
    expect(Buffer.from(done(run.responder).send ?? []).toString('hex')).toBe(SIGMA_VECTOR.ready);
    expect(done(run.initiator).channel.peerDeviceId).toBe(R.deviceId);

    const ss = x25519Shared(ephemeralFromSeed(Buffer.alloc(32, 0x11)), x25519PublicRaw(ephemeralFromSeed(Buffer.alloc(32, 0x22))));
    expect(ss?.toString('hex')).toBe(SIGMA_VECTOR.ss);
    const m2 = HelloReplySchema.parse(JSON.parse(SIGMA_VECTOR.m2));
    const th2 = sigmaTh2(SIGMA_VECTOR.m1, Buffer.from(m2.eph, 'base64url'), Buffer.from(m2.nonce, 'base64url'));
    expect(th2.toString('hex')).toBe(SIGMA_VECTOR.th2);
    const keys = sigmaKeys(ss ?? Buffer.alloc(0), th2);
    expect([keys.hsR, keys.hsI, keys.i2r, keys.r2i].map((k) => k.toString('hex'))).toEqual([SIGMA_VECTOR.hsR, SIGMA_VECTOR.hsI, SIGMA_VECTOR.i2r, SIGMA_VECTOR.r2i]);
    const identR = openBox(keys.hsR, m2.box) as { deviceId: string; sig: string };
    expect(sigmaTh3(th2, identR.deviceId, Buffer.from(identR.sig, 'base64url')).toString('hex')).toBe(SIGMA_VECTOR.th3);
  });
});

describe('session handshake', () => {
  it('ends with one channel each way, both directions of the pair', () => {
    const a = door1();
    const b = office();
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const run = pair(x, y);
      const ci = done(run.initiator).channel;
      const cr = done(run.responder).channel;
      expect(ci.peerDeviceId).toBe(y.deviceId);
      expect(cr.peerDeviceId).toBe(x.deviceId);
      expect(ci.peerAddrs).toEqual(y.addrs);
      expect(cr.peerAddrs).toEqual(x.addrs);
      expect(talk(ci, cr, '{"t":"have"}')).toBe('{"t":"have"}');
      expect(talk(cr, ci, '{"t":"have","n":2}')).toBe('{"t":"have","n":2}');
      // A frame sealed for one direction does not open in the other.
      const s = ci.sealer.seal('x');
      expect(s.ok && ci.opener.open(s.frame).ok).toBe(false);
    }
  });

  it('sends nothing personal in text: no name, no group, no device id, no address', () => {
    const a = door1();
    const b = office();
    const run = pair(a, b);
    expect(run.texts).toHaveLength(3);
    const all = run.texts.join('\n');
    for (const secret of [a.name, b.name, a.deviceId, b.deviceId, GROUP, ...a.addrs, ...b.addrs, '192.168']) expect(all).not.toContain(secret);
    expect(Object.keys(JSON.parse(run.texts[0] ?? '') as object).sort()).toEqual(['eph', 'nonce', 't', 'v']);
    expect(Object.keys(JSON.parse(run.texts[1] ?? '') as object).sort()).toEqual(['box', 'eph', 'nonce', 't', 'v']);
    expect(Object.keys(JSON.parse(run.texts[2] ?? '') as object).sort()).toEqual(['box', 't']);
  });

  it('refuses an unknown initiator (4004)', () => {
    const b = office();
    const stranger = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a09', 'Stranger');
    // b does not know the stranger; the stranger (wrongly) knows b.
    const r = new SigmaResponder(b, membersOf([b]));
    const run2 = handshake(new SigmaInitiator(stranger, membersOf([stranger, b])), r);
    expect(run2.responder).toEqual({ t: 'refused', code: 'PEER_UNKNOWN', close: 4004, peerDeviceId: stranger.deviceId });
  });

  it('refuses an unknown responder (4004) before revealing the initiator', () => {
    const a = door1();
    const b = office();
    const run = handshake(new SigmaInitiator(a, membersOf([a])), new SigmaResponder(b, membersOf([a, b])));
    expect(run.initiator).toEqual({ t: 'refused', code: 'PEER_UNKNOWN', close: 4004, peerDeviceId: b.deviceId });
    expect(run.texts).toHaveLength(2);
  });

  it('refuses a revoked key (4005) on either side', () => {
    const a = door1();
    const b = office();
    expect(handshake(new SigmaInitiator(a, membersOf([a, b])), new SigmaResponder(b, membersOf([a, b], [a.deviceId]))).responder).toEqual({ t: 'refused', code: 'PEER_REVOKED', close: 4005, peerDeviceId: a.deviceId });
    expect(handshake(new SigmaInitiator(a, membersOf([a, b], [b.deviceId])), new SigmaResponder(b, membersOf([a, b]))).initiator).toEqual({ t: 'refused', code: 'PEER_REVOKED', close: 4005, peerDeviceId: b.deviceId });
  });

  it('refuses another kindergarten (4003) on either side', () => {
    const a = door1();
    const b = machine('0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', 'Other', { groupId: '0193a1f0-0000-7000-8000-0000000000ff' });
    const lookup = membersOf([a, b]);
    expect(pair(a, b, lookup).initiator).toEqual({ t: 'refused', code: 'PEER_OTHER_GROUP', close: 4003, peerDeviceId: b.deviceId });
    expect(pair(b, a, lookup).initiator).toEqual({ t: 'refused', code: 'PEER_OTHER_GROUP', close: 4003, peerDeviceId: a.deviceId });
  });

  it('refuses its own device id coming back', () => {
    const a = door1();
    expect(pair(a, a, membersOf([a])).initiator).toEqual({ t: 'refused', code: 'PEER_UNKNOWN', close: 4004, peerDeviceId: a.deviceId });
  });

  it('refuses a member id signed by another key (4006) on either side', () => {
    const a = door1();
    const b = office();
    const thief = machine(a.deviceId, a.name);
    expect(pair(thief, b, membersOf([a, b])).responder).toEqual({ t: 'refused', code: 'PEER_BAD_SIGNATURE', close: 4006, peerDeviceId: a.deviceId });
    const fakeOffice = machine(b.deviceId, b.name);
    expect(pair(a, fakeOffice, membersOf([a, b])).initiator).toEqual({ t: 'refused', code: 'PEER_BAD_SIGNATURE', close: 4006, peerDeviceId: b.deviceId });
  });

  it('refuses a man in the middle who substitutes his own ephemeral keys and re-seals the real identities (4006)', () => {
    const a = door1();
    const b = office();
    const lookup = membersOf([a, b]);
    const i = new SigmaInitiator(a, lookup);
    const r = new SigmaResponder(b, lookup);
    // Mallory speaks to R as I with his own ephemeral key, and to I as R with another.
    const m1 = HelloInitSchema.parse(JSON.parse(i.hello()));
    const toR = newEphemeral();
    const toI = newEphemeral();
    const m1ForR = JSON.stringify({ ...m1, eph: x25519PublicRaw(toR).toString('base64url') });
    const m2 = HelloReplySchema.parse(JSON.parse(sent(r.receive(m1ForR))));
    const keysWithR = sigmaKeys(x25519Shared(toR, Buffer.from(m2.eph, 'base64url')) ?? Buffer.alloc(32), sigmaTh2(m1ForR, Buffer.from(m2.eph, 'base64url'), Buffer.from(m2.nonce, 'base64url')));
    const identR = openBox(keysWithR.hsR, m2.box);
    expect(identR).toMatchObject({ deviceId: b.deviceId });
    // Re-sealed for I under the keys of I's own transcript with Mallory: the box opens, R's signature does not fit.
    const m1Text = JSON.stringify(m1);
    const eph = x25519PublicRaw(toI);
    const keysWithI = sigmaKeys(x25519Shared(toI, Buffer.from(m1.eph, 'base64url')) ?? Buffer.alloc(32), sigmaTh2(m1Text, eph, Buffer.from(m2.nonce, 'base64url')));
    const forged = JSON.stringify({ ...m2, eph: eph.toString('base64url'), box: sealBox(keysWithI.hsR, identR) });
    expect(i.receive(forged)).toEqual({ t: 'refused', code: 'PEER_BAD_SIGNATURE', close: 4006, peerDeviceId: b.deviceId });
  });

  it('refuses a substituted ephemeral key without re-sealing as a bad frame (4002)', () => {
    const a = door1();
    const b = office();
    const lookup = membersOf([a, b]);
    const i = new SigmaInitiator(a, lookup);
    const m2 = HelloReplySchema.parse(JSON.parse(sent(new SigmaResponder(b, lookup).receive(i.hello()))));
    const swapped = JSON.stringify({ ...m2, eph: x25519PublicRaw(newEphemeral()).toString('base64url') });
    expect(i.receive(swapped)).toEqual({ t: 'refused', code: 'PEER_BAD_FRAME', close: 4002, peerDeviceId: null });
  });

  it('refuses another version (4001) on either side', () => {
    const a = door1();
    const b = office();
    const lookup = membersOf([a, b]);
    const m1 = JSON.parse(new SigmaInitiator(a, lookup).hello()) as object;
    expect(new SigmaResponder(b, lookup).receive(JSON.stringify({ ...m1, v: 2 }))).toEqual({ t: 'refused', code: 'PEER_VERSION', close: 4001, peerDeviceId: null });
    const i = new SigmaInitiator(a, lookup);
    const m2 = JSON.parse(sent(new SigmaResponder(b, lookup).receive(i.hello()))) as object;
    expect(i.receive(JSON.stringify({ ...m2, v: 2 }))).toEqual({ t: 'refused', code: 'PEER_VERSION', close: 4001, peerDeviceId: null });
  });

  it('refuses a binary frame, junk or an oversized frame during the handshake, and reads nothing after a refusal', () => {
    const a = door1();
    const b = office();
    const lookup = membersOf([a, b]);
    const bad = { t: 'refused', code: 'PEER_BAD_FRAME', close: 4002, peerDeviceId: null };
    expect(new SigmaResponder(b, lookup).receive(new Uint8Array([1, 2, 3]))).toEqual(bad);
    expect(new SigmaResponder(b, lookup).receive('{not json')).toEqual(bad);
    expect(new SigmaResponder(b, lookup).receive(JSON.stringify({ t: 'auth', box: 'AAAA' }))).toEqual(bad);
    expect(new SigmaResponder(b, lookup).receive(' '.repeat(5000))).toEqual(bad);
    const r = new SigmaResponder(b, lookup);
    const i = new SigmaInitiator(a, lookup);
    const m2 = sent(r.receive(i.hello()));
    expect(r.receive('junk')).toEqual(bad);
    // The good M3 now finds a closed door.
    expect(r.receive(sent(i.receive(m2)))).toEqual(bad);
  });

  it('hands the initiator no channel before the responder accepted it', () => {
    const a = door1();
    const b = office();
    const i = new SigmaInitiator(a, membersOf([a, b]));
    const r = new SigmaResponder(b, membersOf([b]));
    const m3 = sent(i.receive(sent(r.receive(i.hello()))));
    expect(r.receive(m3).t).toBe('refused');
    // A binary frame that is not R's ready under k_r2i does not finish it either.
    expect(i.receive(new Uint8Array(40))).toEqual({ t: 'refused', code: 'PEER_BAD_FRAME', close: 4002, peerDeviceId: null });
  });

  it('uses fresh ephemeral keys per connection', () => {
    const a = door1();
    const b = office();
    const lookup = membersOf([a, b]);
    const e1 = (JSON.parse(new SigmaInitiator(a, lookup).hello()) as { eph: string }).eph;
    const e2 = (JSON.parse(new SigmaInitiator(a, lookup).hello()) as { eph: string }).eph;
    expect(e1).not.toBe(e2);
  });
});

const SIGMA_VECTOR = {
  m1: '{"t":"hello","v":1,"eph":"e06Qm75__kTEZaIgA31gjuNYl9Me-XLwf3SJLLD3PxM","nonce":"MzMzMzMzMzMzMzMzMzMzMw"}',
  ss: '9e004098efc091d4ec2663b4e9f5cfd4d7064571690b4bea97ab146ab9f35056',
  th2: '1e8b561a0247906474b20d65ebfa0a2a9ee7cd4fd7feb8f735893e17844b5b25',
  hsR: '5d0da1b1c7f72eaec03f17bbafbdc18fe5bebb370f55d6153827e03eeb388a87',
  hsI: '79597a093aaf4b84d842db11ed7afb33685eab7607df7257ac00b4a3b7b2feac',
  i2r: 'e5bb6b99c98f8d49c39c53db79d8b0484f03c00bd6b1d95f8ad3affaa2b4819d',
  r2i: 'feece337758bab71e25357ca679f82e46cc1f347ec01416f604e2d379d25bccd',
  th3: 'ba5f2fdb1a272f2a18deaf899275bab78dde5cfe0d110d3562a68250e8c7ea50',
  m2: '{"t":"hello","v":1,"eph":"D6poTtKIZ7l_Smot7l34zpdOdrcBjj8iocTPJnhXDyA","nonce":"RERERERERERERERERERERA","box":"uMI5vSSFRI2lPHJGZjj3KyoXveT1YTIYESm9jje_U76KXY-v9JoXxc_iKqCTa_JZejf3IwmRpK3gTDNXfx3yt4LdHp0plcg8hBUC_68Dg-yQOrANbQ5bfCtGRMzMiHcnmGAYB-owsydDARvMdQNohqOCNGxkzpWZJBGM58RUqrtG-fAitOPFYKDVlaEWDPav9qhjc9KkEoFAyqYjxLLteNhBLKGA4wRSfJPvbR1hx44wgATc5Baasa3dGWnMq3JxW2xAt7V4LrCZgyDpYAiptnoqEB-jaIxFUJZHaegkIC5Q699oe0iwhEb0eo431CmvRDk"}',
  m3: '{"t":"auth","box":"K5_PD7elP9j3V3e3jd5Ij2QcyRe-jvwAX9e79tFhAmc2TwmFQQR9Q_Ga4eNG48IX6AGMvjA7_uJwwc_p5yWRXfC5uaeMNRJ9xVlJl_YhWGva97MNMyI4uk97cW-MjatlxWlx6MSvNsWVd38MXT6FBCr-Pu8iOOHqD6A97DmNeKqH78-_Hbk5u1BJEcdM4ZCW1-SJZfqUTm8-lpoOd70VKfLFgo3utZnHnGioGMSfrx_65lsXb1zt79a5EZCp1i8v1acmG563UuGyDkgTdIqiaLRuPxkArdWypKtJGINY7CS3Ap1cDbJ1HHVeD0l4xAFYlJc"}',
  ready: 'f3b69bcdd38a23bf173fe2797cb7dca37fdebf31ef044bd234c124703d',
};
