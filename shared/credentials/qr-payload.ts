// The signed part of an Esik QR credential, version 1, as bytes (docs/qr-credential-format.md):
//
//   header    u8      bit 0: phone code (time-bound) instead of printed card; bit 1: ids stored raw; others 0
//   version   varint  the credential's version in the roster (a re-issue bumps it, retiring older codes)
//   issuedAt  u32     seconds since 1970-01-01T00:00:00Z
//   lifetime  varint  seconds after issuedAt the code stays valid; 0 = no expiry (printed cards only)
//   ids       rest    kindergarten, companion, credential, signing key: packed (id-pack.ts), or when an id
//                     does not pack, each as u8 length + printable ASCII
//
// Decoding is strict: a byte string the encoder would not produce for the same fields is refused.
import { ByteReader, ByteWriter } from './byte-io.js';
import { packIds, unpackIds } from './id-pack.js';

export type QrVariant = 'card' | 'phone';

export interface QrPayload {
  variant: QrVariant;
  kindergartenId: string;
  companionId: string;
  /** The credential's id in the roster (credentials.value where kind = 'qr'). */
  credentialId: string;
  credentialVersion: number;
  /** Seconds since the Unix epoch. */
  issuedAt: number;
  /** Seconds after issuedAt the code is valid; null when it never expires. */
  lifetimeSeconds: number | null;
  /** Which trusted public key verifies the signature. */
  keyId: string;
}

export const MAX_ID_LENGTH = 64;
const PHONE = 0x01;
const RAW_IDS = 0x02;
const ID_COUNT = 4;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export type PayloadDecode = { ok: true; value: QrPayload } | { ok: false; reason: string };

function idsOf(p: QrPayload): string[] {
  return [p.kindergartenId, p.companionId, p.credentialId, p.keyId];
}

/** Throws RangeError on fields no code may carry: issuers are our own code, so that is a bug, not input. */
export function encodePayload(payload: QrPayload): Uint8Array {
  const ids = idsOf(payload);
  for (const id of ids) {
    if (id.length > MAX_ID_LENGTH || !PRINTABLE_ASCII.test(id)) throw new RangeError(`id not encodable in a QR credential: ${JSON.stringify(id)}`);
  }
  if (payload.credentialVersion < 1) throw new RangeError('credential version starts at 1');
  if (payload.lifetimeSeconds !== null && payload.lifetimeSeconds < 1) throw new RangeError('lifetime must be positive, or null for none');
  const packed = packIds(ids);
  const writer = new ByteWriter()
    .u8((payload.variant === 'phone' ? PHONE : 0) | (packed ? 0 : RAW_IDS))
    .varint(payload.credentialVersion)
    .u32(payload.issuedAt)
    .varint(payload.lifetimeSeconds ?? 0);
  if (packed) return writer.raw(packed).finish();
  for (const id of ids) writer.u8(id.length).raw(Uint8Array.from(id, (c) => c.charCodeAt(0)));
  return writer.finish();
}

export function decodePayload(bytes: Uint8Array): PayloadDecode {
  const reader = new ByteReader(bytes);
  const header = reader.u8();
  if (header === null) return { ok: false, reason: 'empty payload' };
  if ((header & ~(PHONE | RAW_IDS)) !== 0) return { ok: false, reason: `unknown header bits ${header.toString(2)}` };
  const version = reader.varint();
  const issuedAt = reader.u32();
  const lifetime = reader.varint();
  if (version === null || issuedAt === null || lifetime === null) return { ok: false, reason: 'truncated fields' };
  if (version < 1) return { ok: false, reason: 'credential version 0' };
  const ids = header & RAW_IDS ? readRawIds(reader) : unpackIds(reader.rest(), ID_COUNT);
  if (!ids) return { ok: false, reason: 'unreadable ids' };
  if (ids.some((id) => id.length > MAX_ID_LENGTH)) return { ok: false, reason: 'id too long' };
  const [kindergartenId = '', companionId = '', credentialId = '', keyId = ''] = ids;
  const payload: QrPayload = {
    variant: header & PHONE ? 'phone' : 'card',
    kindergartenId,
    companionId,
    credentialId,
    credentialVersion: version,
    issuedAt,
    lifetimeSeconds: lifetime === 0 ? null : lifetime,
    keyId,
  };
  if (!sameBytes(encodePayload(payload), bytes)) return { ok: false, reason: 'non-canonical encoding' };
  return { ok: true, value: payload };
}

function readRawIds(reader: ByteReader): string[] | null {
  const ids: string[] = [];
  for (let i = 0; i < ID_COUNT; i++) {
    const length = reader.u8();
    if (length === null || length === 0 || length > MAX_ID_LENGTH) return null;
    const raw = reader.take(length);
    if (!raw) return null;
    const id = String.fromCharCode(...raw);
    if (!PRINTABLE_ASCII.test(id)) return null;
    ids.push(id);
  }
  return reader.remaining === 0 ? ids : null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
