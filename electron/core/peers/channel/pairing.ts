// The pairing exchange (docs/peer-protocol.md §Pairing) as two transport-agnostic state machines: the joiner J, who
// typed the code, and the sponsor S, who shows it. Each proves the code with an HMAC before anything about a machine
// crosses; then J's PairJoin and S's PairWelcome travel as binary frames under k_j2s / k_s2j. What S welcomes J with
// is handed in (a function of the PairJoin), as is the code S has open; nothing here reads the database or a socket.
import { randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import {
  PEER_CLOSE,
  PEER_PROTOCOL_VERSION,
  PairHelloSchema,
  PairJoinSchema,
  PairProofSchema,
  PairRefusedSchema,
  PairWelcomeSchema,
  type PairJoin,
  type PairRefusedCode,
  type PairWelcome,
} from '../../../../shared/peers/peer-protocol.js';
import type { MachineRole } from '../../../../shared/peers/peer-record.js';
import { publicKeyFromRaw, rawPublicKey, signEd25519, verifyEd25519 } from '../../credentials/ed25519.js';
import { frameOpener, frameSealer } from './frame-cipher.js';
import type { HandshakeFixed } from './handshake.js';
import { normalisePairingCode, type PairingCode } from './pairing-code.js';
import { pairKeys, pairMac, pairSigned, pairTranscript, stretchCode, type PairKeys } from './pairing-keys.js';
import { isOtherVersion, jsonOf, textFrameJson, type Frame } from './text-frame.js';
import { newEphemeral, x25519PublicRaw, x25519Shared } from '../x25519.js';

/** PairRefused's codes (sent by S), J's own verdict on S, and the channel's codes for a broken exchange. */
export type PairRefusal = PairRefusedCode | 'PAIR_SPONSOR_UNPROVEN' | 'PAIR_FAILED' | 'PEER_VERSION' | 'PEER_BAD_FRAME' | 'PEER_BAD_SIGNATURE';

/** A pairing refusal told in a frame closes normally-but-refused (policy); the frame carries the reason. */
export const PAIR_REFUSED_CLOSE = 1008;
/** The sponsor's own side failed (its welcome could not be built). */
export const PAIR_FAILED_CLOSE = 1011;

export type PairStep<Done> =
  | { t: 'send'; frame: Frame }
  | ({ t: 'done' } & Done)
  /** `send`: S's pair-refused text to send before closing; null when nothing is owed. */
  | { t: 'refused'; code: PairRefusal; close: number; send: string | null };

export type JoinerStep = PairStep<{ welcome: PairWelcome }>;
/** S sends `send` (the PairWelcome frame) and closes. */
export type SponsorStep = PairStep<{ join: PairJoin; send: Uint8Array }>;

function closeCodeOf(code: PairRefusal): number {
  if (code === 'PEER_VERSION' || code === 'PEER_BAD_FRAME' || code === 'PEER_BAD_SIGNATURE') return PEER_CLOSE[code];
  return code === 'PAIR_FAILED' ? PAIR_FAILED_CLOSE : PAIR_REFUSED_CLOSE;
}

function refused(code: PairRefusal, send: string | null = null): { t: 'refused'; code: PairRefusal; close: number; send: string | null } {
  return { t: 'refused', code, close: closeCodeOf(code), send };
}

/** A throw inside a step (scrypt out of memory, a caller's welcome failing) ends this exchange, never the worker. */
async function settleSafely<Done>(step: () => Promise<PairStep<Done>>): Promise<PairStep<Done>> {
  try {
    return await step();
  } catch {
    return refused('PAIR_FAILED');
  }
}

function b64u(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function macEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function pairHello(ephemeral: KeyObject, nonce: Uint8Array): string {
  return JSON.stringify({ t: 'pair-hello', v: PEER_PROTOCOL_VERSION, eph: b64u(x25519PublicRaw(ephemeral)), nonce: b64u(nonce) });
}

function ed25519FromRaw(raw: string): KeyObject | null {
  try {
    return publicKeyFromRaw(Buffer.from(raw, 'base64url'));
  } catch {
    return null;
  }
}

/** What J tells S about itself (PairJoin less the signature, which covers this exchange's transcript). */
export interface JoinerIdentity {
  deviceId: string;
  name: string;
  role: MachineRole;
  /** The device key (Ed25519, private); its public half goes into PairJoin. */
  signKey: KeyObject;
  /** The static X25519 key's public half (raw 32 bytes), for USB bundles addressed to this machine. */
  dhPub: Uint8Array;
  qrKeyId: string;
  qrPub: Uint8Array;
  addrs: string[];
  /** How many own records it brings (shown to the sponsor's admin). */
  ownRecords: number;
}

/** J: sends P1, proves the code in P3, checks S's proof in P4, sends PairJoin, takes PairWelcome. */
export class PairJoiner {
  private state: 'new' | 'sent-hello' | 'sent-proof' | 'sent-join' | 'over' = 'new';
  private readonly ephemeral: KeyObject;
  private readonly nonce: Uint8Array;
  private readonly code: string;
  private p1Text = '';
  private pending: { th: Buffer; keys: PairKeys } | null = null;

  constructor(
    typedCode: string,
    private readonly own: JoinerIdentity,
    fixed?: HandshakeFixed,
  ) {
    const code = normalisePairingCode(typedCode);
    // The setup step checks what the admin typed with normalisePairingCode before it dials.
    if (code === null) throw new RangeError('not a pairing code');
    this.code = code;
    this.ephemeral = fixed?.ephemeral ?? newEphemeral();
    this.nonce = fixed?.nonce ?? randomBytes(16);
  }

  /** P1. */
  hello(): string {
    if (this.state !== 'new') throw new Error('hello() is called once, first');
    this.state = 'sent-hello';
    this.p1Text = pairHello(this.ephemeral, this.nonce);
    return this.p1Text;
  }

  async receive(frame: Frame): Promise<JoinerStep> {
    const state = this.state;
    this.state = 'over';
    const step = await settleSafely(async () =>
      state === 'sent-hello' ? await this.onHello(frame) : state === 'sent-proof' ? this.onProof(frame) : state === 'sent-join' ? this.onWelcome(frame) : refused('PEER_BAD_FRAME'),
    );
    if (step.t === 'send') this.state = state === 'sent-hello' ? 'sent-proof' : 'sent-join';
    return step;
  }

  private async onHello(frame: Frame): Promise<JoinerStep> {
    const json = textFrameJson(frame);
    const told = PairRefusedSchema.safeParse(json);
    if (told.success) return refused(told.data.code);
    if (isOtherVersion(json)) return refused('PEER_VERSION');
    const p2 = PairHelloSchema.safeParse(json);
    if (!p2.success || typeof frame !== 'string') return refused('PEER_BAD_FRAME');
    const ss = x25519Shared(this.ephemeral, Buffer.from(p2.data.eph, 'base64url'));
    if (ss === null) return refused('PEER_BAD_FRAME');
    const th = pairTranscript(this.p1Text, frame);
    const keys = pairKeys(ss, await stretchCode(this.code, th), th);
    this.pending = { th, keys };
    return { t: 'send', frame: JSON.stringify({ t: 'pair-proof', mac: b64u(pairMac(keys.mj, 'joiner', th)) }) };
  }

  private onProof(frame: Frame): JoinerStep {
    const pending = this.pending;
    const json = textFrameJson(frame);
    const told = PairRefusedSchema.safeParse(json);
    if (told.success) return refused(told.data.code);
    const p4 = PairProofSchema.safeParse(json);
    if (pending === null || !p4.success) return refused('PEER_BAD_FRAME');
    // A sponsor that cannot prove the code is not the machine the admin read it from: nothing about J crosses.
    if (!macEqual(Buffer.from(p4.data.mac, 'base64url'), pairMac(pending.keys.ms, 'sponsor', pending.th))) return refused('PAIR_SPONSOR_UNPROVEN');
    const own = this.own;
    const join: PairJoin = {
      t: 'pair-join',
      deviceId: own.deviceId,
      name: own.name,
      role: own.role,
      signPub: b64u(rawPublicKey(own.signKey)),
      dhPub: b64u(own.dhPub),
      qrKeyId: own.qrKeyId,
      qrPub: b64u(own.qrPub),
      sig: b64u(signEd25519(own.signKey, pairSigned('j', pending.th))),
      addrs: own.addrs,
      records: { own: own.ownRecords },
    };
    const sealed = frameSealer(pending.keys.j2s).seal(JSON.stringify(PairJoinSchema.parse(join)));
    return sealed.ok ? { t: 'send', frame: sealed.frame } : refused('PAIR_FAILED');
  }

  private onWelcome(frame: Frame): JoinerStep {
    const pending = this.pending;
    if (pending === null || typeof frame === 'string') return refused('PEER_BAD_FRAME');
    const opened = frameOpener(pending.keys.s2j).open(frame);
    const welcome = opened.ok ? PairWelcomeSchema.safeParse(jsonOf(opened.text)) : null;
    if (welcome === null || !welcome.success) return refused('PEER_BAD_FRAME');
    const sponsorKey = ed25519FromRaw(welcome.data.sponsor.signPub);
    if (sponsorKey === null || !verifyEd25519(sponsorKey, pairSigned('s', pending.th), Buffer.from(welcome.data.sponsor.sig, 'base64url'))) return refused('PEER_BAD_SIGNATURE');
    return { t: 'done', welcome: welcome.data };
  }
}

/** What S is: its device id and key, which sign the welcome. */
export interface SponsorIdentity {
  deviceId: string;
  signKey: KeyObject;
}

/** PairWelcome as the caller builds it from the PairJoin; the sponsor's signed part is added here. */
export type WelcomeBody = Omit<PairWelcome, 't' | 'sponsor'>;

/** S: answers P1, checks J's proof of the open code in P3, proves it in P4, takes PairJoin, sends PairWelcome. */
export class PairSponsor {
  private state: 'new' | 'sent-hello' | 'sent-proof' | 'over' = 'new';
  private readonly ephemeral: KeyObject;
  private readonly nonce: Uint8Array;
  private pending: { th: Buffer; ss: Buffer } | null = null;
  private keys: PairKeys | null = null;

  /** J proved the code: from now on its binary frames may be read (the listener's `authenticated()`). */
  get joinerProven(): boolean {
    return this.keys !== null;
  }

  constructor(
    private readonly own: SponsorIdentity,
    /** The code open on this machine now, or null. */
    private readonly openCode: () => PairingCode | null,
    private readonly welcome: (join: PairJoin) => WelcomeBody | Promise<WelcomeBody>,
    fixed?: HandshakeFixed,
  ) {
    this.ephemeral = fixed?.ephemeral ?? newEphemeral();
    this.nonce = fixed?.nonce ?? randomBytes(16);
  }

  async receive(frame: Frame): Promise<SponsorStep> {
    const state = this.state;
    this.state = 'over';
    const step = await settleSafely(async () =>
      state === 'new' ? this.onHello(frame) : state === 'sent-hello' ? await this.onProof(frame) : state === 'sent-proof' ? await this.onJoin(frame) : refused('PEER_BAD_FRAME'),
    );
    if (step.t === 'send') this.state = state === 'new' ? 'sent-hello' : 'sent-proof';
    return step;
  }

  private onHello(frame: Frame): SponsorStep {
    const json = textFrameJson(frame);
    if (isOtherVersion(json)) return refused('PEER_VERSION');
    const p1 = PairHelloSchema.safeParse(json);
    if (!p1.success || typeof frame !== 'string') return refused('PEER_BAD_FRAME');
    const ss = x25519Shared(this.ephemeral, Buffer.from(p1.data.eph, 'base64url'));
    if (ss === null) return refused('PEER_BAD_FRAME');
    const p2Text = pairHello(this.ephemeral, this.nonce);
    this.pending = { th: pairTranscript(frame, p2Text), ss };
    return { t: 'send', frame: p2Text };
  }

  private async onProof(frame: Frame): Promise<SponsorStep> {
    const pending = this.pending;
    const p3 = PairProofSchema.safeParse(textFrameJson(frame));
    if (pending === null || !p3.success) return refused('PEER_BAD_FRAME');
    const tell = (code: PairRefusedCode) => refused(code, JSON.stringify({ t: 'pair-refused', code }));
    const holder = this.openCode();
    if (holder === null) return tell('PAIR_NO_CODE');
    const started = holder.begin();
    if (!started.ok) return tell(started.code);
    const keys = pairKeys(pending.ss, await stretchCode(started.code, pending.th), pending.th);
    const settled = holder.settle(macEqual(Buffer.from(p3.data.mac, 'base64url'), pairMac(keys.mj, 'joiner', pending.th)));
    if (!settled.ok) return tell(settled.code);
    this.keys = keys;
    return { t: 'send', frame: JSON.stringify({ t: 'pair-proof', mac: b64u(pairMac(keys.ms, 'sponsor', pending.th)) }) };
  }

  private async onJoin(frame: Frame): Promise<SponsorStep> {
    const pending = this.pending;
    const keys = this.keys;
    if (pending === null || keys === null || typeof frame === 'string') return refused('PEER_BAD_FRAME');
    const opened = frameOpener(keys.j2s).open(frame);
    const join = opened.ok ? PairJoinSchema.safeParse(jsonOf(opened.text)) : null;
    if (join === null || !join.success) return refused('PEER_BAD_FRAME');
    const joinerKey = ed25519FromRaw(join.data.signPub);
    // J's device key signs this exchange: the key S will pin in the member record is one J holds.
    if (joinerKey === null || !verifyEd25519(joinerKey, pairSigned('j', pending.th), Buffer.from(join.data.sig, 'base64url'))) return refused('PEER_BAD_SIGNATURE');
    const body = await this.welcome(join.data);
    const sponsor = { deviceId: this.own.deviceId, signPub: b64u(rawPublicKey(this.own.signKey)), sig: b64u(signEd25519(this.own.signKey, pairSigned('s', pending.th))) };
    const welcome = PairWelcomeSchema.safeParse({ ...body, t: 'pair-welcome', sponsor });
    if (!welcome.success) return refused('PAIR_FAILED');
    const sealed = frameSealer(keys.s2j).seal(JSON.stringify(welcome.data));
    return sealed.ok ? { t: 'done', join: join.data, send: sealed.frame } : refused('PAIR_FAILED');
  }
}
