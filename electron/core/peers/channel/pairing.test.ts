import { describe, expect, it } from 'vitest';
import { PairWelcomeSchema, type PairJoin } from '../../../../shared/peers/peer-protocol.js';
import { generateSigningKey, rawPublicKey, signEd25519 } from '../../credentials/ed25519.js';
import { frameOpener, frameSealer } from './frame-cipher.js';
import { PairingCode } from './pairing-code.js';
import { pairKeys, pairMac, pairSigned, pairTranscript, stretchCode } from './pairing-keys.js';
import { PairJoiner, PairSponsor, type JoinerIdentity, type JoinerStep, type SponsorStep, type WelcomeBody } from './pairing.js';
import { GROUP } from './testing/peers-kit.js';
import { ephemeralFromSeed, newEphemeral, x25519PublicRaw, x25519Shared } from '../x25519.js';

const T0 = Date.parse('2026-11-23T03:10:00.000Z');
const CODE = '7KQ4-M2XD-9RTB';

function clockAt(startMs: number) {
  const clock = { ms: startMs, now: () => new Date(clock.ms) };
  return clock;
}

function joinerIdentity(name = 'Door 2'): JoinerIdentity {
  return {
    deviceId: '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a03',
    name,
    role: 'door',
    signKey: generateSigningKey(),
    dhPub: x25519PublicRaw(newEphemeral()),
    qrKeyId: 'kiosk-0a03',
    qrPub: rawPublicKey(generateSigningKey()),
    addrs: ['192.168.1.25:47620'],
    ownRecords: 12,
  };
}

const sponsorIdentity = { deviceId: '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a02', signKey: generateSigningKey() };

function welcomeFor(join: PairJoin): WelcomeBody {
  return {
    groupId: GROUP,
    kindergarten: { id: 'kg-0001', name: 'Балапан' },
    pepper: Buffer.alloc(32, 9).toString('base64url'),
    memberRecords: [],
    // The caller decides from the PairJoin; here the joiner's own id names the kindergarten's city link.
    city: { url: 'https://city.example', kindergartenId: `kg-for-${join.deviceId.slice(-4)}` },
  };
}

interface Exchange {
  texts: string[];
  binary: Uint8Array[];
  joiner: JoinerStep | null;
  sponsor: SponsorStep | null;
}

/** J and S talk until one of them ends; a refusal's frame (S's pair-refused) is delivered before the close. */
async function exchange(j: PairJoiner, s: PairSponsor): Promise<Exchange> {
  const out: Exchange = { texts: [], binary: [], joiner: null, sponsor: null };
  const note = (frame: string | Uint8Array) => (typeof frame === 'string' ? out.texts.push(frame) : out.binary.push(frame));
  let toSponsor: string | Uint8Array = j.hello();
  note(toSponsor);
  for (let round = 0; round < 4; round += 1) {
    const sStep = await s.receive(toSponsor);
    out.sponsor = sStep;
    const toJoiner = sStep.t === 'send' ? sStep.frame : sStep.t === 'done' ? sStep.send : sStep.send;
    if (toJoiner === null) return out;
    note(toJoiner);
    const jStep = await j.receive(toJoiner);
    out.joiner = jStep;
    if (jStep.t !== 'send') return out;
    note(jStep.frame);
    toSponsor = jStep.frame;
  }
  return out;
}

function sponsorWith(code: PairingCode | null, welcome: (join: PairJoin) => WelcomeBody = welcomeFor): PairSponsor {
  return new PairSponsor(sponsorIdentity, () => code, welcome);
}

