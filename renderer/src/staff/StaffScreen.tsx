// Staff mode's screen in place of the door: the sign-in, then the session's screens. Left alone for the idle time it
// returns to the door (a live session is signed out, on record as a timeout).
import type { KioskApi } from '../../../shared/api/contract.js';
import { SessionScreen } from './SessionScreen.js';
import { SignInScreen } from './SignInScreen.js';
import { useIdle } from './use-idle.js';
import type { StaffMode } from './use-staff-mode.js';
import './staff.css';

/** Before anyone has signed in the core's setting is not known yet; the door should not wait longer than this. */
const SIGN_IN_IDLE_MS = 60_000;

interface Props {
  api: KioskApi;
  staff: StaffMode;
  /** Opens the admin console (an admin's session shows it in the menu). */
  onOpenAdmin?: (() => void) | undefined;
}

export function StaffScreen({ api, staff, onOpenAdmin }: Props) {
  const { step } = staff;
  useIdle(step.kind === 'session' ? step.session.idleSeconds * 1000 : step.kind === 'sign-in' ? SIGN_IN_IDLE_MS : null, () => staff.close('idle'));
  if (step.kind === 'sign-in') {
    // The office has no door to go back to: its sign-in is where staff mode rests.
    const office = staff.rests === 'sign-in';
    return <SignInScreen key={step.cardSeq} api={api} card={step.card} onSignedIn={staff.signedIn} onBack={office ? undefined : () => staff.close('button')} noReader={office} />;
  }
  if (step.kind === 'session') {
    return (
      <SessionScreen
        key={`${step.session.sessionId}:${step.opened}`}
        api={api}
        session={step.session}
        startPage={step.startPage}
        onSignOut={() => staff.close('button')}
        onEnded={staff.ended}
        onOpenAdmin={onOpenAdmin}
      />
    );
  }
  return null;
}
