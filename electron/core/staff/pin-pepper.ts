// The install's PIN pepper: 32 random bytes in the SecretStore (sealed by the OS keystore where the shell has one). A
// copied database alone is not enough to try PINs offline: the hashes are keyed with this secret. Losing it makes
// every PIN unusable (staff set new ones); it is never replaced by itself while PINs exist, so a missing pepper is an
// error the admin sees, not a silent reset.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setAsideRoot } from '../files/demo-set-aside.js';
import { adoptPlainSecret } from '../files/adopt-plain-secret.js';
import type { SecretStore } from '../files/secret-store.js';

/** Where versions before the SecretStore kept the pepper, as a plain 0600 file; moved into the store at start. */
export const PIN_PEPPER_FILE = 'staff-pin-pepper';
const SECRET = 'pin-pepper';
const PEPPER_BYTES = 32;

/** Reads the pepper, or makes it when `mayCreate` (no PIN exists yet that a new pepper would orphan). */
export function ensurePinPepper(secrets: SecretStore, dataDir: string, mayCreate: boolean, log?: (line: string) => void): Buffer {
  const legacy = join(dataDir, PIN_PEPPER_FILE);
  const adopted = adoptPlainSecret(secrets, SECRET, legacy, (bytes) => checked(bytes, legacy).toString('base64'));
  if (adopted !== 'none') log?.(`[secrets] the staff PIN pepper ${adopted === 'moved' ? 'moved into' : 'was already in'} the secret store; ${legacy} removed`);
  const stored = secrets.get(SECRET);
  if (stored !== null) return checked(Buffer.from(stored, 'base64'), `the secret ${SECRET}`);
  if (secrets.has(SECRET)) throw new Error(`the staff PIN pepper is stored but cannot be read here (${secrets.protection}): staff PINs cannot be checked`);
  if (!mayCreate) throw new Error('the staff PIN pepper is missing: staff PINs must be set again');
  const pepper = randomBytes(PEPPER_BYTES);
  secrets.set(SECRET, pepper.toString('base64'));
  return pepper;
}

function checked(pepper: Buffer, where: string): Buffer {
  if (pepper.length !== PEPPER_BYTES) throw new Error(`the staff PIN pepper (${where}) is damaged (${pepper.length} bytes)`);
  return pepper;
}

/**
 * The group's pepper, taken when this machine joins a kindergarten's computers (docs/peers.md §3, §9): PINs set at any
 * of them then check here. A machine that ran on its own until now voided its PINs before it joined
 * (peers/pairing-pins.ts); its own pepper, when it had one that differs, goes to `<dataDir>/set-aside/pin-pepper-<time>/`
 * first (a plain 0600 file, as versions before the SecretStore kept it), as a restore sets aside what it replaces: a
 * copy of the old records file opened again would need it. Answers that folder, or null when nothing was set aside.
 */
export function adoptPinPepper(secrets: SecretStore, pepper: Buffer, aside?: { dataDir: string; nowMs: number }): string | null {
  const next = checked(pepper, "the group's pepper");
  const stored = aside === undefined ? null : secrets.get(SECRET);
  let folder: string | null = null;
  if (aside !== undefined && stored !== null && !Buffer.from(stored, 'base64').equals(next)) {
    const stamp = new Date(aside.nowMs).toISOString().replace(/[-:.]/g, '');
    folder = join(setAsideRoot(aside.dataDir), `pin-pepper-${stamp}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(join(folder, PIN_PEPPER_FILE), stored, { mode: 0o600 });
  }
  secrets.set(SECRET, next.toString('base64'));
  return folder;
}
