// The peer log's hashes and signed heads (docs/peer-protocol.md, "Messages in a session"): a fixed field order, so the
// same record hashes the same on every machine and version, as the event chain's eventHash does.
import type { KeyObject } from 'node:crypto';
import type { PeerKind, PeerRecord } from '../../../shared/peers/peer-record.js';
import { signEd25519, verifyEd25519 } from '../credentials/ed25519.js';
import { GENESIS_HASH, sha256Hex } from './event-chain.js';

export { GENESIS_HASH as PEER_GENESIS_HASH };

export interface PeerLinkFields {
  deviceId: string;
  seq: number;
  kind: PeerKind;
  id: string;
  hlc: string;
  base: string | null;
  contentHash: string;
  prevHash: string;
}

export function peerRecordHash(r: PeerLinkFields): string {
  return sha256Hex(JSON.stringify(['esik-peer-v1', r.deviceId, r.seq, r.kind, r.id, r.hlc, r.base, r.contentHash, r.prevHash]));
}

/** For every kind but attendance (whose content hash is its event's esik-event-v1 hash): the body's text as written. */
export function bodyContentHash(body: string): string {
  return sha256Hex(body);
}

/** The bytes an origin signs for its log head. */
export function signedHeadBytes(deviceId: string, seq: number, hash: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(['esik-peer-head-v1', deviceId, seq, hash]));
}

/** The raw 64-byte signature, as the peer log stores it with each row it writes. */
export function signHeadRaw(key: KeyObject, deviceId: string, seq: number, hash: string): Uint8Array {
  return signEd25519(key, signedHeadBytes(deviceId, seq, hash));
}

/** The signature as a SignedHead carries it (base64url). */
export function signHead(key: KeyObject, deviceId: string, seq: number, hash: string): string {
  return Buffer.from(signHeadRaw(key, deviceId, seq, hash)).toString('base64url');
}

export function headSignatureValid(publicKey: KeyObject, deviceId: string, seq: number, hash: string, sig: string): boolean {
  return verifyEd25519(publicKey, signedHeadBytes(deviceId, seq, hash), Buffer.from(sig, 'base64url'));
}

/** The link fields of a record as it travels. */
export function linkFieldsOf(r: PeerRecord): PeerLinkFields {
  return { deviceId: r.deviceId, seq: r.seq, kind: r.kind, id: r.id, hlc: r.hlc, base: r.base, contentHash: r.contentHash, prevHash: r.prevHash };
}
