// The shell's side as the core sees it, for tests where no Electron runs: downloads from the feed it is pointed at
// over real HTTP, as electron-updater's generic provider does (the channel file, then the installer it names, into a
// cache folder), and counts the installs it was told to run instead of quitting into them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedFileUrl } from '../update-feed.js';
import type { UpdateInstaller } from '../update-installer.js';

export interface FetchingInstaller extends UpdateInstaller {
  readonly installs: number;
  readonly downloads: { feedUrl: string; version: string }[];
}

export function fetchingInstaller(cacheDir: string, channelFile = 'latest-linux.yml'): FetchingInstaller {
  const downloads: { feedUrl: string; version: string }[] = [];
  let installs = 0;
  return {
    get installs() {
      return installs;
    },
    downloads,
    async download(feedUrl, version) {
      downloads.push({ feedUrl, version });
      const channel = await (await fetch(feedFileUrl(feedUrl, channelFile))).text();
      const offered = /^version: (.+)$/m.exec(channel)?.[1];
      const file = /^ {2}- url: (.+)$/m.exec(channel)?.[1];
      if (offered !== version || !file) throw new Error(`the feed offers ${offered ?? 'nothing'}, not ${version}`);
      const response = await fetch(feedFileUrl(feedUrl, file));
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${file}`);
      mkdirSync(cacheDir, { recursive: true });
      const path = join(cacheDir, file);
      writeFileSync(path, Buffer.from(await response.arrayBuffer()));
      return path;
    },
    install() {
      installs += 1;
    },
  };
}
