// What the "This computer" page shows after the core has answered a PIN-confirmed act (leaving the kiosk, starting
// afresh): the refusal in the admin's words, or where the screen goes next. Kept apart from the page so it is tested.
import type { LeaveKioskOutcome } from '../../../shared/admin/kiosk-shell-contract.js';
import type { Result } from '../../../shared/api/result.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import type { KioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-en.js';
import type { StartAfreshOutcome } from '../../../shared/setup/setup-contract.js';

export type Note = { text: string; failed: boolean } | null;

/** A refusal of the admin's PIN: how many tries are left, or until when it is locked (`when` writes the kiosk's time). */
export type PinRefusal = Extract<LeaveKioskOutcome | StartAfreshOutcome, { outcome: 'wrong-pin' | 'locked' }>;

export function pinRefusalText(refusal: PinRefusal, x: KioskShellTexts, when: (ms: number) => string): string {
  return refusal.outcome === 'wrong-pin' ? fillText(x.wrongPin, { left: refusal.attemptsLeft }) : fillText(x.locked, { until: when(Date.parse(refusal.until)) });
}

/** After "Start afresh": the console gives way to the first-run setup, or the page says why nothing happened. */
export type AfterStartAfresh = { kind: 'to-setup' } | { kind: 'refused'; note: NonNullable<Note> };

export function afterStartAfresh(
  result: Result<StartAfreshOutcome>,
  x: KioskShellTexts,
  errorText: (code: string) => string,
  when: (ms: number) => string,
): AfterStartAfresh {
  if (!result.ok) return { kind: 'refused', note: { text: errorText(result.error.code), failed: true } };
  const outcome = result.value;
  // The demo and its staff sessions are gone with its records: the admin's session with them, so the console closes
  // and the door, now empty, shows the setup (the core's status says so: statusChanged).
  if (outcome.outcome === 'started') return { kind: 'to-setup' };
  return { kind: 'refused', note: { text: pinRefusalText(outcome, x, when), failed: true } };
}
