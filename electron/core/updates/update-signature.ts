// The vendor's Ed25519 signature over a feed's channel file (latest.yml, latest-linux.yml), kept beside it as
// `<channel file>.sig`: one line, the 64-byte signature in base64. It covers the file's exact bytes, and the channel
// file names each installer with its sha512 and size, so a signed channel file vouches for the installers too.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { signEd25519, verifyEd25519 } from '../credentials/ed25519.js';

/** 64 bytes in base64: 86 characters and the padding, then at most one line end. */
export const SignatureFileSchema = z
  .string()
  .max(200)
  .transform((text) => text.trim())
  .pipe(z.string().regex(/^[A-Za-z0-9+/]{86}==$/));

export const SIGNATURE_SUFFIX = '.sig';

export function signChannelFile(privateKey: KeyObject, channelFile: Uint8Array): string {
  return `${Buffer.from(signEd25519(privateKey, channelFile)).toString('base64')}\n`;
}

/** True when any of the trusted keys signed exactly these bytes; a malformed signature file is simply not a signature. */
export function channelFileSigned(channelFile: Uint8Array, signatureFile: string, trustedKeys: readonly KeyObject[]): boolean {
  const parsed = SignatureFileSchema.safeParse(signatureFile);
  if (!parsed.success) return false;
  const signature = new Uint8Array(Buffer.from(parsed.data, 'base64'));
  return trustedKeys.some((key) => verifyEd25519(key, channelFile, signature));
}
