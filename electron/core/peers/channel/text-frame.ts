// The text frames before the keys exist (handshake and pairing): at most 4 KiB of JSON, read as input.
import { MAX_HANDSHAKE_FRAME_BYTES, PEER_PROTOCOL_VERSION } from '../../../../shared/peers/peer-protocol.js';

export type Frame = string | Uint8Array;

/** The frame's JSON value, or undefined for a binary frame, an oversized one or text that is not JSON. */
export function textFrameJson(frame: Frame): unknown {
  if (typeof frame !== 'string' || Buffer.byteLength(frame, 'utf8') > MAX_HANDSHAKE_FRAME_BYTES) return undefined;
  return jsonOf(frame);
}

/** The text's JSON value, or undefined (which no JSON text parses to). */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A hello of another version is told apart from a bad frame before its fields are read: they may differ. */
export function isOtherVersion(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'v' in value && value.v !== PEER_PROTOCOL_VERSION;
}