describe('pairing: key schedule vector', () => {
  // Inputs: ephemeral seeds 32 × 0x55 (J) and 32 × 0x66 (S), nonces 16 × 0x77 and 16 × 0x88, code 7KQ4-M2XD-9RTB.
  // Expected values computed independently with Python's hashlib.scrypt and the cryptography package.
  it('gives the same P1–P4, th, c and keys as an independent implementation', async () => {
    const j = new PairJoiner('7kq4 m2xd 9rtb', joinerIdentity(), { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x55)), nonce: Buffer.alloc(16, 0x77) });
    const s = new PairSponsor(sponsorIdentity, () => code, welcomeFor, { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x66)), nonce: Buffer.alloc(16, 0x88) });
    const code = PairingCode.open(clockAt(T0), CODE);
    const run = await exchange(j, s);
    expect(run.texts).toEqual([PAIR_VECTOR.p1, PAIR_VECTOR.p2, PAIR_VECTOR.p3, PAIR_VECTOR.p4]);
    expect(run.joiner?.t).toBe('done');

    const th = pairTranscript(PAIR_VECTOR.p1, PAIR_VECTOR.p2);
    expect(th.toString('hex')).toBe(PAIR_VECTOR.th);
    const c = await stretchCode('7KQ4M2XD9RTB', th);
    expect(c.toString('hex')).toBe(PAIR_VECTOR.c);
    const ss = x25519Shared(ephemeralFromSeed(Buffer.alloc(32, 0x55)), x25519PublicRaw(ephemeralFromSeed(Buffer.alloc(32, 0x66)))) ?? Buffer.alloc(0);
    const keys = pairKeys(ss, c, th);
    expect([keys.mj, keys.ms, keys.j2s, keys.s2j].map((k) => k.toString('hex'))).toEqual([PAIR_VECTOR.mj, PAIR_VECTOR.ms, PAIR_VECTOR.j2s, PAIR_VECTOR.s2j]);
    // P5 and P6 open under k_j2s and k_s2j as frame 0 of their direction.
    expect(frameOpener(keys.j2s).open(run.binary[0] ?? new Uint8Array()).ok).toBe(true);
    expect(frameOpener(keys.s2j).open(run.binary[1] ?? new Uint8Array()).ok).toBe(true);
  });
});

