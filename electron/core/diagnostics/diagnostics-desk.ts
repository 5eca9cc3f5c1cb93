// The diagnostics page's report and the support bundle, from what the core holds open: read on request, nothing kept.
import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { arch, freemem, platform, totalmem, uptime } from 'node:os';
import { join } from 'node:path';
import type { BackupSummary, Diagnostics, DiskWarning, ScreenDiagnostics } from '../../../shared/admin/diagnostics-contract.js';
import type { KioskStatus, ReaderState } from '../../../shared/api/contract.js';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import { toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import { freeBytes } from '../db/storage-probe.js';
import { listLogFiles } from '../logging/log-files.js';
import { logFolderOf } from '../logging/rotating-log-file.js';
import { databaseCounts } from './database-counts.js';
import { writeSupportBundle, type SupportBundle } from './support-bundle.js';

/** Which shell runs the core, and its version (app.getVersion() in Electron, package.json's in the web host). */
export interface ShellInfo {
  kind: 'electron' | 'web' | 'test';
  version: string;
}

export interface DiagnosticsDeskOptions {
  db: Database;
  dataDir: string;
  databasePath: string;
  deviceId: string;
  shell: ShellInfo;
  status: () => KioskStatus;
  readers: () => ReaderState[];
  sync: () => SyncStatus | null;
  /** The backups' summary (backup-summary.ts over the backup desk's status). */
  backups: () => BackupSummary;
  /** The disk watch's last look (electron/core/disk/disk-watch.ts): threshold, growth, whether it warns. */
  disk: () => DiskWarning | null;
  now: () => Date;
  /** Where local times are told (the kiosk clock's zone: time/clock.ts zoneOf). */
  zone: () => LocalZone | undefined;
  log: (line: string) => void;
}

export class DiagnosticsDesk {
  constructor(private readonly options: DiagnosticsDeskOptions) {}

  report(): Diagnostics {
    const o = this.options;
    const now = o.now();
    const status = o.status();
    const ready = status.state === 'ready' ? status : status.state === 'cannot-record' ? status.door : null;
    const verified = o.db.prepare<[string], { seq: number; verified_ms: number }>('SELECT seq, verified_ms FROM chain_verified WHERE device_id = ?').get(o.deviceId);
    const logDir = logFolderOf(o.dataDir);
    const logFiles = listLogFiles(logDir);
    const memory = process.memoryUsage();
    return {
      takenMs: now.getTime(),
      app: { version: o.shell.version, shell: o.shell.kind, node: process.versions.node, electron: process.versions.electron ?? null, platform: platform(), arch: arch() },
      deviceId: o.deviceId,
      dataDir: o.dataDir,
      disk: {
        freeBytes: freeBytes(o.dataDir),
        databaseBytes: sizeOf(o.databasePath),
        walBytes: sizeOf(`${o.databasePath}-wal`),
        logBytes: logFiles.reduce((sum, file) => sum + sizeOf(join(logDir, file.name)), 0),
        logFiles: logFiles.length,
        watch: o.disk(),
      },
      counts: databaseCounts(o.db),
      state: status.state,
      chain: ready
        ? { ...pick(ready.chain), lastFullCheckMs: verified?.verified_ms ?? null, verifiedThroughSeq: verified?.seq ?? null }
        : null,
      backups: o.backups(),
      readers: o.readers(),
      sync: o.sync(),
      clock: { nowIso: now.toISOString(), osTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, osOffsetMinutes: -now.getTimezoneOffset() },
      uptime: { processSeconds: Math.round(process.uptime()), systemSeconds: Math.round(uptime()) },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, systemFreeBytes: freemem(), systemTotalBytes: totalmem() },
    };
  }

  /** The logs and this report with the screen's part, zipped into the exports folder. */
  async bundle(screen: ScreenDiagnostics): Promise<SupportBundle> {
    const written = await writeSupportBundle(this.options.dataDir, { ...this.report(), screen }, toLocalTime(this.options.now(), this.options.zone()));
    this.options.log(`[diagnostics] support bundle ${written.fileName} written (${written.logFiles} log files, ${written.bytes} bytes)`);
    return written;
  }
}

function pick(chain: Extract<KioskStatus, { state: 'ready' }>['chain']) {
  return { intact: chain.intact, events: chain.events, end: chain.end, fullCheck: chain.fullCheck };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export { backupSummaryOf } from './backup-summary.js';
