// The Electron side of updates: electron-updater on a generic feed, driven by the core's update desk
// (electron/core/updates/). The core decides when to look, what to trust and when to install; this only points
// electron-updater at the feed the core checked (the admin's, or a USB stick's staged copy on 127.0.0.1), downloads
// the version the core named, and quits into the installer when the core says so. Nothing here downloads or installs
// by itself: autoDownload and autoInstallOnAppQuit are off, so a restart at the morning rush never installs anything.
import { app } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { UpdateInstaller } from '../core/updates/update-desk.js';

/** What the shell uses of electron-updater's AppUpdater. */
export type UpdaterEngine = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade'>;

/** electron-updater's updater for this platform, loaded only when first needed: it reads Electron's app when made. */
async function platformUpdater(): Promise<UpdaterEngine> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}

/** The installer for the core, or null where electron-updater cannot install: an app run from the sources. */
export function shellUpdateInstaller(log: (line: string) => void, load: () => Promise<UpdaterEngine> = platformUpdater): UpdateInstaller | null {
  if (!app.isPackaged) return null;
  let engine: UpdaterEngine | null = null;
  const ready = async (): Promise<UpdaterEngine> => {
    if (engine) return engine;
    const loaded = await load();
    loaded.autoDownload = false;
    loaded.autoInstallOnAppQuit = false;
    loaded.allowDowngrade = false;
    engine = loaded;
    return loaded;
  };
  let downloaded = false;
  return {
    async download(feedUrl, version) {
      const updater = await ready();
      downloaded = false;
      updater.setFeedURL({ provider: 'generic', url: feedUrl });
      const found = await updater.checkForUpdates();
      if (!found?.isUpdateAvailable) throw new Error(`the updater found no update at ${feedUrl}`);
      // The feed may have changed since the core checked it: only the version the core verified is taken.
      if (found.updateInfo.version !== version) throw new Error(`the feed now offers ${found.updateInfo.version}, not the ${version} checked`);
      const [file] = await updater.downloadUpdate();
      if (!file) throw new Error('the updater downloaded no file');
      downloaded = true;
      log(`[updates] electron-updater downloaded ${version}`);
      return file;
    },
    install() {
      if (!engine || !downloaded) {
        log('[updates] install asked with nothing downloaded: ignored');
        return;
      }
      log('[updates] quitting into the installer');
      // Silent, and the kiosk starts again once installed.
      engine.quitAndInstall(true, true);
    },
  };
}
