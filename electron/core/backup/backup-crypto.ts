// The encrypted copies of the second place (a USB stick, a share): a lost stick must leak nothing. The admin's recovery
// passphrase goes through scrypt (with a random salt) to a master key; each file gets its own key from it (HKDF over a
// random per-file salt, so no two files ever share a key and nonce) and is sealed with AES-256-GCM, streamed, with the
// whole header authenticated as associated data and the tag at the end. Format (version 1):
//
//   0  8  magic "ESIKBAK\n"           44 32  file salt (HKDF)
//   8  1  format version (1)          76 12  GCM nonce
//   9  1  scrypt log2(N)              88  …  ciphertext of the SQLite copy
//  10  1  scrypt r                   end 16  GCM tag
//  11  1  scrypt p
//  12 16  scrypt salt
//  28 16  key check: HMAC-SHA256(master key, "esik-backup-key-check-v1"), first 16 bytes
//
// The key check lets a wrong passphrase be refused at once (not after decrypting a gigabyte) and tells it apart from a
// damaged file. The passphrase is never stored: the kiosk keeps only the master key (sealed in its SecretStore) with its
// salt and parameters, which is all it needs to write new copies.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { syncFile } from '../files/atomic-write.js';

const MAGIC = Buffer.from('ESIKBAK\n', 'latin1');
const FORMAT_VERSION = 1;
export const HEADER_BYTES = 88;
const TAG_BYTES = 16;
const KEY_CHECK_LABEL = 'esik-backup-key-check-v1';
const FILE_KEY_INFO = 'esik-backup-file-v1';

/** scrypt's cost: 2^17 × 8 × 128 bytes = 128 MiB of memory and about half a second, once per passphrase set or typed. */
export const SCRYPT_DEFAULTS = { log2N: 17, r: 8, p: 1 } as const;
/** Bounds on what a header may ask for, so a crafted file cannot make the kiosk spend gigabytes or hours. */
const MAX_LOG2N = 20;
const MAX_R = 16;
const MAX_P = 4;

/** What the kiosk keeps to encrypt new copies (sealed in the SecretStore as JSON): never the passphrase. */
export const BackupKeySchema = z.object({
  v: z.literal(1),
  log2N: z.number().int().min(10).max(MAX_LOG2N),
  r: z.number().int().min(1).max(MAX_R),
  p: z.number().int().min(1).max(MAX_P),
  salt: z.string().base64(),
  key: z.string().base64(),
  check: z.string().base64(),
  setAt: z.string(),
});
export type BackupKey = z.infer<typeof BackupKeySchema>;

export type BackupCryptoCode = 'BACKUP_NOT_A_BACKUP' | 'BACKUP_WRONG_PASSPHRASE' | 'BACKUP_FILE_DAMAGED';

export class BackupCryptoError extends Error {
  constructor(
    readonly code: BackupCryptoCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupCryptoError';
  }
}

function deriveMaster(passphrase: string, salt: Buffer, params: { log2N: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** params.log2N;
  // scrypt needs 128·N·r bytes; Node refuses above maxmem (32 MiB by default).
  const maxmem = 128 * N * params.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    // On the thread pool: the door's thread never waits for it.
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: params.r, p: params.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function keyCheck(master: Buffer): Buffer {
  return createHmac('sha256', master).update(KEY_CHECK_LABEL).digest().subarray(0, 16);
}

/** A new master key from a passphrase, with a fresh salt: what the kiosk stores (BackupKey). */
export async function deriveBackupKey(passphrase: string, now: Date, params: { log2N: number; r: number; p: number } = SCRYPT_DEFAULTS): Promise<BackupKey> {
  const salt = randomBytes(16);
  const master = await deriveMaster(passphrase, salt, params);
  return { v: 1, ...params, salt: salt.toString('base64'), key: master.toString('base64'), check: keyCheck(master).toString('base64'), setAt: now.toISOString() };
}

/** Whether `passphrase` is the one `key` was derived from (scrypt with the key's own salt, on the thread pool). */
export async function passphraseOpens(key: BackupKey, passphrase: string): Promise<boolean> {
  const master = await deriveMaster(passphrase, Buffer.from(key.salt, 'base64'), key);
  return timingSafeEqual(keyCheck(master), Buffer.from(key.check, 'base64'));
}

function fileKey(master: Buffer, fileSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, fileSalt, FILE_KEY_INFO, 32));
}

