// The byte layout of a `.esikpeer` file (docs/peer-protocol.md §USB bundle), and nothing else: build the frame around
// a sealed payload, and take a file's bytes apart again with a refusal for anything that is not a whole frame of
// ours. What the parts mean (the signature, the keys, the payload) is bundle-write's and bundle-read's.
//
//   0 8 "ESIKPEER" · 8 1 version · 9 3 zero · 12 4 header length H (uint32 BE) · 16 H header JSON
//   16+H n sealed payload · 16 GCM tag · 64 Ed25519 signature over SHA-256 of every byte before it
import { createHash } from 'node:crypto';
import { BUNDLE_MAGIC, BUNDLE_VERSION, BundleHeaderSchema, MAX_BUNDLE_BYTES, MAX_BUNDLE_HEADER_BYTES, type BundleHeader } from '../../../../shared/peers/peer-protocol.js';
import type { BundleRefusal } from '../../../../shared/peers/bundle-outcome.js';
import type { PeerRecord } from '../../../../shared/peers/peer-record.js';

export const BUNDLE_PREFIX_BYTES = 16;
export const BUNDLE_TAG_BYTES = 16;
export const BUNDLE_SIGNATURE_BYTES = 64;
const MAGIC = Buffer.from(BUNDLE_MAGIC, 'latin1');

/** A frame taken apart. Every part is a view into the file's bytes. */
export interface BundleFrame {
  header: BundleHeader;
  /** Bytes 0 … 16+H: the payload's associated data, so the header cannot be swapped under a payload. */
  aad: Uint8Array;
  sealed: Uint8Array;
  tag: Uint8Array;
  /** SHA-256 of every byte before the signature: what the sender signed. */
  digest: Uint8Array;
  signature: Uint8Array;
}

export type DecodedBundle = { ok: true; frame: BundleFrame } | { ok: false; refusal: BundleRefusal };

/** The 16-byte prefix and the header: the bytes the payload's tag also covers. */
export function encodeBundleHead(header: BundleHeader): Uint8Array {
  const json = Buffer.from(JSON.stringify(BundleHeaderSchema.parse(header)), 'utf8');
  if (json.length > MAX_BUNDLE_HEADER_BYTES) throw new RangeError(`bundle header of ${json.length} bytes, at most ${MAX_BUNDLE_HEADER_BYTES}`);
  const prefix = Buffer.alloc(BUNDLE_PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(BUNDLE_VERSION, 8);
  prefix.writeUInt32BE(json.length, 12);
  return Buffer.concat([prefix, json]);
}

/** Head, sealed payload and tag: the bytes the sender signs (their digest) and the file's first part. */
export function encodeBundleBody(head: Uint8Array, sealed: readonly Uint8Array[], tag: Uint8Array): Uint8Array {
  if (tag.length !== BUNDLE_TAG_BYTES) throw new RangeError(`a GCM tag is ${BUNDLE_TAG_BYTES} bytes, got ${tag.length}`);
  return Buffer.concat([head, ...sealed, tag]);
}

/**
 * The header's `covers`: first and last seq per origin. Each origin's records must be one unbroken run in seq order
 * (a reader would take a hole for a gap); the first break is returned as a sentence instead.
 */
export function coversOf(records: readonly Pick<PeerRecord, 'deviceId' | 'seq'>[]): BundleHeader['covers'] | string {
  const covers: BundleHeader['covers'] = {};
  for (const record of records) {
    const run = covers[record.deviceId];
    if (run === undefined) covers[record.deviceId] = [record.seq, record.seq];
    else if (record.seq === run[1] + 1) run[1] = record.seq;
    else return `${record.deviceId}: seq ${record.seq} after ${run[1]}`;
  }
  return covers;
}

export function bundleDigest(signedPart: Uint8Array): Uint8Array {
  return createHash('sha256').update(signedPart).digest();
}

const refuse = (code: BundleRefusal['code'], detail: string): DecodedBundle => ({ ok: false, refusal: { code, detail } });

/**
 * The frame of a whole file, or why it is none: not our magic (BUNDLE_NOT_ESIK), another format version
 * (BUNDLE_VERSION), over the size limit (BUNDLE_TOO_LARGE), or cut short, padded or with a header that does not
 * parse (BUNDLE_TAMPERED: the signature could not even be checked). The header is not trusted yet: the caller
 * checks the signature before it believes a word of it.
 */
export function decodeBundle(bytes: Uint8Array, maxBytes = MAX_BUNDLE_BYTES): DecodedBundle {
  if (bytes.length > maxBytes) return refuse('BUNDLE_TOO_LARGE', `${bytes.length} bytes, at most ${maxBytes}`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.length < MAGIC.length || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return refuse('BUNDLE_NOT_ESIK', 'no ESIKPEER magic');
  if (buffer.length < BUNDLE_PREFIX_BYTES) return refuse('BUNDLE_TAMPERED', `cut short at ${buffer.length} bytes`);
  const version = buffer.readUInt8(8);
  if (version !== BUNDLE_VERSION) return refuse('BUNDLE_VERSION', `format version ${version}, this machine reads ${BUNDLE_VERSION}`);
  if (buffer.readUIntBE(9, 3) !== 0) return refuse('BUNDLE_TAMPERED', 'reserved bytes are not zero');
  const headerLength = buffer.readUInt32BE(12);
  if (headerLength > MAX_BUNDLE_HEADER_BYTES) return refuse('BUNDLE_TAMPERED', `header length ${headerLength}, at most ${MAX_BUNDLE_HEADER_BYTES}`);
  const headEnd = BUNDLE_PREFIX_BYTES + headerLength;
  const signatureStart = buffer.length - BUNDLE_SIGNATURE_BYTES;
  const tagStart = signatureStart - BUNDLE_TAG_BYTES;
  if (tagStart < headEnd) return refuse('BUNDLE_TAMPERED', `cut short: ${buffer.length} bytes for a header of ${headerLength}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(BUNDLE_PREFIX_BYTES, headEnd)));
  } catch (error) {
    return refuse('BUNDLE_TAMPERED', `header is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = BundleHeaderSchema.safeParse(parsed);
  if (!header.success) return refuse('BUNDLE_TAMPERED', `header does not parse: ${header.error.issues[0]?.path.join('.') ?? ''} ${header.error.issues[0]?.message ?? ''}`);
  return {
    ok: true,
    frame: {
      header: header.data,
      aad: buffer.subarray(0, headEnd),
      sealed: buffer.subarray(headEnd, tagStart),
      tag: buffer.subarray(tagStart, signatureStart),
      digest: bundleDigest(buffer.subarray(0, signatureStart)),
      signature: buffer.subarray(signatureStart),
    },
  };
}