describe('pairing', () => {
  it('pairs: S gets the PairJoin, J the signed PairWelcome built from it, and the code is spent', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const identity = joinerIdentity();
    let asked: PairJoin | null = null;
    const run = await exchange(
      new PairJoiner(CODE, identity),
      sponsorWith(code, (join) => {
        asked = join;
        return welcomeFor(join);
      }),
    );
    if (run.sponsor?.t !== 'done' || run.joiner?.t !== 'done') throw new Error(JSON.stringify(run));
    const join = run.sponsor.join;
    expect(asked).toEqual(join);
    expect(join).toMatchObject({ deviceId: identity.deviceId, name: 'Door 2', role: 'door', qrKeyId: 'kiosk-0a03', addrs: identity.addrs, records: { own: 12 } });
    expect(join.signPub).toBe(Buffer.from(rawPublicKey(identity.signKey)).toString('base64url'));
    expect(join.dhPub).toBe(Buffer.from(identity.dhPub).toString('base64url'));
    const welcome = run.joiner.welcome;
    expect(PairWelcomeSchema.parse(welcome)).toEqual(welcome);
    expect(welcome).toMatchObject({ groupId: GROUP, kindergarten: { name: 'Балапан' }, city: { kindergartenId: 'kg-for-0a03' }, sponsor: { deviceId: sponsorIdentity.deviceId } });
    expect(welcome.sponsor.signPub).toBe(Buffer.from(rawPublicKey(sponsorIdentity.signKey)).toString('base64url'));
    expect(run.texts).toHaveLength(4);
    expect(run.binary).toHaveLength(2);
    // One pairing per code.
    const again = await exchange(new PairJoiner(CODE, joinerIdentity()), sponsorWith(code));
    expect(again.sponsor).toMatchObject({ t: 'refused', code: 'PAIR_CODE_USED' });
    expect(again.joiner).toMatchObject({ t: 'refused', code: 'PAIR_CODE_USED' });
  });

  it('counts each wrong code; the third burns it, and the right code after it is refused', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    for (const wrong of ['7KQ4-M2XD-9RTC', '0000-0000-0000', '7KQ4-M2XD-9RT0']) {
      const run = await exchange(new PairJoiner(wrong, joinerIdentity()), sponsorWith(code));
      expect(run.sponsor).toEqual({ t: 'refused', code: 'PAIR_CODE_WRONG', close: 1008, send: '{"t":"pair-refused","code":"PAIR_CODE_WRONG"}' });
      expect(run.joiner).toMatchObject({ t: 'refused', code: 'PAIR_CODE_WRONG' });
      expect(run.binary).toHaveLength(0);
    }
    const late = await exchange(new PairJoiner(CODE, joinerIdentity()), sponsorWith(code));
    expect(late.joiner).toMatchObject({ t: 'refused', code: 'PAIR_CODE_USED' });
  });

  it('takes the right code after two wrong ones', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    for (const wrong of ['7KQ4-M2XD-9RTC', '7KQ4-M2XD-9RTD']) await exchange(new PairJoiner(wrong, joinerIdentity()), sponsorWith(code));
    expect((await exchange(new PairJoiner(CODE, joinerIdentity()), sponsorWith(code))).joiner?.t).toBe('done');
  });

  it('refuses an expired code (fixed clock, 10 minutes)', async () => {
    const clock = clockAt(T0);
    const code = PairingCode.open(clock, CODE);
    clock.ms = T0 + 10 * 60 * 1000;
    const run = await exchange(new PairJoiner(CODE, joinerIdentity()), sponsorWith(code));
    expect(run.joiner).toMatchObject({ t: 'refused', code: 'PAIR_CODE_EXPIRED' });
    expect(run.sponsor).toMatchObject({ t: 'refused', code: 'PAIR_CODE_EXPIRED' });
  });

  it('refuses when no code is open', async () => {
    const run = await exchange(new PairJoiner(CODE, joinerIdentity()), sponsorWith(null));
    expect(run.joiner).toMatchObject({ t: 'refused', code: 'PAIR_NO_CODE', close: 1008 });
  });

  it('J gives up on a sponsor who does not know the code (PAIR_SPONSOR_UNPROVEN), having sent nothing about itself', async () => {
    const identity = joinerIdentity();
    const j = new PairJoiner(CODE, identity);
    // An impostor answers as a sponsor would, with a guessed code.
    const p1Text = j.hello();
    const p1 = JSON.parse(p1Text) as { eph: string };
    const eph = newEphemeral();
    const p2 = JSON.stringify({ t: 'pair-hello', v: 1, eph: x25519PublicRaw(eph).toString('base64url'), nonce: Buffer.alloc(16, 1).toString('base64url') });
    const p3 = await j.receive(p2);
    expect(p3.t).toBe('send');
    const th = pairTranscript(p1Text, p2);
    const keys = pairKeys(x25519Shared(eph, Buffer.from(p1.eph, 'base64url')) ?? Buffer.alloc(32), await stretchCode('GUESSGUESS00', th), th);
    const p4 = JSON.stringify({ t: 'pair-proof', mac: pairMac(keys.ms, 'sponsor', th).toString('base64url') });
    expect(await j.receive(p4)).toEqual({ t: 'refused', code: 'PAIR_SPONSOR_UNPROVEN', close: 1008, send: null });
  });

  it('S refuses a PairJoin frame with one bit flipped, and J a PairWelcome with one bit flipped', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const j = new PairJoiner(CODE, joinerIdentity());
    const s = sponsorWith(code);
    const p2 = await s.receive(j.hello());
    const p3 = await j.receive(p2.t === 'send' ? p2.frame : '');
    const p4 = await s.receive(p3.t === 'send' ? p3.frame : '');
    const p5 = await j.receive(p4.t === 'send' ? p4.frame : '');
    if (p5.t !== 'send' || typeof p5.frame === 'string') throw new Error('expected PairJoin');
    const flipped = Uint8Array.from(p5.frame);
    flipped[10] = (flipped[10] ?? 0) ^ 0x04;
    expect(await s.receive(flipped)).toEqual({ t: 'refused', code: 'PEER_BAD_FRAME', close: 4002, send: null });

    const code2 = PairingCode.open(clockAt(T0), CODE);
    const j2 = new PairJoiner(CODE, joinerIdentity());
    const s2 = sponsorWith(code2);
    const q2 = await s2.receive(j2.hello());
    const q3 = await j2.receive(q2.t === 'send' ? q2.frame : '');
    const q4 = await s2.receive(q3.t === 'send' ? q3.frame : '');
    const q5 = await j2.receive(q4.t === 'send' ? q4.frame : '');
    const q6 = await s2.receive(q5.t === 'send' ? q5.frame : '');
    if (q6.t !== 'done') throw new Error('expected PairWelcome');
    const bad = Uint8Array.from(q6.send);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x80;
    expect(await j2.receive(bad)).toEqual({ t: 'refused', code: 'PEER_BAD_FRAME', close: 4002, send: null });
  });

  it('refuses a replayed PairJoin frame and a text frame where a binary one belongs', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const j = new PairJoiner(CODE, joinerIdentity());
    const s = sponsorWith(code);
    const p2 = await s.receive(j.hello());
    const p3 = await j.receive(p2.t === 'send' ? p2.frame : '');
    const p4 = await s.receive(p3.t === 'send' ? p3.frame : '');
    expect(await j.receive('{"t":"pair-welcome"}')).toMatchObject({ t: 'refused', code: 'PEER_BAD_FRAME' });
    // A frame sealed under k_j2s at counter 0 by someone else's keys (a replay from another exchange) does not open.
    const other = frameSealer(Buffer.alloc(32, 3)).seal('{"t":"pair-join"}');
    expect(p4.t).toBe('send');
    expect(await s.receive(other.ok ? other.frame : new Uint8Array())).toMatchObject({ t: 'refused', code: 'PEER_BAD_FRAME' });
  });

  it('refuses another version and junk before the keys', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const hello = JSON.parse(new PairJoiner(CODE, joinerIdentity()).hello()) as object;
    expect(await sponsorWith(code).receive(JSON.stringify({ ...hello, v: 2 }))).toMatchObject({ t: 'refused', code: 'PEER_VERSION', close: 4001 });
    expect(await sponsorWith(code).receive('nonsense')).toMatchObject({ t: 'refused', code: 'PEER_BAD_FRAME', close: 4002 });
    expect(await sponsorWith(code).receive(new Uint8Array(8))).toMatchObject({ t: 'refused', code: 'PEER_BAD_FRAME' });
    expect(code.begin().ok).toBe(true);
  });

  it("ends the exchange, not the process, when the sponsor's welcome cannot be built", async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const run = await exchange(
      new PairJoiner(CODE, joinerIdentity()),
      sponsorWith(code, () => {
        throw new Error('disk full');
      }),
    );
    expect(run.sponsor).toMatchObject({ t: 'refused', code: 'PAIR_FAILED', close: 1011 });
  });

  it('sends nothing personal in text: no name, no group, no device id, no pepper; names cross only encrypted', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const identity = joinerIdentity('Дверь 2 / Door Two');
    const run = await exchange(new PairJoiner(CODE, identity), sponsorWith(code));
    expect(run.joiner?.t).toBe('done');
    const text = run.texts.join('\n');
    const binary = Buffer.concat(run.binary).toString('latin1') + Buffer.concat(run.binary).toString('utf8');
    for (const secret of [identity.name, 'Door Two', 'Балапан', identity.deviceId, sponsorIdentity.deviceId, GROUP, 'kg-0001', '192.168', 'kiosk-0a03', Buffer.alloc(32, 9).toString('base64url')]) {
      expect(text).not.toContain(secret);
      expect(binary).not.toContain(secret);
    }
    for (const t of run.texts) expect(Object.keys(JSON.parse(t) as object).every((k) => ['t', 'v', 'eph', 'nonce', 'mac'].includes(k))).toBe(true);
  });

  it('S refuses a PairJoin whose signature does not cover this exchange, J a PairWelcome whose sponsor signature does not (4006)', async () => {
    // Fixed ephemerals let the test derive the exchange's keys and seal frames of its own making.
    const fixedJ = { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x55)), nonce: Buffer.alloc(16, 0x77) };
    const fixedS = { ephemeral: ephemeralFromSeed(Buffer.alloc(32, 0x66)), nonce: Buffer.alloc(16, 0x88) };
    const th = pairTranscript(PAIR_VECTOR.p1, PAIR_VECTOR.p2);
    const ss = x25519Shared(fixedJ.ephemeral, x25519PublicRaw(fixedS.ephemeral)) ?? Buffer.alloc(0);
    const keys = pairKeys(ss, await stretchCode('7KQ4M2XD9RTB', th), th);
    const identity = joinerIdentity();

    const s = new PairSponsor(sponsorIdentity, () => PairingCode.open(clockAt(T0), CODE), welcomeFor, fixedS);
    await s.receive(PAIR_VECTOR.p1);
    expect((await s.receive(PAIR_VECTOR.p3)).t).toBe('send');
    const otherTh = Buffer.alloc(32, 1);
    const forgedJoin: PairJoin = {
      t: 'pair-join',
      deviceId: identity.deviceId,
      name: identity.name,
      role: 'door',
      signPub: Buffer.from(rawPublicKey(identity.signKey)).toString('base64url'),
      dhPub: Buffer.from(identity.dhPub).toString('base64url'),
      qrKeyId: identity.qrKeyId,
      qrPub: Buffer.from(identity.qrPub).toString('base64url'),
      // Signed over another exchange's transcript: a PairJoin lifted from elsewhere.
      sig: Buffer.from(signEd25519(identity.signKey, pairSigned('j', otherTh))).toString('base64url'),
      addrs: [],
      records: { own: 0 },
    };
    const p5 = frameSealer(keys.j2s).seal(JSON.stringify(forgedJoin));
    expect(await s.receive(p5.ok ? p5.frame : new Uint8Array())).toEqual({ t: 'refused', code: 'PEER_BAD_SIGNATURE', close: 4006, send: null });

    const j = new PairJoiner(CODE, identity, fixedJ);
    j.hello();
    await j.receive(PAIR_VECTOR.p2);
    expect((await j.receive(PAIR_VECTOR.p4)).t).toBe('send');
    const forgedWelcome = {
      t: 'pair-welcome',
      ...welcomeFor(forgedJoin),
      sponsor: {
        deviceId: sponsorIdentity.deviceId,
        signPub: Buffer.from(rawPublicKey(sponsorIdentity.signKey)).toString('base64url'),
        sig: Buffer.from(signEd25519(sponsorIdentity.signKey, pairSigned('s', otherTh))).toString('base64url'),
      },
    };
    const p6 = frameSealer(keys.s2j).seal(JSON.stringify(forgedWelcome));
    expect(await j.receive(p6.ok ? p6.frame : new Uint8Array())).toEqual({ t: 'refused', code: 'PEER_BAD_SIGNATURE', close: 4006, send: null });
  });

  it('a man in the middle with his own ephemeral keys and no code fails at the proof, never reaching PairJoin', async () => {
    const code = PairingCode.open(clockAt(T0), CODE);
    const j = new PairJoiner(CODE, joinerIdentity());
    const s = sponsorWith(code);
    // Mallory swaps his key into P1 and P2 and relays the proofs unchanged.
    const mallory = x25519PublicRaw(newEphemeral()).toString('base64url');
    const swap = (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), eph: mallory });
    const p2 = await s.receive(swap(j.hello()));
    const p3 = await j.receive(swap(p2.t === 'send' && typeof p2.frame === 'string' ? p2.frame : ''));
    const p4 = await s.receive(p3.t === 'send' ? p3.frame : '');
    expect(p4).toMatchObject({ t: 'refused', code: 'PAIR_CODE_WRONG' });
  });

  it('will not start with something that is not a code', () => {
    expect(() => new PairJoiner('UUUU', joinerIdentity())).toThrow(RangeError);
  });
});

