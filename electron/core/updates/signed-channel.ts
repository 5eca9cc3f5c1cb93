// One rule for a feed and a folder alike: the channel file counts only if a trusted key signed its exact bytes, and
// only then is it read. What it names must then be a well-formed update (update-manifest.ts).
import type { KeyObject } from 'node:crypto';
import { channelFileSigned } from './update-signature.js';
import { parseManifest, type UpdateManifest } from './update-manifest.js';

export type ChannelRefusal = 'UPDATE_UNSIGNED' | 'UPDATE_SIGNATURE_INVALID' | 'UPDATE_MANIFEST_INVALID';
export type SignedChannel = { ok: true; manifest: UpdateManifest } | { ok: false; code: ChannelRefusal; detail: string };

export function readSignedChannel(channelFile: string, bytes: Uint8Array, signature: string | null, trustedKeys: readonly KeyObject[]): SignedChannel {
  if (signature === null) return { ok: false, code: 'UPDATE_UNSIGNED', detail: `${channelFile} has no signature beside it` };
  if (!channelFileSigned(bytes, signature, trustedKeys)) return { ok: false, code: 'UPDATE_SIGNATURE_INVALID', detail: `${channelFile} is not signed by a key this kiosk trusts` };
  const manifest = parseManifest(Buffer.from(bytes).toString('utf8'), channelFile);
  if (!manifest) return { ok: false, code: 'UPDATE_MANIFEST_INVALID', detail: `${channelFile} is signed but names no well-formed update` };
  return { ok: true, manifest };
}
