// The session handshake (SIGMA-I, docs/peer-protocol.md §Session handshake) as two transport-agnostic state machines:
// each takes the other side's frames and answers with a frame to send, a finished channel, or a refusal with the close
// code. Member lookup and the own identity are handed in, so nothing here reads the database or a socket.
import { randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import {
  AuthSchema,
  HelloInitSchema,
  HelloReplySchema,
  IdentSchema,
  PEER_CLOSE,
  PEER_PROTOCOL_VERSION,
  ReadySchema,
  type Ident,
} from '../../../../shared/peers/peer-protocol.js';
import { signEd25519, verifyEd25519 } from '../../credentials/ed25519.js';
import { frameOpener, frameSealer, type FrameOpener, type FrameSealer } from './frame-cipher.js';
import { initiatorSigned, openBox, responderSigned, sealBox, sigmaKeys, sigmaTh2, sigmaTh3, type SigmaKeys } from './handshake-keys.js';
import { isOtherVersion, jsonOf, textFrameJson, type Frame } from './text-frame.js';
import { newEphemeral, x25519PublicRaw, x25519Shared } from '../x25519.js';

export type HandshakeRefusal = keyof typeof PEER_CLOSE;

export interface OwnIdentity {
  deviceId: string;
  groupId: string;
  /** The device key (Ed25519, private). */
  signKey: KeyObject;
  /** Where this machine listens for its peers ("ip:port", ≤ 8). */
  addrs: string[];
}

/** A member as peer_members holds it; null for a device id it does not hold. */
export type MemberLookup = (deviceId: string) => { signPub: KeyObject; revoked: boolean } | null;

export interface PeerChannel {
  peerDeviceId: string;
  peerAddrs: string[];
  sealer: FrameSealer;
  opener: FrameOpener;
}

export type HandshakeStep =
  | { t: 'send'; text: string }
  /** `send`: the responder's first binary frame ({t:"ready"}); null for the initiator. */
  | { t: 'done'; channel: PeerChannel; send: Uint8Array | null }
  /** `peerDeviceId`: the device id the other side named, once its identity opened (for the refusals' audit). */
  | { t: 'refused'; code: HandshakeRefusal; close: number; peerDeviceId: string | null };

/** Fixed ephemeral key and nonce, for a test vector only. */
export interface HandshakeFixed {
  ephemeral: KeyObject;
  nonce: Uint8Array;
}

const READY_TEXT = JSON.stringify({ t: 'ready' });

function refused(code: HandshakeRefusal, peerDeviceId: string | null = null): HandshakeStep {
  return { t: 'refused', code, close: PEER_CLOSE[code], peerDeviceId };
}

/** The device id an opened identity names, whatever else is wrong with it. */
function namedDevice(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('deviceId' in value) || typeof value.deviceId !== 'string') return null;
  return value.deviceId.slice(0, 64);
}