function header(key: BackupKey, fileSalt: Buffer, nonce: Buffer): Buffer {
  const out = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(out, 0);
  out.writeUInt8(FORMAT_VERSION, 8);
  out.writeUInt8(key.log2N, 9);
  out.writeUInt8(key.r, 10);
  out.writeUInt8(key.p, 11);
  Buffer.from(key.salt, 'base64').copy(out, 12);
  Buffer.from(key.check, 'base64').copy(out, 28);
  fileSalt.copy(out, 44);
  nonce.copy(out, 76);
  return out;
}

/**
 * Encrypts `source` into `target` (a `.partial` beside it first, synced, then renamed): a pulled stick or a full one
 * leaves no file that looks whole. Throws the file system's error (ENOSPC, ENOENT, EROFS…) for the caller to name.
 */
export async function encryptFile(source: string, target: string, key: BackupKey): Promise<void> {
  const fileSalt = randomBytes(32);
  const nonce = randomBytes(12);
  const head = header(key, fileSalt, nonce);
  const cipher = createCipheriv('aes-256-gcm', fileKey(Buffer.from(key.key, 'base64'), fileSalt), nonce);
  cipher.setAAD(head);
  const partial = `${target}.partial`;
  let wroteHeader = false;
  const framing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!wroteHeader) {
        wroteHeader = true;
        this.push(head);
      }
      done(null, chunk);
    },
    flush(done) {
      if (!wroteHeader) this.push(head);
      this.push(cipher.getAuthTag());
      done();
    },
  });
  try {
    await pipeline(createReadStream(source, { highWaterMark: 1024 * 1024 }), cipher, framing, createWriteStream(partial, { mode: 0o600 }));
    syncFile(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

interface ParsedHeader {
  params: { log2N: number; r: number; p: number };
  salt: Buffer;
  check: Buffer;
  fileSalt: Buffer;
  nonce: Buffer;
  raw: Buffer;
}

function readHeader(fd: number, size: number): ParsedHeader {
  if (size < HEADER_BYTES + TAG_BYTES) throw new BackupCryptoError('BACKUP_NOT_A_BACKUP', `${size} bytes: too short for an Esik backup`);
  const raw = Buffer.alloc(HEADER_BYTES);
  readSync(fd, raw, 0, HEADER_BYTES, 0);
  if (!raw.subarray(0, 8).equals(MAGIC)) throw new BackupCryptoError('BACKUP_NOT_A_BACKUP', 'not an Esik encrypted backup');
  const version = raw.readUInt8(8);
  if (version !== FORMAT_VERSION) throw new BackupCryptoError('BACKUP_NOT_A_BACKUP', `backup format ${version} is not one this build reads`);
  const params = { log2N: raw.readUInt8(9), r: raw.readUInt8(10), p: raw.readUInt8(11) };
  if (params.log2N < 10 || params.log2N > MAX_LOG2N || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P) {
    throw new BackupCryptoError('BACKUP_FILE_DAMAGED', `scrypt parameters out of bounds: ${JSON.stringify(params)}`);
  }
  return { params, salt: raw.subarray(12, 28), check: raw.subarray(28, 44), fileSalt: raw.subarray(44, 76), nonce: raw.subarray(76, 88), raw };
}

/**
 * Decrypts an encrypted copy into `target` (written as `.partial` and renamed only once the tag proved every byte).
 * A wrong passphrase is refused before any decryption (BACKUP_WRONG_PASSPHRASE); a file changed or cut anywhere fails
 * the tag (BACKUP_FILE_DAMAGED) and leaves nothing behind.
 */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const fd = openSync(source, 'r');
  let head: ParsedHeader;
  let size: number;
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    size = fstatSync(fd).size;
    head = readHeader(fd, size);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const master = await deriveMaster(passphrase, head.salt, head.params);
  if (!timingSafeEqual(keyCheck(master), head.check)) throw new BackupCryptoError('BACKUP_WRONG_PASSPHRASE', 'the passphrase does not open this backup');
  const decipher = createDecipheriv('aes-256-gcm', fileKey(master, head.fileSalt), head.nonce);
  decipher.setAAD(head.raw);
  decipher.setAuthTag(tag);
  const partial = `${target}.partial`;
  try {
    const body = createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1, highWaterMark: 1024 * 1024 });
    await pipeline(body, decipher, createWriteStream(partial, { mode: 0o600 }));
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof Error && /unable to authenticate|auth/i.test(error.message)) {
      throw new BackupCryptoError('BACKUP_FILE_DAMAGED', 'the backup was changed or cut: its authentication tag does not match');
    }
    throw error;
  }
  syncFile(partial);
  renameSync(partial, target);
}
