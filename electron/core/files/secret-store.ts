// Secrets the kiosk must keep out of SQLite (the city's bearer token, the device's private key, the QR signing key, the
// PIN pepper): one file each in a 0700 folder of the data dir, each file 0600, written by files/atomic-write.ts. A
// shell that can reach the OS keystore (Electron's safeStorage: DPAPI, Keychain, libsecret/kwallet) passes a cipher,
// so a copied data folder carries no usable token; without one the file holds the secret as is and only its mode
// protects it — the web host's way, and Electron's fallback on a Linux desktop without a keyring, which staff see.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretProtection } from '../../../shared/api/contract.js';
import { syncFolder, tightenMode, writeFileAtomic } from './atomic-write.js';

/** The secrets the kiosk keeps; a closed list so that a typo cannot create a stray file. */
export const SECRET_NAMES = ['city-token', 'device-key', 'qr-signing-key', 'pin-pepper', 'backup-key', 'relay-tokens', 'peer-dh-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  readonly protection: SecretProtection;
  /** The secret, or null when it was never set or cannot be read here (logged). */
  get(name: SecretName): string | null;
  /** Whether the secret is stored at all, readable here or not: a sealed secret this session cannot open is not "never set". */
  has(name: SecretName): boolean;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

/** Seals secrets with a key the OS keeps; provided by a shell (electron/main/safe-storage-cipher.ts). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const SECRETS_FOLDER = 'secrets';

/**
 * Linux backends of Chromium's OS crypt that do not actually protect anything: 'basic_text' seals with a password
 * built into Chromium, 'unknown' means none was chosen. Either is plaintext in all but name.
 */
const UNPROTECTED_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/** What a shell knows about its OS keystore (Electron's safeStorage answers these). */
export interface KeystoreReport {
  encryptionAvailable: boolean;
  platform: NodeJS.Platform;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  linuxBackend: string | null;
}

/** Why the keystore cannot protect secrets here, or null when it can. */
export function keystoreProblem(report: KeystoreReport): string | null {
  if (!report.encryptionAvailable) return 'the OS reports no encryption available';
  if (report.platform === 'linux' && (report.linuxBackend === null || UNPROTECTED_LINUX_BACKENDS.has(report.linuxBackend))) {
    return `the Linux storage backend is ${report.linuxBackend ?? 'unknown'} (no keyring)`;
  }
  return null;
}

/** The first line of every secret file names how the rest is stored: a file is never misread as the other kind. */
const HEADER = { plain: 'esik-secret-v1 plain', sealed: 'esik-secret-v1 os-sealed' } as const;

export interface FileSecretStoreOptions {
  /** The OS keystore; null when there is none (web host) or it is unusable (then set `fallback`). */
  cipher: SecretCipher | null;
  /** True when a cipher was wanted and is missing: reported as 'plaintext-fallback' rather than 'file-only'. */
  fallback?: boolean;
  log?: (line: string) => void;
}

export class FileSecretStore implements SecretStore {
  readonly protection: SecretProtection;
  private readonly folder: string;
  private readonly cipher: SecretCipher | null;
  private readonly log: (line: string) => void;

  constructor(dataDir: string, options: FileSecretStoreOptions) {
    this.folder = join(dataDir, SECRETS_FOLDER);
    this.cipher = options.cipher;
    this.log = options.log ?? ((line) => console.log(line));
    this.protection = options.cipher ? 'os-encrypted' : options.fallback ? 'plaintext-fallback' : 'file-only';
  }

  get(name: SecretName): string | null {
    const path = this.pathOf(name);
    if (!existsSync(path)) return null;
    tightenMode(path, 0o600);
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = newline < 0 ? text : text.slice(0, newline);
    const body = newline < 0 ? '' : text.slice(newline + 1).trim();
    if (header === HEADER.plain) {
      const value = Buffer.from(body, 'base64').toString('utf8');
      // Written while the keystore was unavailable, readable now: seal it, so the plain copy does not linger.
      if (this.cipher) this.set(name, value);
      return value;
    }
    if (header === HEADER.sealed) {
      if (!this.cipher) {
        this.log(`[secrets] ${name} was sealed by the OS keystore, which is not available now`);
        return null;
      }
      try {
        return this.cipher.decrypt(Buffer.from(body, 'base64'));
      } catch (error) {
        this.log(`[secrets] ${name} cannot be unsealed (another user or machine?): ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    }
    this.log(`[secrets] ${name} is not a secret file this version can read`);
    return null;
  }

  set(name: SecretName, value: string): void {
    const body = this.cipher ? `${HEADER.sealed}\n${this.cipher.encrypt(value).toString('base64')}\n` : `${HEADER.plain}\n${Buffer.from(value, 'utf8').toString('base64')}\n`;
    if (!existsSync(this.folder)) mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    tightenMode(this.folder, 0o700);
    // A crash leaves the old secret or the new one, never half of one.
    writeFileAtomic(this.pathOf(name), body);
  }

  has(name: SecretName): boolean {
    return existsSync(this.pathOf(name));
  }

  delete(name: SecretName): void {
    rmSync(this.pathOf(name), { force: true });
    if (existsSync(this.folder)) syncFolder(this.folder);
  }

  private pathOf(name: SecretName): string {
    if (!SECRET_NAMES.includes(name)) throw new Error(`unknown secret ${String(name)}`);
    return join(this.folder, name);
  }
}
