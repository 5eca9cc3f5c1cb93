// Writes a USB bundle (docs/peers.md §8): the records, their origins' signed heads and perhaps a roster snapshot as
// NDJSON lines, deflated, sealed under a fresh content key with the header as associated data, the key wrapped for
// each recipient, all signed by this machine's device key. Which records and for whom is the caller's (the peer
// worker knows what each member holds); this file only makes the bytes and puts them on the stick whole or not at all.
import { createCipheriv, randomBytes, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Deflate } from 'fflate';
import { v7 as uuidv7 } from 'uuid';
import { BundleLineSchema, MAX_BUNDLE_BYTES, type BundleHeader, type BundleLine } from '../../../../shared/peers/peer-protocol.js';
import type { HaveVector, PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { BUNDLE_SIGNATURE_BYTES, bundleDigest, coversOf, encodeBundleBody, encodeBundleHead } from './bundle-format.js';
import { x25519PublicFromRaw } from '../x25519.js';
import { CONTENT_KEY_BYTES, wrapContentKey } from './bundle-keys.js';

export const BUNDLE_EXTENSION = '.esikpeer';

export type RosterLine = Extract<BundleLine, { t: 'roster' }>;

export interface BundleContent {
  /** Each origin's records in seq order, one unbroken run per origin. */
  records: readonly PeerRecord[];
  /** For each origin in `records`, its signed head at the run's last seq. */
  heads: readonly SignedHead[];
  /**
   * For each origin whose run has link-only rows (attendance whose event is in a yearly archive, docs/peers.md §5
   * "Archived years"), its archived head: the reader takes such rows only up to it, as a page's `archived` says.
   */
  archived?: readonly SignedHead[];
  /** The way back to a door that is not enrolled: the newest city roster snapshot. */
  roster?: RosterLine | null;
}

export interface BundleRecipientKey {
  deviceId: string;
  /** The member's static X25519 public key, 32 raw bytes (its `member` record's dhPub). */
  dhPub: Uint8Array;
}

export interface SealBundleInput {
  groupId: string;
  /** This machine's device id, and the device key that signs the bundle. */
  from: string;
  signingKey: KeyObject;
  /** This machine's local time with its offset (toLocalTime(…).iso), and its HLC now. */
  createdAt: string;
  hlc: string;
  /** What this machine holds per origin, for the way back. */
  have: HaveVector;
  recipients: readonly BundleRecipientKey[];
  content: BundleContent;
  /** A test's fixed id; a real bundle takes a fresh uuid v7. */
  bundleId?: string;
  maxBytes?: number;
}

export class BundleWriteError extends Error {
  constructor(
    readonly code: 'BUNDLE_TOO_LARGE' | 'BUNDLE_NO_RECIPIENT' | 'BUNDLE_RECORDS_BROKEN',
    message: string,
  ) {
    super(message);
    this.name = 'BundleWriteError';
  }
}

/**
 * The header's ranges, once each origin's run is unbroken and ends at a row its signed head names: a stick the
 * reader would refuse is better refused here, where the admin still stands at the machine that can write another.
 */
function checkedCovers(content: BundleContent): BundleHeader['covers'] {
  const covers = coversOf(content.records);
  if (typeof covers === 'string') throw new BundleWriteError('BUNDLE_RECORDS_BROKEN', covers);
  const lastHash = new Map(content.records.map((r) => [`${r.deviceId} ${r.seq}`, r.hash]));
  for (const [origin, [, last]] of Object.entries(covers)) {
    const head = content.heads.find((h) => h.deviceId === origin && h.seq === last);
    if (head === undefined || head.hash !== lastHash.get(`${origin} ${last}`)) throw new BundleWriteError('BUNDLE_RECORDS_BROKEN', `${origin}: no signed head at seq ${last}`);
  }
  return covers;
}

function* linesOf(content: BundleContent): Generator<BundleLine> {
  for (const record of content.records) yield { t: 'record', record };
  for (const head of content.heads) yield { t: 'head', head };
  for (const head of content.archived ?? []) yield { t: 'archived', head };
  if (content.roster) yield content.roster;
}

/** The NDJSON lines deflated, chunk by chunk (a year of records need not sit in memory twice as text). */
function deflateLines(content: BundleContent): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  const encoder = new TextEncoder();
  for (const line of linesOf(content)) deflate.push(encoder.encode(`${JSON.stringify(BundleLineSchema.parse(line))}\n`));
  deflate.push(new Uint8Array(0), true);
  return chunks;
}

