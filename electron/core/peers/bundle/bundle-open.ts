// Opens a USB bundle (docs/peers.md §8, docs/peer-protocol.md §USB bundle) in the order that lets nothing unproven
// through: size, magic, version, the group it claims, its sender's signature, this machine's entry, the sealed
// payload, then every line parsed. Each step that fails names its refusal; nothing here writes anything.
import { createDecipheriv, verify, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import type { BundleRefusal } from '../../../../shared/peers/bundle-outcome.js';
import { BundleLineSchema, MAX_BUNDLE_BYTES, type BundleHeader } from '../../../../shared/peers/peer-protocol.js';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import type { MemberLookup } from '../record-verify.js';
import { coversOf, decodeBundle } from './bundle-format.js';
import { unwrapContentKey } from './bundle-keys.js';
import type { RosterLine } from './bundle-write.js';

/** What the payload may inflate to: a year of a big kindergarten's records is about a tenth of it. */
export const MAX_BUNDLE_INFLATED_BYTES = 512 * 1024 * 1024;
/** One line: a record's body is at most 256 KiB; a roster snapshot of a thousand children a few MiB. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** Compressed bytes handed to the inflater at once: what one push may overshoot the limit by stays small. */
const INFLATE_STEP = 16 * 1024;

export interface OpenBundleContext {
  /** This machine's group and device id, and its static X25519 private key (secret `peer-dh-key`). */
  groupId: string;
  deviceId: string;
  dhPrivateKey: KeyObject;
  /** The members as `peer_members` knows them: the sender's key, and every origin's for the records' chain check. */
  member: MemberLookup;
  maxBytes?: number;
  maxInflatedBytes?: number;
}

export interface OpenedBundle {
  header: BundleHeader;
  records: PeerRecord[];
  heads: SignedHead[];
  /** Origins' archived heads, beside their link-only rows (docs/peers.md §5 "Archived years"). */
  archived: SignedHead[];
  roster: RosterLine | null;
}

export type OpenResult = { ok: true; bundle: OpenedBundle } | { ok: false; refusal: BundleRefusal };

const refuse = (code: BundleRefusal['code'], detail: string): OpenResult => ({ ok: false, refusal: { code, detail } });

class Refused extends Error {
  constructor(readonly refusal: BundleRefusal) {
    super(refusal.detail);
  }
}

/** Reads a file from a stick: its size is looked at before a byte of it is read, so a huge one costs nothing. */
export function openBundleFile(path: string, context: OpenBundleContext): OpenResult {
  const maxBytes = context.maxBytes ?? MAX_BUNDLE_BYTES;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return refuse('BUNDLE_TOO_LARGE', `${size} bytes, at most ${maxBytes}`);
    const bytes = Buffer.alloc(size);
    let at = 0;
    // Bounded: each read moves on, and a read of 0 (the file shrank under us) ends it.
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return openBundle(bytes.subarray(0, at), context);
  } finally {
    closeSync(fd);
  }
}

