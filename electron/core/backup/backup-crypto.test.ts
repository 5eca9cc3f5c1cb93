import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { flipByte } from '../testing/damaged-files.js';
import { BackupCryptoError, decryptFile, deriveBackupKey, encryptFile, HEADER_BYTES } from './backup-crypto.js';

const PASSPHRASE = 'қызғалдақ алма 2026';
// Cheap scrypt for the tests; the parameters travel in each file's header, so decrypting reads them from there.
const FAST = { log2N: 10, r: 8, p: 1 };

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof BackupCryptoError) return error.code;
    throw error;
  }
  return 'decrypted';
}

async function sealed(size: number): Promise<{ dir: string; plain: Buffer; sealedPath: string }> {
  const dir = tempDataDir();
  const plain = randomBytes(size);
  writeFileSync(join(dir, 'copy.sqlite'), plain);
  const key = await deriveBackupKey(PASSPHRASE, new Date(), FAST);
  const sealedPath = join(dir, 'copy.sqlite.esikbak');
  await encryptFile(join(dir, 'copy.sqlite'), sealedPath, key);
  return { dir, plain, sealedPath };
}

describe('the encrypted copies', () => {
  it('decrypt with the passphrase to the very bytes encrypted, and show none of them', async () => {
    const { dir, plain, sealedPath } = await sealed(3 * 1024 * 1024 + 17);
    const bytes = readFileSync(sealedPath);
    expect(bytes.length).toBe(plain.length + HEADER_BYTES + 16);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('ESIKBAK\n');
    expect(bytes.includes(plain.subarray(1000, 1032))).toBe(false);
    await decryptFile(sealedPath, join(dir, 'back.sqlite'), PASSPHRASE);
    expect(readFileSync(join(dir, 'back.sqlite')).equals(plain)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'back.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('refuse a wrong passphrase at once, writing nothing', async () => {
    const { dir, sealedPath } = await sealed(64 * 1024);
    expect(await codeOf(decryptFile(sealedPath, join(dir, 'back.sqlite'), 'қызғалдақ алма 2025'))).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(existsSync(join(dir, 'back.sqlite'))).toBe(false);
  });

  it('refuse a file changed anywhere (header or body) or cut short, leaving nothing half-written', async () => {
    for (const damage of ['body', 'nonce', 'cut'] as const) {
      const { dir, sealedPath } = await sealed(256 * 1024);
      if (damage === 'body') flipByte(sealedPath, HEADER_BYTES + 100_000);
      if (damage === 'nonce') flipByte(sealedPath, 80);
      if (damage === 'cut') truncateSync(sealedPath, statSync(sealedPath).size - 4096);
      expect(await codeOf(decryptFile(sealedPath, join(dir, 'back.sqlite'), PASSPHRASE)), damage).toBe('BACKUP_FILE_DAMAGED');
      expect(readdirSync(dir).filter((n) => n.startsWith('back')), damage).toEqual([]);
    }
  });

  it('refuse a file that is not an encrypted copy', async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'x'), randomBytes(4096));
    expect(await codeOf(decryptFile(join(dir, 'x'), join(dir, 'back.sqlite'), PASSPHRASE))).toBe('BACKUP_NOT_A_BACKUP');
  });

  it('keep what the kiosk stores free of the passphrase', async () => {
    const key = await deriveBackupKey(PASSPHRASE, new Date(), FAST);
    expect(JSON.stringify(key)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(key)).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
  });
});
