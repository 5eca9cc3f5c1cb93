// The door's side of the core over one database: a card or a QR code identified into an offer, the offer confirmed,
// renewed or cancelled, and refused attempts kept (held in memory while the disk is full). The door handlers and the
// core's HID readers get one method per thing they do; the check-in service and the refused attempts stay inside.
import type { CardNumber } from '../../../shared/credentials/card-number.js';
import type { Database } from 'better-sqlite3';
import type { CheckinReceipt, ScanOutcome, StaffAlert, StorageProblem } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import { verifyQr } from '../credentials/qr-verifier.js';
import type { TrustedKeys } from '../credentials/trusted-keys.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import { SettingsStore } from '../ledger/settings-store.js';
import type { RosterStore } from '../roster/roster-store.js';
import type { Clock } from '../time/clock.js';
import { CheckinService } from './checkin-service.js';
import { RefusedAttempts } from './refused-attempts.js';

export interface DoorDeskOptions {
  db: Database;
  clock: Clock;
  /** This kiosk's chain: every recorded arrival and departure is appended to it. */
  log: AttendanceLog;
  roster: RosterStore;
  /** The keys QR codes are checked against (the city's, and this kiosk's own). */
  keys: TrustedKeys;
  /** Told when staff must step in (someone tried to collect a child they may not take). */
  alert: (alert: StaffAlert) => void;
  /** Whether a card no companion holds is a staff member's (the staff desk knows): the door then hands it over. */
  isStaffCard: (card: CardNumber) => boolean;
  /** Told when the disk refused to keep a refused attempt: the door cannot record. */
  onStorageProblem: (problem: StorageProblem, error: unknown) => void;
  report: (line: string) => void;
}

export class DoorDesk {
  private readonly settings: SettingsStore;
  private readonly refused: RefusedAttempts;
  private readonly checkin: CheckinService;

  constructor(options: DoorDeskOptions) {
    const { db, roster, keys } = options;
    this.settings = SettingsStore.of(db, options.report);
    this.refused = new RefusedAttempts(db, { onStorageProblem: options.onStorageProblem, log: options.report });
    this.checkin = new CheckinService({
      clock: options.clock,
      log: options.log,
      roster,
      refused: this.refused,
      settings: this.settings,
      verifyQr: (text, now) =>
        verifyQr(text, now, {
          // Read per scan: a roster from the city may change the kindergarten while the kiosk runs.
          kindergartenId: roster.kindergarten()?.id,
          findKey: (id) => keys.find(id),
          findCredential: (id) => roster.credential('qr', id),
        }),
      alert: options.alert,
      isStaffCard: options.isStaffCard,
    });
  }

  /**
   * A card read at the door. An HID reader's card comes with its reader's format applied (HidReaderService); a typed
   * card is read with the keyboard readers' format.
   */
  identifyCard(raw: string, source: CardSource): Result<ScanOutcome> {
    if (this.isOffice()) return notADoor();
    return this.checkin.identifyCard(raw, source === 'hid' ? 'canonical' : this.settings.get('keyboardReader').format);
  }

  identifyQr(text: string): Result<ScanOutcome> {
    if (this.isOffice()) return notADoor();
    return this.checkin.identifyQr(text);
  }

  /** Records the chosen children of an offer after checking every rule again (checkin-service.ts). */
  confirm(offerId: string, childIds: readonly string[], leavingNow: readonly string[]): Result<CheckinReceipt> {
    if (this.isOffice()) return notADoor();
    return this.checkin.confirm(offerId, childIds, leavingNow);
  }

  /** An offer refused as stale, identified again from the same credential. */
  renew(offerId: string): Result<ScanOutcome> {
    if (this.isOffice()) return notADoor();
    return this.checkin.renew(offerId);
  }

  cancel(offerId: string): void {
    this.checkin.cancel(offerId);
  }

  /** Writes the refused attempts held while the disk was full; quietly, the next probe tries again. */
  writeHeld(): void {
    this.refused.flushQuietly();
  }

  /**
   * The office PC has no door (docs/peers.md §2): whatever calls the API, a tap or an offer there is refused, nothing
   * recorded and no refused attempt kept (nobody stood at a door). Read per request: an admin may change the role.
   */
  private isOffice(): boolean {
    return this.settings.get('machineRole') === 'office';
  }

  /** Stops the timer that writes the last repeats of a burst. */
  stop(): void {
    this.refused.stop();
  }
}

function notADoor<T>(): Result<T> {
  return fail('NOT_A_DOOR', 'this computer is the office: it has no door');
}
