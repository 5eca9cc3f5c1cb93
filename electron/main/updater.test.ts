// The Electron side of updates against the stand-in 'electron' module, with electron-updater's part played over a
// real feed on loopback (the same files a generic feed serves): what it asks of the updater, and what it refuses.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateCheckResult } from 'electron-updater';
import { feedFileUrl } from '../core/updates/update-feed.js';
import { serveFolder, type FolderFeed } from '../core/updates/update-folder-server.js';
import { writeRelease, type Release } from '../core/updates/testing/release-kit.js';
import { electronFake } from './testing/fake-electron.js';
import { shellUpdateInstaller, type UpdaterEngine } from './updater.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const vendor = generateKeyPairSync('ed25519');

/** electron-updater's generic provider in miniature: reads the channel file at the feed set, downloads its installer. */
class FeedEngine implements UpdaterEngine {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  feed: unknown = null;
  installs: [boolean | undefined, boolean | undefined][] = [];
  private offered: { version: string; file: string } | null = null;

  constructor(private readonly cacheDir: string) {}

  setFeedURL(options: Parameters<UpdaterEngine['setFeedURL']>[0]): void {
    this.feed = options;
  }
  async checkForUpdates(): Promise<UpdateCheckResult | null> {
    const url = (this.feed as { url: string }).url;
    const text = await (await fetch(feedFileUrl(url, 'latest-linux.yml'))).text();
    const version = /^version: (.+)$/m.exec(text)?.[1] ?? '';
    const file = /^ {2}- url: (.+)$/m.exec(text)?.[1] ?? '';
    this.offered = { version, file };
    const updateInfo = { version, files: [], path: file, sha512: '', releaseDate: '' };
    return { isUpdateAvailable: version !== '0.1.0', updateInfo, versionInfo: updateInfo };
  }
  async downloadUpdate(): Promise<string[]> {
    const url = (this.feed as { url: string }).url;
    const bytes = Buffer.from(await (await fetch(feedFileUrl(url, this.offered?.file ?? ''))).arrayBuffer());
    const path = join(this.cacheDir, this.offered?.file ?? 'none');
    writeFileSync(path, bytes);
    return [path];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

let dir: string;
let feed: FolderFeed;
let release: Release;

beforeEach(async () => {
  electronFake.reset();
  dir = mkdtempSync(join(tmpdir(), 'esik-updater-'));
  release = writeRelease(join(dir, 'feed'), { version: '0.2.0', key: vendor.privateKey });
  feed = await serveFolder(release.folder);
});

afterEach(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron updater', () => {
  it('is not there in an app run from the sources', () => {
    electronFake.app.isPackaged = false;
    expect(shellUpdateInstaller(() => undefined, () => Promise.reject(new Error('never loaded')))).toBeNull();
  });

  it('turns off electron-updater’s own download and install, sets the generic feed, and downloads only the version checked', async () => {
    electronFake.app.isPackaged = true;
    const engine = new FeedEngine(dir);
    const lines: string[] = [];
    const installer = shellUpdateInstaller((line) => lines.push(line), () => Promise.resolve(engine));
    expect(installer).not.toBeNull();
    const path = await installer?.download(feed.url, '0.2.0');
    expect(engine).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false, feed: { provider: 'generic', url: feed.url } });
    expect(path).toBe(join(dir, release.installer));
    installer?.install();
    expect(engine.installs).toEqual([[true, true]]);
  });

  it('refuses a feed that now offers another version than the core checked, and then installs nothing', async () => {
    electronFake.app.isPackaged = true;
    const engine = new FeedEngine(dir);
    const lines: string[] = [];
    const installer = shellUpdateInstaller((line) => lines.push(line), () => Promise.resolve(engine));
    await expect(installer?.download(feed.url, '0.1.9')).rejects.toThrow('the feed now offers 0.2.0, not the 0.1.9 checked');
    installer?.install();
    expect(engine.installs).toEqual([]);
    expect(lines).toContain('[updates] install asked with nothing downloaded: ignored');
  });
});
