// What the core needs from a shell that can install (electron/main/updater.ts, over electron-updater): fetch the
// update a generic feed offers, and quit into its installer. The web host has none: it checks, stages and decides,
// and says it cannot install.
export interface UpdateInstaller {
  /**
   * Points the updater at a generic feed, asks it for the version the core has checked, downloads it and resolves the
   * downloaded installer's path (checked by the core against the signed channel file before anything runs it).
   * Rejects when the feed offers another version or the download fails.
   */
  download(feedUrl: string, version: string): Promise<string>;
  /** Quits the kiosk and runs the downloaded installer. */
  install(): void;
}
