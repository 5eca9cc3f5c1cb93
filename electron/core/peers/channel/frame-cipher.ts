// The channel's binary frames (docs/peer-protocol.md §Transport): AES-256-GCM per direction, the nonce a frame counter,
// so a replayed, dropped, reordered or reflected frame fails its tag. One sealer and one opener per direction.
import { createCipheriv, createDecipheriv } from 'node:crypto';

export const FRAME_AAD = Buffer.from('esik-peer-frame-v1', 'ascii');
export const FRAME_TAG_BYTES = 16;
/** 2^32 frames per direction per connection, then the peers reconnect with fresh keys. */
export const MAX_FRAMES_PER_DIRECTION = 2 ** 32;
const KEY_BYTES = 32;

export type SealResult = { ok: true; frame: Uint8Array } | { ok: false; code: 'PEER_FRAMES_EXHAUSTED' };
export type OpenResult = { ok: true; text: string } | { ok: false; code: 'PEER_BAD_FRAME' };

export interface FrameSealer {
  seal(text: string): SealResult;
}
export interface FrameOpener {
  /** A refusal, never a throw: the frame is input. After one refusal every later frame is refused too. */
  open(frame: Uint8Array): OpenResult;
}

/** 4 zero bytes ‖ the counter as a big-endian uint64. */
export function frameNonce(counter: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(counter), 4);
  return nonce;
}

function checkKey(key: Uint8Array): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError(`a frame key is ${KEY_BYTES} bytes, got ${key.length}`);
  return Buffer.from(key);
}

/** `limit` is for tests of the end of a direction; a connection leaves it at 2^32. */
export function frameSealer(key: Uint8Array, limit = MAX_FRAMES_PER_DIRECTION): FrameSealer {
  const k = checkKey(key);
  let counter = 0;
  return {
    seal(text) {
      if (counter >= limit) return { ok: false, code: 'PEER_FRAMES_EXHAUSTED' };
      const cipher = createCipheriv('aes-256-gcm', k, frameNonce(counter), { authTagLength: FRAME_TAG_BYTES });
      cipher.setAAD(FRAME_AAD);
      const frame = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      counter += 1;
      return { ok: true, frame: new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength) };
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function frameOpener(key: Uint8Array, limit = MAX_FRAMES_PER_DIRECTION): FrameOpener {
  const k = checkKey(key);
  let counter = 0;
  let broken = false;
  const refuse = (): OpenResult => {
    broken = true;
    return { ok: false, code: 'PEER_BAD_FRAME' };
  };
  return {
    open(frame) {
      if (broken || counter >= limit || frame.length < FRAME_TAG_BYTES) return refuse();
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, frameNonce(counter), { authTagLength: FRAME_TAG_BYTES });
        decipher.setAAD(FRAME_AAD);
        decipher.setAuthTag(frame.subarray(frame.length - FRAME_TAG_BYTES));
        const plain = Buffer.concat([decipher.update(frame.subarray(0, frame.length - FRAME_TAG_BYTES)), decipher.final()]);
        const text = utf8.decode(plain);
        counter += 1;
        return { ok: true, text };
      } catch {
        // A wrong tag (replay, reorder, other direction, a flipped bit) or bytes that are not UTF-8.
        return refuse();
      }
    },
  };
}