export function openBundle(bytes: Uint8Array, context: OpenBundleContext): OpenResult {
  const decoded = decodeBundle(bytes, context.maxBytes ?? MAX_BUNDLE_BYTES);
  if (!decoded.ok) return decoded;
  const { header, aad, sealed, tag, digest, signature } = decoded.frame;
  // From here on every refusal names the sender the header claims, so the page can say "write a new one at Door 2".
  const refuseFrom = (code: BundleRefusal['code'], detail: string): OpenResult => ({ ok: false, refusal: { code, detail, from: header.from } });
  // Unproven until the signature is checked, but a stick of another kindergarten is from a sender nobody here knows:
  // saying "another kindergarten" is the useful answer, and it refuses all the same.
  if (header.groupId !== context.groupId) return refuseFrom('BUNDLE_OTHER_KINDERGARTEN', `group ${header.groupId}`);
  const sender = context.member(header.from);
  if (sender === null) return refuseFrom('BUNDLE_SENDER_UNKNOWN', `sender ${header.from} is no member`);
  if (!verifySignature(sender.signPub, digest, signature)) return refuseFrom('BUNDLE_TAMPERED', 'the signature does not verify');
  if (sender.revoked) return refuseFrom('BUNDLE_SENDER_REVOKED', `sender ${header.from} was removed`);
  const entry = header.recipients.find((r) => r.deviceId === context.deviceId);
  if (entry === undefined) return refuseFrom('BUNDLE_NOT_FOR_US', `${context.deviceId} is not among ${header.recipients.length} recipients`);
  const contentKey = unwrapContentKey(entry, header.bundleId, context.dhPrivateKey);
  // The entry is signed by the sender, so one that does not open is a sender's mistake or a key changed since.
  if (contentKey === null) return refuseFrom('BUNDLE_TAMPERED', 'this machine’s wrapped key does not open');
  let compressed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', contentKey, Buffer.from(header.nonce, 'base64url'));
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    compressed = Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    return refuseFrom('BUNDLE_TAMPERED', 'the payload’s tag does not verify');
  }
  try {
    const bundle = parseLines(compressed, header, context.maxInflatedBytes ?? MAX_BUNDLE_INFLATED_BYTES);
    const covers = coversOf(bundle.records);
    if (typeof covers === 'string') return refuseFrom('BUNDLE_TAMPERED', `records out of order: ${covers}`);
    if (!sameCovers(covers, header.covers)) return refuseFrom('BUNDLE_TAMPERED', 'the records are not the ranges the header names');
    return { ok: true, bundle };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: { ...error.refusal, from: header.from } };
    return refuseFrom('BUNDLE_TAMPERED', `payload: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function verifySignature(key: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, digest, key, signature);
  } catch {
    return false;
  }
}

function sameCovers(a: BundleHeader['covers'], b: BundleHeader['covers']): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k]?.[0] === b[k]?.[0] && a[k]?.[1] === b[k]?.[1]);
}

/** Inflates in small steps, counting, and parses each line as it completes: a bomb stops at the limit. */
function parseLines(compressed: Uint8Array, header: BundleHeader, maxInflated: number): OpenedBundle {
  const bundle: OpenedBundle = { header, records: [], heads: [], archived: [], roster: null };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let inflated = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  const takeLine = (bytes: Uint8Array): void => {
    lineNo += 1;
    const line = BundleLineSchema.safeParse(JSON.parse(decoder.decode(bytes)));
    if (!line.success) throw new Refused({ code: 'BUNDLE_TAMPERED', detail: `line ${lineNo}: ${line.error.issues[0]?.message ?? 'does not parse'}` });
    if (line.data.t === 'record') bundle.records.push(line.data.record);
    else if (line.data.t === 'head') bundle.heads.push(line.data.head);
    else if (line.data.t === 'archived') bundle.archived.push(line.data.head);
    else if (bundle.roster === null || line.data.pulledMs > bundle.roster.pulledMs) bundle.roster = line.data;
  };
  const inflate = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > maxInflated) throw new Refused({ code: 'BUNDLE_TOO_LARGE', detail: `the payload inflates past ${maxInflated} bytes` });
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      takeLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]));
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      // A copy: fflate may reuse the chunk's memory for the next one.
      pending.push(chunk.slice(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) throw new Refused({ code: 'BUNDLE_TAMPERED', detail: `line ${lineNo + 1} is longer than ${MAX_LINE_BYTES} bytes` });
    }
  });
  for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
    const end = Math.min(at + INFLATE_STEP, compressed.length);
    inflate.push(compressed.subarray(at, end), end === compressed.length);
  }
  if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
  if (pendingBytes > 0) throw new Refused({ code: 'BUNDLE_TAMPERED', detail: 'the last line is cut short' });
  return bundle;
}