/** The other side's identity, checked in the document's order; the signature is checked last, over `signed`. */
function checkIdent(own: OwnIdentity, members: MemberLookup, value: unknown, signed: Uint8Array): Ident | HandshakeRefusal {
  const parsed = IdentSchema.safeParse(value);
  if (!parsed.success) return 'PEER_BAD_FRAME';
  const ident = parsed.data;
  if (!sameText(ident.groupId, own.groupId)) return 'PEER_OTHER_GROUP';
  // Its own id coming back is a reflection or a copied data folder, never a peer.
  const member = ident.deviceId === own.deviceId ? null : members(ident.deviceId);
  if (member === null) return 'PEER_UNKNOWN';
  if (member.revoked) return 'PEER_REVOKED';
  if (!verifyEd25519(member.signPub, signed, Buffer.from(ident.sig, 'base64url'))) return 'PEER_BAD_SIGNATURE';
  return ident;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function b64u(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** `I`: dials, sends M1, checks R's identity in M2, reveals its own in M3, then waits for R's first binary frame. */
export class SigmaInitiator {
  private state: 'new' | 'sent-hello' | 'sent-auth' | 'over' = 'new';
  private readonly ephemeral: KeyObject;
  private readonly nonce: Uint8Array;
  private m1Text = '';
  private pending: { peer: Ident; keys: SigmaKeys } | null = null;

  constructor(
    private readonly own: OwnIdentity,
    private readonly members: MemberLookup,
    fixed?: HandshakeFixed,
  ) {
    this.ephemeral = fixed?.ephemeral ?? newEphemeral();
    this.nonce = fixed?.nonce ?? randomBytes(16);
  }

  /** M1. */
  hello(): string {
    if (this.state !== 'new') throw new Error('hello() is called once, first');
    this.state = 'sent-hello';
    this.m1Text = JSON.stringify({ t: 'hello', v: PEER_PROTOCOL_VERSION, eph: b64u(x25519PublicRaw(this.ephemeral)), nonce: b64u(this.nonce) });
    return this.m1Text;
  }

  receive(frame: Frame): HandshakeStep {
    const step = this.state === 'sent-hello' ? this.onReply(frame) : this.state === 'sent-auth' ? this.onReady(frame) : refused('PEER_BAD_FRAME');
    if (step.t !== 'send') this.state = 'over';
    return step;
  }

  private onReply(frame: Frame): HandshakeStep {
    const json = textFrameJson(frame);
    if (isOtherVersion(json)) return refused('PEER_VERSION');
    const m2 = HelloReplySchema.safeParse(json);
    if (!m2.success) return refused('PEER_BAD_FRAME');
    const ephR = Buffer.from(m2.data.eph, 'base64url');
    const ss = x25519Shared(this.ephemeral, ephR);
    if (ss === null) return refused('PEER_BAD_FRAME');
    const th2 = sigmaTh2(this.m1Text, ephR, Buffer.from(m2.data.nonce, 'base64url'));
    const keys = sigmaKeys(ss, th2);
    const opened = openBox(keys.hsR, m2.data.box);
    if (opened === undefined) return refused('PEER_BAD_FRAME');
    const peer = checkIdent(this.own, this.members, opened, responderSigned(th2));
    if (typeof peer === 'string') return refused(peer, namedDevice(opened));
    const th3 = sigmaTh3(th2, peer.deviceId, Buffer.from(peer.sig, 'base64url'));
    const sig = signEd25519(this.own.signKey, initiatorSigned(th3));
    const ident: Ident = { deviceId: this.own.deviceId, groupId: this.own.groupId, sig: b64u(sig), addrs: this.own.addrs };
    this.pending = { peer, keys };
    this.state = 'sent-auth';
    return { t: 'send', text: JSON.stringify({ t: 'auth', box: sealBox(keys.hsI, ident) }) };
  }

  /** R's {t:"ready"} under k_r2i says R accepted this side; until then the channel is not handed out. */
  private onReady(frame: Frame): HandshakeStep {
    const pending = this.pending;
    if (pending === null || typeof frame === 'string') return refused('PEER_BAD_FRAME');
    const opener = frameOpener(pending.keys.r2i);
    const opened = opener.open(frame);
    if (!opened.ok || !ReadySchema.safeParse(jsonOf(opened.text)).success) return refused('PEER_BAD_FRAME');
    return { t: 'done', channel: { peerDeviceId: pending.peer.deviceId, peerAddrs: pending.peer.addrs, sealer: frameSealer(pending.keys.i2r), opener }, send: null };
  }
}

/** `R`: listens, answers M1 with its identity sealed in M2, checks I's in M3, then sends the first binary frame. */
export class SigmaResponder {
  private state: 'new' | 'sent-reply' | 'over' = 'new';
  private readonly ephemeral: KeyObject;
  private readonly nonce: Uint8Array;
  private pending: { th3: Buffer; keys: SigmaKeys } | null = null;

  constructor(
    private readonly own: OwnIdentity,
    private readonly members: MemberLookup,
    fixed?: HandshakeFixed,
  ) {
    this.ephemeral = fixed?.ephemeral ?? newEphemeral();
    this.nonce = fixed?.nonce ?? randomBytes(16);
  }

  receive(frame: Frame): HandshakeStep {
    const step = this.state === 'new' ? this.onHello(frame) : this.state === 'sent-reply' ? this.onAuth(frame) : refused('PEER_BAD_FRAME');
    if (step.t !== 'send') this.state = 'over';
    return step;
  }

  private onHello(frame: Frame): HandshakeStep {
    const json = textFrameJson(frame);
    if (isOtherVersion(json)) return refused('PEER_VERSION');
    const m1 = HelloInitSchema.safeParse(json);
    if (!m1.success || typeof frame !== 'string') return refused('PEER_BAD_FRAME');
    const ss = x25519Shared(this.ephemeral, Buffer.from(m1.data.eph, 'base64url'));
    if (ss === null) return refused('PEER_BAD_FRAME');
    const ephR = x25519PublicRaw(this.ephemeral);
    // th2 hashes M1 exactly as it arrived: both sides hash the same bytes, whatever JSON spacing I used.
    const th2 = sigmaTh2(frame, ephR, this.nonce);
    const keys = sigmaKeys(ss, th2);
    const sig = signEd25519(this.own.signKey, responderSigned(th2));
    const ident: Ident = { deviceId: this.own.deviceId, groupId: this.own.groupId, sig: b64u(sig), addrs: this.own.addrs };
    this.pending = { th3: sigmaTh3(th2, this.own.deviceId, sig), keys };
    this.state = 'sent-reply';
    return { t: 'send', text: JSON.stringify({ t: 'hello', v: PEER_PROTOCOL_VERSION, eph: b64u(ephR), nonce: b64u(this.nonce), box: sealBox(keys.hsR, ident) }) };
  }

  private onAuth(frame: Frame): HandshakeStep {
    const pending = this.pending;
    const m3 = AuthSchema.safeParse(textFrameJson(frame));
    if (pending === null || !m3.success) return refused('PEER_BAD_FRAME');
    const opened = openBox(pending.keys.hsI, m3.data.box);
    if (opened === undefined) return refused('PEER_BAD_FRAME');
    const peer = checkIdent(this.own, this.members, opened, initiatorSigned(pending.th3));
    if (typeof peer === 'string') return refused(peer, namedDevice(opened));
    const sealer = frameSealer(pending.keys.r2i);
    const ready = sealer.seal(READY_TEXT);
    if (!ready.ok) return refused('PEER_BAD_FRAME');
    return { t: 'done', channel: { peerDeviceId: peer.deviceId, peerAddrs: peer.addrs, sealer, opener: frameOpener(pending.keys.i2r) }, send: ready.frame };
  }
}
