// What the door says about staff alerts: never their words, only how many wait for staff, as a count on the staff
// entry (the door is public: a companion in the queue must not read that Гүлнар may not collect Інжу). Per kind:
// - pickup-not-allowed: counted only. Names of children and a family's arrangements are private; the refused companion
//   was already told on her own screen to ask a staff member.
// - clock-drift: counted only. Nobody in the queue can act on it; staff set the clock.
// - closing-time: counted; after the sign-in it heads the staff's alert list with the way into the Closing page. (The
//   entry itself still opens the menu: staff who came to do something else are not sent elsewhere.)
// - disk-low: counted only; it is for the admin.
// - cannot-record: not counted. The door already has its own screen for it (CannotRecordScreen), which tells everyone
//   at the door to note arrivals with staff on paper, so the public needs it and gets it there.
import type { StaffAlert } from '../../../shared/api/contract.js';

const COUNTED: ReadonlySet<StaffAlert['kind']> = new Set(['pickup-not-allowed', 'clock-drift', 'closing-time', 'disk-low']);

/** The badge's number: the alerts that stand now (closing time, the disk) and the kept ones staff have not handled. */
export function doorAlertCount(standing: readonly StaffAlert[], kept: number): number {
  return standing.filter((a) => COUNTED.has(a.kind)).length + kept;
}
