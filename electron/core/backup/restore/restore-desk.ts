// The restore desk: restoring the records from a verified copy while the kiosk runs, from the console (the backup desk
// hands its requests here) or from the damaged-records screen. It lives beside the open records, not inside them: on a
// damaged file there is no store, and the restore is what opens one again.
//
// The door is stopped only once the copy is checked and the admin recognised (restore-copy.ts: prepare), so a refusal
// leaves the door as it was. Stopping it closes every connection to the records file (the sync and check workers
// included) before the files are swapped; a tap made before the stop is in the records put aside, a tap during the swap
// is refused (DATABASE_UNAVAILABLE), and the door opens again on the restored copy.
import type { Database } from 'better-sqlite3';
import type { CopyChoice, RestorableCopy, RestoreOutcome } from '../../../../shared/admin/restore-contract.js';
import type { DatabaseProblem } from '../../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import type { SecretStore } from '../../files/secret-store.js';
import { ensurePinPepper } from '../../staff/pin-pepper.js';
import { zoneOf, type Clock } from '../../time/clock.js';
import { discardPrepared, messageOf, prepareRestore, putCopyInPlace, recordRestore, type RestoreVia } from './restore-copy.js';
import { localCopies, restorableCopies, type RestorableList } from './restorable-copies.js';

export interface RestoreDeskOptions {
  dataDir: string;
  databasePath: string;
  nativeBinding: string | null;
  secrets: SecretStore;
  clock: Clock;
  log: (line: string) => void;
  /** Closes the records and waits until nothing holds the file (the door, the workers). */
  stopDoor: () => Promise<void>;
  /** Opens the records again (on whatever file is in place now) and returns the open connection, or null. */
  reopen: () => Database | null;
}

/** The records problems a restore is offered for: the file is damaged, unreadable, or lost events. */
const RESTORABLE: readonly DatabaseProblem[] = ['DB_CORRUPT', 'DB_EVENTS_MISSING', 'DB_UNWRITABLE', 'DB_UNKNOWN'];
/** Wrong PINs in a row before a restore waits; the PIN checks of a restore have no records file to keep a lock in. */
const WRONG_PINS_BEFORE_LOCK = 5;
const LOCK_MS = 5 * 60_000;

export class RestoreDesk {
  private running = false;
  private wrongPins = 0;
  private lockedUntilMs = 0;

  constructor(private readonly options: RestoreDeskOptions) {}

  /** Every copy a restore may choose (the console). */
  copies(secondPlace: string | null): RestorableList {
    return restorableCopies(this.options.dataDir, secondPlace, (file, why) => this.options.log(`[restore] ${file} not listed: ${why}`));
  }

  /** The newest verified local copy, offered on the damaged-records screen; null when the problem is not one a copy mends. */
  offer(problem: DatabaseProblem | null): RestorableCopy | null {
    if (problem === null || !RESTORABLE.includes(problem)) return null;
    return localCopies(this.options.dataDir)[0] ?? null;
  }

  /** From the damaged-records screen: only the copy offered now, only while the records are damaged. */
  restoreDamaged(problem: DatabaseProblem | null, file: string, pin: string): Promise<Result<RestoreOutcome>> {
    const offered = this.offer(problem);
    if (problem === null || !RESTORABLE.includes(problem)) return Promise.resolve(fail('RESTORE_NOT_NEEDED'));
    if (offered?.file !== file) return Promise.resolve(fail('RESTORE_COPY_NOT_FOUND', `the copy offered now is ${offered?.file ?? 'none'}`));
    return this.restore({ source: 'local', file }, pin, null, null, 'damaged-screen');
  }

  async restore(choice: CopyChoice, pin: string, passphrase: string | null, secondPlace: string | null, via: RestoreVia): Promise<Result<RestoreOutcome>> {
    const nowMs = this.options.clock.now().getTime();
    if (nowMs < this.lockedUntilMs) return fail('RESTORE_PIN_LOCKED', `until ${new Date(this.lockedUntilMs).toISOString()}`);
    if (this.running) return fail('RESTORE_RUNNING');
    this.running = true;
    try {
      return await this.run(choice, pin, passphrase, secondPlace, via);
    } finally {
      this.running = false;
    }
  }

  private async run(choice: CopyChoice, pin: string, passphrase: string | null, secondPlace: string | null, via: RestoreVia): Promise<Result<RestoreOutcome>> {
    const { dataDir, databasePath, nativeBinding, log } = this.options;
    const places = { dataDir, databasePath, nativeBinding, secondPlace };
    const prepared = await prepareRestore(places, {
      choice,
      pin,
      passphrase,
      pepper: () => ensurePinPepper(this.options.secrets, dataDir, false),
    });
    if (!prepared.ok) {
      if (prepared.error.code === 'RESTORE_PIN_WRONG') this.wrongPin();
      log(`[restore] ${choice.source} copy ${choice.file} not restored: ${prepared.error.code}${prepared.error.detail ? ` (${prepared.error.detail})` : ''}`);
      return prepared;
    }
    this.wrongPins = 0;
    const ready = prepared.value;
    log(`[restore] ${ready.copy.file} checked (head ${ready.copy.head?.seq ?? 0}); stopping the door to put it in place (${via})`);
    await this.options.stopDoor();
    const nowMs = this.options.clock.now().getTime();
    const placed = putCopyInPlace(places, ready, nowMs, via);
    if (!placed.ok) {
      discardPrepared(ready);
      log(`[restore] ${ready.copy.file} could not be put in place: ${placed.error.detail ?? ''}; the records are opened as they were`);
      this.options.reopen();
      return placed;
    }
    const outcome: RestoreOutcome = { copy: ready.copy, setAside: placed.value.setAside };
    log(`[restore] ${ready.copy.file} is in place; the records in use before are in ${outcome.setAside}`);
    const db = this.options.reopen();
    if (db === null) {
      log('[restore] the restored records did not open: the restore is not in the admin audit (see the lines above)');
      return ok(outcome);
    }
    try {
      recordRestore(db, ready, outcome, via, toLocalTime(new Date(nowMs), zoneOf(this.options.clock)));
    } catch (error) {
      log(`[restore] the restore could not be written to the admin audit: ${messageOf(error)}`);
    }
    return ok(outcome);
  }

  /** Only a restore that gets past the PIN ends the count: other refusals between wrong PINs do not. */
  private wrongPin(): void {
    this.wrongPins += 1;
    if (this.wrongPins < WRONG_PINS_BEFORE_LOCK) return;
    this.wrongPins = 0;
    this.lockedUntilMs = this.options.clock.now().getTime() + LOCK_MS;
  }
}
