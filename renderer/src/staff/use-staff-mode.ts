// Staff mode over the door: off (the door), signing in, or a signed-in session. Cards read while staff mode is on
// go to the sign-in (a staff card), never to the door's check-in; the session ends on the button, after the idle
// time, or when the core says it has ended — and the door comes back. On the office PC there is no door to come back
// to: staff mode rests on the sign-in instead (docs/peers.md §2).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { StaffSession } from '../../../shared/staff/staff-contract.js';
import { safeCall } from '../api/safe-call.js';
import type { Credential } from '../state/credential.js';
import type { CardCapture, CardHandler } from './card-capture.js';

export type CardCredential = Extract<Credential, { kind: 'card' }>;

/** A staff page a session opens on when staff came for it: the closing-time alert on the door opens the Closing page. */
export type StaffStartPage = 'closing';

export type StaffStep =
  | { kind: 'off' }
  | { kind: 'sign-in'; card: CardCredential | null; cardSeq: number; then: StaffStartPage | null }
  /** `opened` counts the times a page was asked for during the session (the screens remount on it). */
  | { kind: 'session'; session: StaffSession; startPage: StaffStartPage | null; opened: number };

export interface StaffMode {
  step: StaffStep;
  /** Where staff mode rests when nobody is signed in: the door, or the sign-in (the office). */
  rests: 'door' | 'sign-in';
  active: boolean;
  open: () => void;
  /** Staff mode straight to a page: through the sign-in when nobody is signed in, at once in a session. */
  openAt: (page: StaffStartPage) => void;
  /** Back to the door; a live session is signed out (the button) or timed out (idle). */
  close: (why: 'button' | 'idle') => void;
  /** The core ended the session (idle there first, or a restart): back to the door without another request. */
  ended: () => void;
  signedIn: (session: StaffSession) => void;
  /** A card or code read while staff mode is up. */
  credential: (credential: Credential) => void;
  /** Where a signed-in session's screens ask for the next card tapped (card enrolment). */
  capture: CardCapture;
}

/** The office's resting step before anything happened: the sign-in, fresh. */
const SIGN_IN_AT_REST: StaffStep = { kind: 'sign-in', card: null, cardSeq: 0, then: null };

/** `restAtSignIn`: the office, whose screens open on the staff sign-in and return to it, never to a door. */
export function useStaffMode(api: KioskApi, restAtSignIn = false): StaffMode {
  const [held, setStepState] = useState<StaffStep>({ kind: 'off' });
  // Each return to the resting sign-in is a fresh one (a name chosen and left is not kept for the next person).
  const rests = useRef(0);
  const rest = useCallback((): StaffStep => (restAtSignIn ? { kind: 'sign-in', card: null, cardSeq: (rests.current += 1), then: null } : { kind: 'off' }), [restAtSignIn]);
  // Off on the office (before its status said so, or after a role change) is its resting sign-in.
  const step = held.kind === 'off' && restAtSignIn ? SIGN_IN_AT_REST : held;
  // Mirrors the state for callbacks that must act once on the current step (the sign-out request).
  const stepRef = useRef<StaffStep>(step);
  const setStep = useCallback((next: StaffStep) => {
    stepRef.current = next;
    setStepState(next);
  }, []);

  const open = useCallback(() => setStep({ kind: 'sign-in', card: null, cardSeq: 0, then: null }), [setStep]);
  const openAt = useCallback(
    (page: StaffStartPage) => {
      const current = stepRef.current;
      if (current.kind === 'session') setStep({ ...current, startPage: page, opened: current.opened + 1 });
      else if (current.kind === 'sign-in') setStep({ ...current, then: page });
      else setStep({ kind: 'sign-in', card: null, cardSeq: 0, then: page });
    },
    [setStep],
  );
  const ended = useCallback(() => setStep(rest()), [setStep, rest]);
  const signedIn = useCallback(
    (session: StaffSession) => {
      const current = stepRef.current;
      setStep({ kind: 'session', session, startPage: current.kind === 'sign-in' ? current.then : null, opened: 0 });
    },
    [setStep],
  );

  const close = useCallback(
    (why: 'button' | 'idle') => {
      const current = stepRef.current;
      if (current.kind === 'session') void safeCall(api, 'staffSignOut', { sessionId: current.session.sessionId, why });
      setStep(rest());
    },
    [api, setStep, rest],
  );

  // The screens that asked for a card, newest last: only the newest receives taps.
  const takers = useRef<CardHandler[]>([]);
  const capture = useMemo<CardCapture>(
    () => ({
      take: (handler) => {
        takers.current = [...takers.current, handler];
        return () => {
          takers.current = takers.current.filter((h) => h !== handler);
        };
      },
    }),
    [],
  );

  const credential = useCallback(
    (read: Credential) => {
      // The sign-in screen takes a card (a staff card); in a session, only a screen that asked for one (enrolment).
      // A companion's card or code is never checked in from the staff screens.
      const current = stepRef.current;
      if (read.kind !== 'card') return;
      if (current.kind === 'sign-in') setStep({ ...current, card: read, cardSeq: current.cardSeq + 1 });
      else if (current.kind === 'session') takers.current.at(-1)?.(read);
    },
    [setStep],
  );

  return useMemo(
    () => ({ step, rests: restAtSignIn ? ('sign-in' as const) : ('door' as const), active: step.kind !== 'off', open, openAt, close, ended, signedIn, credential, capture }),
    [step, restAtSignIn, open, openAt, close, ended, signedIn, credential, capture],
  );
}