const PAIR_VECTOR = {
  p1: '{"t":"pair-hello","v":1,"eph":"OKtmS9hvd9fma92a4HkpE6lP2LM6EmACfktGwfSITGc","nonce":"d3d3d3d3d3d3d3d3d3d3dw"}',
  p2: '{"t":"pair-hello","v":1,"eph":"IZ5NgA2paNKl_LAJx4T0dGxxOO257khEtznoMLBc9CQ","nonce":"iIiIiIiIiIiIiIiIiIiIiA"}',
  th: '771f0bc7c648b445cfdc5978784a5e11e2bd2c191d70b2df8248293cd16456f2',
  c: 'dd82c6d11af08b328d6ee6fa78fd9d226dbc220e16679e11bd6ed04317bd1730',
  mj: 'b61ad4c905ea253f5c9fd0c24e39377e386731706f92ad85ba286c2d5cf61080',
  ms: '00414833940fa99914d5c85d57f5f22da39cd896e52cd44f7e1bc33d860d8aca',
  j2s: 'ad1d5330a2f46a0b7a2ed3d7f0fac789df56614f69b0761a04b31d824ec487f4',
  s2j: '837ead52b67a9f5d832d361d37855be4d701825f7317502a4bb8e49d4b0eb1ce',
  p3: '{"t":"pair-proof","mac":"yc2hestVcflc2XPKhwHGFZWq0nz3-ps3Gvqut5ZdAVM"}',
  p4: '{"t":"pair-proof","mac":"rhk1OPwIKJYynLbB3qeFVGUD2qLysxvt-w0YBSUJotw"}',
};