/** The whole file's bytes and its header. */
export function sealBundle(input: SealBundleInput): { bytes: Uint8Array; header: BundleHeader } {
  if (input.recipients.length === 0) throw new BundleWriteError('BUNDLE_NO_RECIPIENT', 'a bundle needs at least one recipient');
  const bundleId = input.bundleId ?? uuidv7();
  const contentKey = randomBytes(CONTENT_KEY_BYTES);
  const nonce = randomBytes(12);
  const header: BundleHeader = {
    bundleId,
    groupId: input.groupId,
    from: input.from,
    createdAt: input.createdAt,
    hlc: input.hlc,
    nonce: nonce.toString('base64url'),
    recipients: input.recipients.map((r) => wrapContentKey(contentKey, bundleId, r.deviceId, x25519PublicFromRaw(r.dhPub))),
    covers: checkedCovers(input.content),
    have: input.have,
  };
  const head = encodeBundleHead(header);
  const cipher = createCipheriv('aes-256-gcm', contentKey, nonce);
  cipher.setAAD(head);
  const sealed = deflateLines(input.content).map((chunk) => cipher.update(chunk));
  sealed.push(cipher.final());
  const maxBytes = input.maxBytes ?? MAX_BUNDLE_BYTES;
  const size = head.length + sealed.reduce((n, c) => n + c.length, 0) + 16 + BUNDLE_SIGNATURE_BYTES;
  if (size > maxBytes) throw new BundleWriteError('BUNDLE_TOO_LARGE', `${size} bytes, at most ${maxBytes}`);
  const body = encodeBundleBody(head, sealed, cipher.getAuthTag());
  const signature = sign(null, bundleDigest(body), input.signingKey);
  return { bytes: Buffer.concat([body, signature]), header };
}

/**
 * `esik-<machine name>-<yyyymmdd-hhmm>.esikpeer` (docs/peers.md §8), the time the writer's local one from
 * `createdAt`. A name keeps its letters (Cyrillic too) but loses what FAT, NTFS or a shell would choke on.
 */
export function bundleFileName(machineName: string, createdAt: string): string {
  const safe =
    machineName
      .normalize('NFC')
      // Control characters and what Windows forbids in a name (FAT sticks are read there too).
      .replace(/[\p{Cc}<>:"/\\|?*]+/gu, '-')
      .replace(/\s+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'machine';
  const stamp = `${createdAt.slice(0, 4)}${createdAt.slice(5, 7)}${createdAt.slice(8, 10)}-${createdAt.slice(11, 13)}${createdAt.slice(14, 16)}`;
  return `esik-${safe}-${stamp}${BUNDLE_EXTENSION}`;
}

/**
 * Seals the bundle and writes it into `folder` (a stick's): beside its name first, synced, renamed, the folder
 * synced (files/atomic-write.ts), so a stick pulled out or full mid-write leaves no `.esikpeer` that looks whole.
 * The file system's error (ENOSPC, EROFS, EACCES…) is thrown for the caller to name. No mode is forced: a stick's
 * FAT has none, and a chmod there fails.
 */
export function writeBundle(folder: string, machineName: string, input: SealBundleInput): { path: string; header: BundleHeader; bytes: number } {
  const { bytes, header } = sealBundle(input);
  const path = join(folder, bundleFileName(machineName, input.createdAt));
  // Readable by whoever reads the stick at the other machine: what is in it is sealed and signed.
  writeFileAtomic(path, bytes, { mode: 0o644, forceMode: false });
  return { path, header, bytes: bytes.length };
}
