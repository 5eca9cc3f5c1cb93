// What the door or the office PC means for the rules the two share (docs/peers.md §2).
import type { StaffSignInMode } from '../staff/staff-domain.js';
import type { MachineRole } from './setup-contract.js';

/**
 * The staff sign-in mode as it holds on this computer. The kindergarten's 'card-only' keeps strangers at the entrance
 * from guessing PINs by name; the office has no reader and stands in a room staff keep, so there it reads as
 * 'name-or-card' (else nobody could sign in there at all).
 */
export function signInModeOn(role: MachineRole, mode: StaffSignInMode): StaffSignInMode {
  return role === 'office' ? 'name-or-card' : mode;
}
