// Asks a generic feed (the city's or the vendor's web server, the same files electron-updater reads) what it offers:
// the channel file and its signature, each read whole up to a small cap, then checked (signed-channel.ts). Network
// trouble of any kind is one code; the feed's answer is never trusted further than its signature.
import type { KeyObject } from 'node:crypto';
import { readSignedChannel, type ChannelRefusal } from './signed-channel.js';
import { SIGNATURE_SUFFIX } from './update-signature.js';
import type { UpdateManifest } from './update-manifest.js';

const CHANNEL_FILE_CAP = 64 * 1024;
const SIGNATURE_CAP = 1024;
const TIMEOUT_MS = 20_000;

export type FeedRefusal = ChannelRefusal | 'UPDATE_FEED_UNREACHABLE';
export type FeedAnswer = { ok: true; manifest: UpdateManifest } | { ok: false; code: FeedRefusal; detail: string };

/** A file's URL in the feed: the feed address is a folder, whether or not the admin typed its closing slash. */
export function feedFileUrl(feedUrl: string, name: string): URL {
  const base = new URL(feedUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(encodeURIComponent(name), base);
}

type Fetched = { kind: 'body'; bytes: Uint8Array } | { kind: 'absent' } | { kind: 'failed'; detail: string };

async function fetchCapped(url: URL, cap: number, timeoutMs: number): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', headers: { 'cache-control': 'no-cache' } });
  } catch (error) {
    return { kind: 'failed', detail: `${url.pathname}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { kind: 'absent' };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { kind: 'failed', detail: `${url.pathname}: HTTP ${response.status}` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel();
        return { kind: 'failed', detail: `${url.pathname}: larger than ${cap} bytes` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { kind: 'failed', detail: `${url.pathname}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { kind: 'body', bytes: new Uint8Array(Buffer.concat(chunks)) };
}

export async function askFeed(feedUrl: string, channelFile: string, trustedKeys: readonly KeyObject[], timeoutMs = TIMEOUT_MS): Promise<FeedAnswer> {
  const channel = await fetchCapped(feedFileUrl(feedUrl, channelFile), CHANNEL_FILE_CAP, timeoutMs);
  if (channel.kind === 'failed') return { ok: false, code: 'UPDATE_FEED_UNREACHABLE', detail: channel.detail };
  if (channel.kind === 'absent') return { ok: false, code: 'UPDATE_FEED_UNREACHABLE', detail: `the feed has no ${channelFile}` };
  const signature = await fetchCapped(feedFileUrl(feedUrl, channelFile + SIGNATURE_SUFFIX), SIGNATURE_CAP, timeoutMs);
  if (signature.kind === 'failed') return { ok: false, code: 'UPDATE_FEED_UNREACHABLE', detail: signature.detail };
  const signatureText = signature.kind === 'body' ? Buffer.from(signature.bytes).toString('utf8') : null;
  return readSignedChannel(channelFile, channel.bytes, signatureText, trustedKeys);
}
