// The text inside an Esik QR credential: "ESK1:" + base32(payload ‖ Ed25519 signature), no padding.
// Every character is an upper-case letter, a digit or ':', so a QR encoder picks the dense alphanumeric mode
// and a keyboard-mode scanner types it the same on any layout. Sizes are checked before anything is decoded.
import type { ErrorCode } from '../api/result.js';
import { MAX_QR_TEXT } from '../domain/attendance.js';
import { decodeBase32, encodeBase32 } from './base32.js';
import { decodePayload, MAX_ID_LENGTH, type QrPayload } from './qr-payload.js';

export const QR_PREFIX = 'ESK1:';
/** Domain separation: the signature is over these bytes, a NUL, then the payload, so it means nothing elsewhere. */
export const QR_SIGNATURE_CONTEXT = 'esik-qr-v1';
export const SIGNATURE_LENGTH = 64;
/** header + two 5-byte varints + u32 + four raw ids: the largest payload version 1 allows. */
const MAX_PAYLOAD_LENGTH = 1 + 5 + 4 + 5 + 4 * (1 + MAX_ID_LENGTH);
const MAX_BODY_LENGTH = Math.ceil(((MAX_PAYLOAD_LENGTH + SIGNATURE_LENGTH) * 8) / 5);
/** The longest text a version 1 code can be. */
export const MAX_V1_TEXT = QR_PREFIX.length + MAX_BODY_LENGTH;

export type QrTextError = Extract<ErrorCode, 'QR_MALFORMED' | 'QR_TOO_LARGE'>;

export interface DecodedQr {
  payload: QrPayload;
  /** Exactly what the signature must verify against. */
  signedBytes: Uint8Array;
  signature: Uint8Array;
}

export type QrTextDecode = { ok: true; value: DecodedQr } | { ok: false; code: QrTextError; reason: string };

export function signedBytesOf(payloadBytes: Uint8Array): Uint8Array {
  const context = Uint8Array.from(QR_SIGNATURE_CONTEXT, (c) => c.charCodeAt(0));
  const out = new Uint8Array(context.length + 1 + payloadBytes.length);
  out.set(context, 0);
  out.set(payloadBytes, context.length + 1);
  return out;
}

export function encodeQrText(payloadBytes: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_LENGTH) throw new RangeError(`an Ed25519 signature is ${SIGNATURE_LENGTH} bytes, got ${signature.length}`);
  const body = new Uint8Array(payloadBytes.length + SIGNATURE_LENGTH);
  body.set(payloadBytes, 0);
  body.set(signature, payloadBytes.length);
  return QR_PREFIX + encodeBase32(body);
}

export function decodeQrText(text: string): QrTextDecode {
  if (text.length > MAX_QR_TEXT) return { ok: false, code: 'QR_TOO_LARGE', reason: `${text.length} characters, the kiosk reads at most ${MAX_QR_TEXT}` };
  // Scanners end with CR/LF; one with Caps Lock on types lower case. Neither changes the bytes.
  const clean = text.trim().toUpperCase();
  if (!clean.startsWith(QR_PREFIX)) return { ok: false, code: 'QR_MALFORMED', reason: 'not an ESK1 code' };
  const body = clean.slice(QR_PREFIX.length);
  if (body.length > MAX_BODY_LENGTH) return { ok: false, code: 'QR_TOO_LARGE', reason: `${clean.length} characters, a version 1 code has at most ${MAX_V1_TEXT}` };
  const bytes = decodeBase32(body);
  if (!bytes) return { ok: false, code: 'QR_MALFORMED', reason: 'body is not base32' };
  if (bytes.length <= SIGNATURE_LENGTH) return { ok: false, code: 'QR_MALFORMED', reason: 'too short for a payload and a signature' };
  const payloadBytes = bytes.subarray(0, bytes.length - SIGNATURE_LENGTH);
  const payload = decodePayload(payloadBytes);
  if (!payload.ok) return { ok: false, code: 'QR_MALFORMED', reason: payload.reason };
  return { ok: true, value: { payload: payload.value, signedBytes: signedBytesOf(payloadBytes), signature: bytes.slice(bytes.length - SIGNATURE_LENGTH) } };
}
