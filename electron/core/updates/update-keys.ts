// The Ed25519 public keys an update must be signed by, built into the app. The vendor makes its key pair once
// (`npx tsx scripts/sign-update.ts keygen`), keeps the private half off every kiosk and out of this repository, and
// lists the public half here before building the installers (docs/updates.md). A list with two keys lets a new key
// take over from an old one across a release. With none listed, every feed and folder is refused.
import type { KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from '../credentials/ed25519.js';

/** Raw 32-byte public keys in base64url. */
export const VENDOR_UPDATE_KEYS: readonly string[] = [];

export function updateKeyFromText(text: string): KeyObject {
  return publicKeyFromRaw(new Uint8Array(Buffer.from(text.trim(), 'base64url')));
}

/**
 * The built-in keys, and any the shell adds (the web host's ESIK_UPDATE_TRUST_KEY: it never installs). A malformed
 * key is left out and named through `refused`, never a reason for the kiosk not to start.
 */
export function trustedUpdateKeys(extra: readonly string[] = [], refused: (key: string) => void = () => undefined): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const text of [...VENDOR_UPDATE_KEYS, ...extra]) {
    try {
      keys.push(updateKeyFromText(text));
    } catch {
      refused(text);
    }
  }
  return keys;
}
