// What the console may ask of the shell that runs the kiosk: to close it when an admin leaves (their PIN again, on
// record as kiosk-left), and whether the installed app starts at its user's login (a setting, on record as
// settings-changed). The shell says what it can do (KioskShellControl); the rules stay here. The page also offers
// "Start afresh" (setup/setup-desk.ts) exactly where that request would be taken: on the kiosk's own demo.
import type { Database } from 'better-sqlite3';
import type { KioskShellState, LeaveKioskOutcome } from '../../../shared/admin/kiosk-shell-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import { setAsideRoot } from '../files/demo-set-aside.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import { holdsLocalDemo } from '../roster/demo-kindergarten.js';
import type { StaffDesk } from '../staff/staff-desk.js';

/** What a shell lets the console do (electron/main/main.ts, electron/web/cli.ts). */
export interface KioskShellControl {
  /** Closes the kiosk: the app quits (Electron) or the host stops (web host). */
  leave(): void;
  /** Registers or removes the login item; null where the shell does not manage one (Linux, run from the sources). */
  startAtLogin: ((on: boolean) => void) | null;
}

/** The leave is handed to the shell after this long, so the answer reaches the page before the app goes. */
const LEAVE_AFTER_MS = 250;

export class KioskShell {
  constructor(
    private readonly deps: { db: Database; dataDir: string; settings: SettingsStore; audit: AdminAudit; staff: StaffDesk; control: KioskShellControl | null; log: (line: string) => void },
  ) {
    // The stored choice holds from the start: an installed app registers (or removes) its login item each time it opens.
    deps.control?.startAtLogin?.(deps.settings.get('startAtLogin'));
  }

  state(): KioskShellState {
    const control = this.deps.control;
    return {
      canLeave: control !== null,
      startAtLogin: control?.startAtLogin ? this.deps.settings.get('startAtLogin') : null,
      startAfresh: holdsLocalDemo(this.deps.db) ? { setAsideIn: setAsideRoot(this.deps.dataDir) } : null,
    };
  }

  async leave(member: StaffMember, pin: string, at: LocalTime, channel: SignInChannel): Promise<LeaveKioskOutcome> {
    const control = this.deps.control;
    if (!control) return { outcome: 'not-here' };
    const confirmed = await this.deps.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return confirmed;
    this.deps.audit.record('kiosk-left', member.id, at, { channel });
    this.deps.log(`[admin] ${member.id} left the kiosk from the console; closing`);
    setTimeout(() => control.leave(), LEAVE_AFTER_MS);
    return { outcome: 'leaving' };
  }

  setStartAtLogin(staffId: string, on: boolean, at: LocalTime): KioskShellState {
    const apply = this.deps.control?.startAtLogin;
    const before = this.deps.settings.get('startAtLogin');
    if (apply && before !== on) {
      this.deps.db
        .transaction(() => {
          this.deps.settings.set('startAtLogin', on);
          this.deps.audit.record('settings-changed', staffId, at, { startAtLogin: { from: before, to: on } });
        })
        .immediate();
      apply(on);
    }
    return this.state();
  }
}
