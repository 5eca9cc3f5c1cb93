// The backup desk: the kiosk's backups as the core and the admin console see them. A check every few minutes whether a
// copy is due (backup-schedule.ts), one job at a time in its worker (backup-runner.ts), what the last good copy and the
// last failure were, and the admin's settings: the retention and the encrypted second place. Nothing heavy runs on
// this thread: listing the manifests (a few dozen small files) is all it reads.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_PASSPHRASE_LENGTH, type BackupCopy, type BackupKind, type BackupRetention, type BackupStatus, type SecondPlaceStatus } from '../../../shared/admin/backup-contract.js';
import type { CopyChoice, RestoreOutcome } from '../../../shared/admin/restore-contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { SecretStore } from '../files/secret-store.js';
import type { Caller } from '../guards/request-guards.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { BackupKeySchema, deriveBackupKey, passphraseOpens, type BackupKey } from './backup-crypto.js';
import type { BackupJobOutcome, BackupJobRequest } from './backup-job.js';
import { backupsDir, FAILED_FOLDER, listCopies } from './backup-manifest.js';
import { startBackupJob, type RunningBackup } from './backup-runner.js';
import { DoorQuiet, doorRequest } from './door-quiet.js';
import { dueBackup } from './backup-schedule.js';
import { ARCHIVE_COPIES_FOLDER, copyArchiveFiles } from './archive-copies.js';
import { secondPlaceFolder } from './second-place.js';
import type { RestoreDesk } from './restore/restore-desk.js';
import type { RestorableList } from './restore/restorable-copies.js';

export interface BackupDeskOptions {
  dataDir: string;
  databasePath: string;
  settings: SettingsStore;
  /** Where the admin's changes to the backup settings are recorded. */
  audit: AdminAudit;
  secrets: SecretStore;
  clock: Clock;
  nativeBinding: string | null;
  /** The backup worker (dist/backup-worker.mjs); null runs jobs in this thread (tests). */
  workerScript: string | URL | null;
  /** This kiosk's newest event's seq (0: none): the door in use since the last copy makes an hourly one due. */
  newestSeq: () => number;
  log: (line: string) => void;
  /** How often a copy being due is checked; 5 minutes by default. The first check comes one interval after start. */
  checkEveryMs?: number;
  /** Restores a copy (the kiosk core's, which outlives these records). */
  restores: RestoreDesk;
  /** Where the door's last act is kept for the jobs (door-quiet.ts); absent, a buffer of the desk's own. */
  doorBuffer?: SharedArrayBuffer;
}

const CHECK_EVERY_MS = 5 * 60_000;
const KEY_SECRET = 'backup-key';

type LastSecondPlace = NonNullable<SecondPlaceStatus['last']>;

export class BackupDesk {
  private timer: ReturnType<typeof setInterval> | null = null;
  private job: { running: RunningBackup; kind: BackupKind } | null = null;
  private lastGood: BackupCopy | null = null;
  private lastFailure: { ms: number; code: string; detail: string } | null = null;
  private lastSecondPlace: LastSecondPlace | null = null;
  private stopped = false;
  /** When the door last acted, shared with the jobs' threads: they give way to people at the door. */
  private readonly door: DoorQuiet;

  constructor(private readonly options: BackupDeskOptions) {
    this.door = new DoorQuiet(options.doorBuffer);
    this.lastGood = this.listGood()[0] ?? null;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.tick(), this.options.checkEveryMs ?? CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.job?.running.stop();
    this.job = null;
  }

  /** A person acted at the door now (a tap, a scan, a choice): a job running takes no step until the door is quiet. */
  doorActed(): void {
    this.door.doorActed();
  }

  /** Takes the copy that is due, if one is and none is running. */
  tick(): void {
    if (this.job || this.stopped) return;
    const kind = dueBackup({
      nowMs: this.options.clock.now().getTime(),
      zone: zoneOf(this.options.clock),
      lastGood: this.lastGood ? { takenMs: this.lastGood.takenMs, headSeq: this.lastGood.head?.seq ?? 0 } : null,
      newestSeq: this.options.newestSeq(),
      lastFailureMs: this.lastFailure?.ms ?? null,
    });
    if (kind !== null) void this.run(kind);
  }

