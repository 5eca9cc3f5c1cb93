// A real feed on loopback (the same server that hands a staged update to electron-updater), real files: what the kiosk
// accepts from it and what it refuses.
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askFeed, feedFileUrl } from './update-feed.js';
import { checkUpdateFile } from './update-file-check.js';
import { serveFolder, type FolderFeed } from './update-folder-server.js';
import { writeRelease, type Release } from './testing/release-kit.js';

const vendor = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const trusted = [vendor.publicKey];

let dir: string;
let feed: FolderFeed;
let release: Release;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esik-feed-'));
  release = writeRelease(join(dir, 'feed'), { version: '0.2.0', key: vendor.privateKey });
  feed = await serveFolder(release.folder);
});

afterEach(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Downloads an installer from the feed as electron-updater would, into the kiosk's folder. */
async function download(name: string): Promise<string> {
  const response = await fetch(feedFileUrl(feed.url, name));
  const path = join(dir, `downloaded-${name}`);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return path;
}

describe('a generic feed', () => {
  it('offers a signed update, whose installer downloads whole and checks', async () => {
    const answer = await askFeed(feed.url, release.channelFile, trusted);
    expect(answer).toEqual({ ok: true, manifest: { version: '0.2.0', files: [{ url: release.installer, sha512: release.sha512, size: release.installerBytes.length }] } });
    expect(await checkUpdateFile(await download(release.installer), answer.ok ? answer.manifest.files[0]! : never())).toEqual({ ok: true });
  });

  it('reads the address with or without its closing slash, and under a path', async () => {
    expect((await askFeed(feed.url.replace(/\/$/, ''), release.channelFile, trusted)).ok).toBe(true);
    expect(feedFileUrl('https://updates.example.kz/esik', 'latest-linux.yml').href).toBe('https://updates.example.kz/esik/latest-linux.yml');
  });

  it('refuses a channel file with no signature beside it', async () => {
    unlinkSync(join(release.folder, `${release.channelFile}.sig`));
    expect(await askFeed(feed.url, release.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_UNSIGNED' });
  });

  it('refuses a channel file changed after signing (another installer’s hash put in)', async () => {
    const path = join(release.folder, release.channelFile);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replaceAll(release.sha512, `${'A'.repeat(86)}==`));
    expect(await askFeed(feed.url, release.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_SIGNATURE_INVALID' });
  });

  it('refuses a feed signed by a key this kiosk does not trust', async () => {
    const foreign = writeRelease(join(dir, 'foreign'), { version: '9.0.0', key: stranger.privateKey });
    const other = await serveFolder(foreign.folder);
    try {
      expect(await askFeed(other.url, foreign.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_SIGNATURE_INVALID' });
    } finally {
      await other.close();
    }
  });

  it('refuses a signature file that is not one', async () => {
    writeFileSync(join(release.folder, `${release.channelFile}.sig`), 'not a signature\n');
    expect(await askFeed(feed.url, release.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_SIGNATURE_INVALID' });
  });

  it('refuses a signed channel file that names no well-formed update', async () => {
    const bad = writeRelease(join(dir, 'bad'), { version: '0.3.0', key: null });
    const text = readFileSync(join(bad.folder, bad.channelFile), 'utf8').replace(`url: ${bad.installer}`, 'url: ../../etc/passwd');
    writeFileSync(join(bad.folder, bad.channelFile), text);
    const { signChannelFile } = await import('./update-signature.js');
    writeFileSync(join(bad.folder, `${bad.channelFile}.sig`), signChannelFile(vendor.privateKey, Buffer.from(text)));
    const other = await serveFolder(bad.folder);
    try {
      expect(await askFeed(other.url, bad.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_MANIFEST_INVALID' });
    } finally {
      await other.close();
    }
  });

  it('tells a feed that is not there from one that refuses', async () => {
    const url = feed.url;
    await feed.close();
    expect(await askFeed(url, release.channelFile, trusted, 2_000)).toMatchObject({ ok: false, code: 'UPDATE_FEED_UNREACHABLE' });
    feed = await serveFolder(release.folder);
    expect(await askFeed(feed.url, 'latest.yml', trusted)).toMatchObject({ ok: false, code: 'UPDATE_FEED_UNREACHABLE', detail: 'the feed has no latest.yml' });
  });

  it('refuses a download cut short and an installer changed on the feed', async () => {
    const answer = await askFeed(feed.url, release.channelFile, trusted);
    const expected = answer.ok ? answer.manifest.files[0]! : never();
    const installer = join(release.folder, release.installer);
    truncateSync(installer, release.installerBytes.length - 1000);
    expect(await checkUpdateFile(await download(release.installer), expected)).toMatchObject({ ok: false, code: 'UPDATE_FILE_INCOMPLETE' });
    const changed = Buffer.from(release.installerBytes);
    changed[12_345] = (changed[12_345]! + 1) % 256;
    writeFileSync(installer, changed);
    expect(await checkUpdateFile(await download(release.installer), expected)).toMatchObject({ ok: false, code: 'UPDATE_FILE_MISMATCH' });
    appendFileSync(installer, 'x');
    expect(await checkUpdateFile(await download(release.installer), expected)).toMatchObject({ ok: false, code: 'UPDATE_FILE_MISMATCH' });
  });

  it('serves nothing but the folder’s own plain files', async () => {
    for (const path of ['../etc/passwd', '%2e%2e%2fetc%2fpasswd', '.hidden', 'missing.yml']) {
      expect((await fetch(`${feed.url}${path}`)).status).toBe(404);
    }
  });
});

function never(): never {
  throw new Error('the feed was expected to answer with an update');
}
