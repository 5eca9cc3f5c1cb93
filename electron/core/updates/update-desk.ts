// The update desk: where updates come from, what the last check found, and when one installs. A daily check of the
// admin's feed (update-policy.ts), the download in the background by the shell's installer as soon as a newer,
// signed version is found, the installer checked against the signed channel file, and the install only in the quiet
// hours or on an admin's "now", never in the door's day. A folder on a USB stick is checked and staged the same way
// and handed to the installer as a feed on 127.0.0.1. The admin's settings and acts are audited.
import type { KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import type { PendingUpdate, QuietHoursSetting, UpdateCheck, UpdateRefusal, UpdatesOverview } from '../../../shared/admin/update-contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { Caller } from '../guards/request-guards.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { askFeed } from './update-feed.js';
import { checkUpdateFile } from './update-file-check.js';
import { stageFromFolder } from './update-folder.js';
import { serveFolder } from './update-folder-server.js';
import type { UpdateInstaller } from './update-installer.js';
import { trustedUpdateKeys } from './update-keys.js';
import { channelFileName, compareVersions, type UpdateManifest } from './update-manifest.js';
import { checkDue, doorHours, mayInstall } from './update-policy.js';

export interface UpdateDeskOptions {
  dataDir: string;
  settings: SettingsStore;
  audit: AdminAudit;
  clock: Clock;
  log: (line: string) => void;
  /** This build's version. */
  currentVersion: string;
  /** The channel file to read; by default the one this platform's installer reads (update-manifest.ts). */
  channelFile?: string;
  /** Public keys trusted beside the built-in ones (update-keys.ts), base64url: the web host's and tests'. */
  extraTrustedKeys?: readonly string[];
  /** The shell's installer; null in the web host and tests that only check. */
  installer: UpdateInstaller | null;
  /** How often the desk looks whether a check is due or an install may run; 10 minutes by default. */
  tickMs?: number;
}

const TICK_MS = 10 * 60_000;

export type { UpdateInstaller } from './update-installer.js';

interface Found {
  manifest: UpdateManifest;
  source: 'feed' | 'folder';
  /** Where the installer fetches it: the feed, or the staged folder (served on 127.0.0.1 while it downloads). */
  from: { feedUrl: string } | { stagedFolder: string };
}

export class UpdateDesk {
  private timer: ReturnType<typeof setInterval> | null = null;
  private pending: PendingUpdate | null = null;
  private found: Found | null = null;
  private busy = false;
  private stopped = false;
  private readonly channelFile: string;
  private readonly trustedKeys: readonly KeyObject[];

  constructor(private readonly options: UpdateDeskOptions) {
    this.channelFile = options.channelFile ?? channelFileName(process.platform);
    this.trustedKeys = trustedUpdateKeys(options.extraTrustedKeys, (key) => options.log(`[updates] not an Ed25519 public key, left out: ${key.slice(0, 16)}…`));
    if (this.trustedKeys.length === 0) options.log('[updates] this build trusts no update key: every feed and folder will be refused (docs/updates.md)');
  }

  start(): void {
    if (this.timer || this.stopped) return;
    // A round that fails (the records read-only on a full or vanished disk) is logged and the next one tries again: a
    // rejection left to the timer would end the web host's process.
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.options.log(`[updates] the update round failed: ${error instanceof Error ? error.message : String(error)}`));
    }, this.options.tickMs ?? TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  overview(): UpdatesOverview {
    const s = this.options.settings;
    return {
      currentVersion: this.options.currentVersion,
      canInstall: this.options.installer !== null,
      feedUrl: s.get('updateFeedUrl'),
      quietHours: { ...s.get('updateQuietHours') },
      doorHours: doorHours(this.doorDay()),
      lastCheck: s.get('updateLastCheck'),
      pending: this.pending,
    };
  }

  setFeed(caller: Caller, feedUrl: string | null): UpdatesOverview {
    const before = this.options.settings.get('updateFeedUrl');
    if (before !== feedUrl) {
      this.options.settings.set('updateFeedUrl', feedUrl);
      this.options.audit.record('update-feed-set', caller.member.id, caller.at, { from: before, to: feedUrl });
    }
    return this.overview();
  }

  setQuietHours(caller: Caller, hours: QuietHoursSetting): UpdatesOverview {
    const before = this.options.settings.get('updateQuietHours');
    if (before.from !== hours.from || before.to !== hours.to) {
      this.options.settings.set('updateQuietHours', hours);
      this.options.audit.record('update-quiet-hours-set', caller.member.id, caller.at, { from: before, to: hours });
    }
    return this.overview();
  }

  /** The daily round: check when due, install a ready update when the hour allows. */
  async tick(): Promise<void> {
    if (this.stopped || this.busy) return;
    const nowMs = this.options.clock.now().getTime();
    const last = this.options.settings.get('updateLastCheck');
    const feedUrl = this.options.settings.get('updateFeedUrl');
    if (feedUrl && checkDue(last?.source === 'feed' ? { atMs: last.atMs, ok: last.outcome !== 'refused' } : null, nowMs)) await this.checkFeed(feedUrl);
    if (this.pending?.state === 'ready' && this.options.installer) {
      const verdict = mayInstall({ nowMs: this.options.clock.now().getTime(), zone: zoneOf(this.options.clock), quietHours: this.options.settings.get('updateQuietHours'), door: this.doorDay(), adminSaysNow: false });
      if (verdict.allowed) {
        this.options.log(`[updates] installing ${this.pending.version} in the quiet hours`);
        this.options.installer.install();
      }
    }
  }

  async checkNow(): Promise<Result<UpdatesOverview>> {
    const feedUrl = this.options.settings.get('updateFeedUrl');
    if (!feedUrl) return fail('UPDATE_FEED_NOT_SET');
    if (this.busy) return fail('UPDATE_BUSY');
    await this.checkFeed(feedUrl);
    return ok(this.overview());
  }

  async fromFolder(caller: Caller, folder: string): Promise<Result<UpdatesOverview>> {
    if (this.busy) return fail('UPDATE_BUSY');
    this.busy = true;
    try {
      const staged = await stageFromFolder(folder, this.options.dataDir, this.channelFile, this.trustedKeys);
      const outcome = staged.ok ? this.offered({ manifest: staged.manifest, source: 'folder', from: { stagedFolder: staged.folder } }) : this.refused('folder', staged.code, staged.detail);
      this.options.audit.record('update-from-folder', caller.member.id, caller.at, { folder, version: staged.ok ? staged.manifest.version : null, outcome: outcome.outcome, code: outcome.code });
      if (outcome.code) return fail(outcome.code, outcome.detail ?? undefined);
      if (outcome.outcome === 'up-to-date') return fail('UPDATE_NOT_NEWER', `the folder holds ${outcome.version ?? '?'}; this kiosk runs ${this.options.currentVersion}`);
    } finally {
      this.busy = false;
    }
    await this.download();
    return ok(this.overview());
  }

  installNow(caller: Caller): Result<UpdatesOverview> {
    const verdict = mayInstall({ nowMs: this.options.clock.now().getTime(), zone: zoneOf(this.options.clock), quietHours: this.options.settings.get('updateQuietHours'), door: this.doorDay(), adminSaysNow: true });
    if (!verdict.allowed) return fail('UPDATE_DOOR_HOURS', `${verdict.doorHours.from}–${verdict.doorHours.to}`);
    if (!this.options.installer) return fail('UPDATE_NOT_INSTALLABLE');
    if (this.pending?.state !== 'ready') return fail('UPDATE_NOTHING_READY');
    this.options.audit.record('update-install-ordered', caller.member.id, caller.at, { version: this.pending.version, source: this.pending.source });
    this.options.log(`[updates] installing ${this.pending.version}: an admin said now`);
    this.options.installer.install();
    return ok(this.overview());
  }

  private doorDay(): { headcountCutOff: string; closingTime: string } {
    return { headcountCutOff: this.options.settings.get('headcountCutOff'), closingTime: this.options.settings.get('closingTime') };
  }

  private async checkFeed(feedUrl: string): Promise<void> {
    this.busy = true;
    try {
      const answer = await askFeed(feedUrl, this.channelFile, this.trustedKeys);
      // The kiosk closed while the feed answered (a restore, "Start afresh"): its records are closed with it.
      if (this.stopped) {
        this.options.log(`[updates] the feed answered after the updates stopped; its answer is dropped`);
        return;
      }
      if (answer.ok) this.offered({ manifest: answer.manifest, source: 'feed', from: { feedUrl } });
      else this.refused('feed', answer.code, answer.detail);
    } finally {
      this.busy = false;
    }
    await this.download();
  }

  /** Notes a checked channel file: up to date, or a newer version now pending. */
  private offered(found: Found): UpdateCheck {
    const newer = compareVersions(found.manifest.version, this.options.currentVersion) > 0;
    const check = this.note({ source: found.source, outcome: newer ? 'available' : 'up-to-date', version: found.manifest.version, code: null, detail: null });
    // The same version already downloaded and checked stays ready; anything else starts again.
    if (newer && !(this.pending?.state === 'ready' && this.pending.version === found.manifest.version && this.pending.source === found.source)) {
      this.found = found;
      this.pending = { version: found.manifest.version, source: found.source, state: 'offered', code: null };
    }
    return check;
  }

  private refused(source: 'feed' | 'folder', code: UpdateRefusal, detail: string): UpdateCheck {
    this.options.log(`[updates] ${source} refused: ${code} ${detail}`);
    return this.note({ source, outcome: 'refused', version: null, code, detail });
  }

  private note(check: Omit<UpdateCheck, 'atMs'>): UpdateCheck {
    const noted = { atMs: this.options.clock.now().getTime(), ...check };
    this.options.settings.set('updateLastCheck', noted);
    return noted;
  }

  /** Downloads the pending update in the background through the shell, and checks what it downloaded. */
  private async download(): Promise<void> {
    const installer = this.options.installer;
    const found = this.found;
    if (!installer || !found || this.pending?.state !== 'offered' || this.stopped) return;
    const pending = (state: PendingUpdate['state'], code: UpdateRefusal | null): void => {
      this.pending = { version: found.manifest.version, source: found.source, state, code };
    };
    this.busy = true;
    pending('downloading', null);
    const served = 'stagedFolder' in found.from ? await serveFolder(found.from.stagedFolder) : null;
    try {
      const path = await installer.download(served?.url ?? ('feedUrl' in found.from ? found.from.feedUrl : ''), found.manifest.version);
      const expected = found.manifest.files.find((file) => file.url === basename(path));
      const check = expected ? await checkUpdateFile(path, expected) : ({ ok: false, code: 'UPDATE_FILE_MISMATCH', detail: `${basename(path)} is not named in the signed channel file` } as const);
      if (check.ok) {
        pending('ready', null);
        this.options.log(`[updates] ${found.manifest.version} downloaded and checked; it installs in the quiet hours`);
      } else {
        pending('failed', check.code);
        this.options.log(`[updates] the downloaded installer is refused: ${check.code} ${check.detail}`);
      }
    } catch (error) {
      pending('failed', 'UPDATE_DOWNLOAD_FAILED');
      this.options.log(`[updates] download failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await served?.close();
      this.busy = false;
    }
  }
}