  /** A copy now; while one runs, its outcome (an admin pressing twice gets one copy, not two). */
  run(kind: BackupKind = 'manual'): Promise<BackupJobOutcome> {
    if (this.job) return this.job.running.outcome;
    if (this.stopped) return Promise.resolve({ kind: 'failed', code: 'BACKUP_FAILED', detail: 'the kiosk is closing', copy: null });
    const nowMs = this.options.clock.now().getTime();
    const secondPlace = this.secondPlaceForJob(nowMs);
    const running = startBackupJob(
      {
        databasePath: this.options.databasePath,
        dataDir: this.options.dataDir,
        kind,
        takenMs: nowMs,
        nativeBinding: this.options.nativeBinding,
        retention: this.options.settings.get('backupRetention'),
        zone: zoneOf(this.options.clock) ?? null,
        secondPlace,
        door: doorRequest(this.door),
      },
      this.options.workerScript,
    );
    const job = { running, kind };
    this.job = job;
    return running.outcome.then((outcome) => {
      if (this.job === job) this.job = null;
      if (!this.stopped) this.settled(outcome);
      if (outcome.kind === 'verified' && !this.stopped) void this.copyArchives(secondPlace, outcome.copy.deviceId);
      return outcome;
    });
  }

  status(): BackupStatus {
    const place = this.options.settings.get('backupSecondPlace');
    const key = place ? this.key() : null;
    return {
      running: this.job !== null,
      lastGood: this.lastGood,
      lastFailure: this.lastFailure ? { at: new Date(this.lastFailure.ms).toISOString(), code: this.lastFailure.code, detail: this.lastFailure.detail } : null,
      retention: this.options.settings.get('backupRetention'),
      secondPlaceRetention: this.options.settings.get('backupSecondPlaceRetention'),
      secondPlace: place ? { folder: place.folder, keySetAt: key?.setAt ?? '', last: this.lastSecondPlace } : null,
    };
  }

  /** The verified copies, newest first, and those put aside as failed. */
  copies(): { copies: BackupCopy[]; failed: BackupCopy[] } {
    const folder = backupsDir(this.options.dataDir);
    return { copies: this.listGood(), failed: listCopies(join(folder, FAILED_FOLDER), this.skipped) };
  }

  /** Every copy a restore may choose: the verified local ones and the second place's encrypted ones. */
  restorableCopies(): RestorableList {
    return this.options.restores.copies(this.options.settings.get('backupSecondPlace')?.folder ?? null);
  }

  /** Restores a copy from the console: the door stops, these records are put aside, and the kiosk opens on the copy. */
  restore(copy: CopyChoice, pin: string, passphrase: string | null): Promise<Result<RestoreOutcome>> {
    return this.options.restores.restore(copy, pin, passphrase, this.options.settings.get('backupSecondPlace')?.folder ?? null, 'console');
  }

  /** The retentions the admin set; each one changed is an admin-audit row with what it was and what it is now. */
  setRetention(by: Caller, retention: BackupRetention, secondPlaceRetention?: BackupRetention): BackupStatus {
    const { settings, audit } = this.options;
    const change = (place: 'local' | 'second-place', key: 'backupRetention' | 'backupSecondPlaceRetention', to: BackupRetention | undefined): void => {
      const from = settings.get(key);
      if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) return;
      settings.set(key, to);
      audit.record('backup-retention-set', by.member.id, by.at, { place, from, to });
    };
    change('local', 'backupRetention', retention);
    change('second-place', 'backupSecondPlaceRetention', secondPlaceRetention);
    return this.status();
  }

  /**
   * The second place: the folder must be there and take a file now; the passphrase goes through scrypt (on the thread
   * pool) and only the derived key is kept, sealed in the SecretStore. The passphrase itself is dropped here.
   */
  async setSecondPlace(by: Caller, input: { folder: string; passphrase: string; currentPassphrase?: string | undefined }): Promise<Result<BackupStatus>> {
    const { folder, passphrase } = input;
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return fail('BACKUP_PASSPHRASE_TOO_SHORT', `at least ${MIN_PASSPHRASE_LENGTH} characters`);
    // Once a passphrase is set, only someone who knows it changes the second place: the copies already there stay
    // readable by a passphrase the admin knows. (A key that cannot be read any more asks for nothing: nothing opens it.)
    const current = this.options.settings.get('backupSecondPlace') ? this.key() : null;
    const currentPassphrase = input.currentPassphrase ?? passphrase;
    if (current && !(await passphraseOpens(current, currentPassphrase))) return fail('BACKUP_PASSPHRASE_NOT_CURRENT', 'the current recovery passphrase is another one');
    const unreachable = folderProblem(folder);
    if (unreachable !== null) return fail('BACKUP_FOLDER_UNREACHABLE', unreachable);
    const keep = current !== null && passphrase === currentPassphrase;
    const key = keep ? current : await deriveBackupKey(passphrase, this.options.clock.now());
    const from = this.options.settings.get('backupSecondPlace')?.folder ?? null;
    this.options.secrets.set(KEY_SECRET, JSON.stringify(key));
    this.options.settings.set('backupSecondPlace', { folder });
    this.options.audit.record('backup-second-place-set', by.member.id, by.at, { folder, from, passphrase: current === null ? 'set' : keep ? 'kept' : 'changed' });
    this.lastSecondPlace = null;
    this.options.log(`[backup] second place set: ${folder} (key derived ${key.setAt})`);
    return ok(this.status());
  }

  clearSecondPlace(by: Caller): BackupStatus {
    const folder = this.options.settings.get('backupSecondPlace')?.folder ?? null;
    this.options.settings.set('backupSecondPlace', null);
    this.options.secrets.delete(KEY_SECRET);
    if (folder !== null) this.options.audit.record('backup-second-place-cleared', by.member.id, by.at, { folder });
    this.lastSecondPlace = null;
    this.options.log('[backup] second place cleared');
    return this.status();
  }

  private readonly skipped = (file: string, why: string): void => this.options.log(`[backup] manifest ${file} skipped: ${why}`);

  private listGood(): BackupCopy[] {
    return listCopies(backupsDir(this.options.dataDir), this.skipped).filter((copy) => copy.verified);
  }

  private key(): BackupKey | null {
    const raw = this.options.secrets.get(KEY_SECRET);
    if (raw === null) return null;
    try {
      return BackupKeySchema.parse(JSON.parse(raw));
    } catch (error) {
      this.options.log(`[backup] the second place's key cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** What the job needs to write the second place; a folder without a readable key is reported, and skipped. */
  /** The yearly archive files, copied once beside the copies and to the second place (archive-copies.ts). */
  private copyArchives(place: BackupJobRequest['secondPlace'], deviceId: string | null): Promise<unknown> {
    const secondPlace = place && deviceId ? { folder: join(secondPlaceFolder(place.folder, deviceId), ARCHIVE_COPIES_FOLDER), key: place.key } : null;
    return copyArchiveFiles({ dataDir: this.options.dataDir, secondPlace, log: this.options.log });
  }

  private secondPlaceForJob(nowMs: number): BackupJobRequest['secondPlace'] {
    const place = this.options.settings.get('backupSecondPlace');
    if (!place) return null;
    const key = this.key();
    if (key) return { folder: place.folder, key, retention: this.options.settings.get('backupSecondPlaceRetention') };
    this.lastSecondPlace = { state: 'failed', at: new Date(nowMs).toISOString(), file: null, detail: 'its key cannot be read here: set the recovery passphrase again' };
    return null;
  }

  private settled(outcome: BackupJobOutcome): void {
    const nowMs = this.options.clock.now().getTime();
    if (outcome.kind === 'failed') {
      this.lastFailure = { ms: nowMs, code: outcome.code, detail: outcome.detail };
      this.options.log(`[backup] ${outcome.code}: ${outcome.detail}${outcome.copy ? ` (kept aside as ${FAILED_FOLDER}/${outcome.copy.file})` : ''}`);
      return;
    }
    const { copy } = outcome;
    this.lastGood = copy;
    this.lastFailure = null;
    this.options.log(
      `[backup] ${copy.kind} copy ${copy.file} verified: ${copy.counts?.events ?? 0} events, head ${copy.head?.seq ?? 0}, ` +
        `${copy.bytes} bytes (copy ${copy.copyMs} ms, check ${copy.verifyMs} ms)${outcome.pruned.length ? `; ${outcome.pruned.length} older pruned` : ''}`,
    );
    if (outcome.secondPlace) {
      this.lastSecondPlace = { state: outcome.secondPlace.state, at: new Date(nowMs).toISOString(), file: outcome.secondPlace.file, detail: outcome.secondPlace.detail };
      if (outcome.secondPlace.state !== 'written') this.options.log(`[backup] second place ${outcome.secondPlace.state}: ${outcome.secondPlace.detail ?? ''}`);
    }
  }
}

/** Why `folder` cannot be the second place now, or null: it must be an existing folder that takes a file. */
function folderProblem(folder: string): string | null {
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
    const probe = join(folder, `.esik-write-test-${randomBytes(4).toString('hex')}`);
    writeFileSync(probe, 'esik');
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The copy an upgrade waits for, taken as the records are opened (kiosk-core passes it to openDatabase). */
export { copyBeforeMigration } from './pre-migration-copy.js';
