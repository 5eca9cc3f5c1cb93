// The door's state machine: card or QR code → offer (choose) / receipt / error → idle. Only the newest request may
// change the screen. Cards from HID readers are identified by the core, which pushes the outcome here (identified).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { KioskApi, KioskStatus, ScanOutcome } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import type { ConnectionStore } from './connection-store.js';
import type { Credential } from './credential.js';
import { doorOf } from './door-status.js';
import { IDLE, screenForReceipt, screenForScan, type FlowScreen } from './flow-screen.js';

export interface CheckinFlow {
  screen: FlowScreen;
  identify: (credential: Credential) => void;
  /** A card the core identified by itself (an HID reader's): its offer, receipt or refusal replaces the screen. */
  identified: (outcome: Result<ScanOutcome>) => void;
  confirm: (offerId: string, childIds: readonly string[], leavingNow: readonly string[]) => void;
  cancel: () => void;
  /** Called by a screen's own timer; ignored if another screen has taken over meanwhile. */
  backToIdle: (screenId: number) => void;
  /** Every status from the core: a database failure ends whatever was on screen. */
  statusSeen: (status: KioskStatus) => void;
}

/**
 * `staffCardAtDoor`: where a staff member's own card tapped at the door goes (the staff sign-in at the PIN); a ref, as
 * the staff mode that handles it is made after the flow.
 */
export function useCheckinFlow(api: KioskApi, connection: ConnectionStore, staffCardAtDoor?: RefObject<(card: Extract<Credential, { kind: 'card' }>) => void>): CheckinFlow {
  const [screen, setScreen] = useState<FlowScreen>(IDLE);
  // Mirrors of state for callbacks that run between renders (a card burst, a reply arriving).
  const screenRef = useRef<FlowScreen>(IDLE);
  const latestRequest = useRef(0);
  const confirming = useRef<string | null>(null);

  const show = useCallback((next: FlowScreen) => {
    screenRef.current = next;
    confirming.current = null;
    setScreen(next);
  }, []);

  /**
   * The core's answer to a person at the door (an offer, a receipt, a refusal): rendered and committed now, in the
   * task that read the reply, so it is in the very next frame, not behind a render React would schedule as a task.
   */
  const showAnswer = useCallback(
    (next: FlowScreen) => {
      flushSync(() => {
        show(next);
      });
    },
    [show],
  );

  /** Leaves a choose screen for good: the core forgets the offer, so it cannot be confirmed later. */
  const dropScan = useCallback(() => {
    const current = screenRef.current;
    if (current.kind === 'choose') void safeCall(api, 'cancelOffer', { offerId: current.scan.offerId });
  }, [api]);

  const identify = useCallback(
    (credential: Credential) => {
      // The next person tapped while the previous one was still choosing: theirs replaces it.
      if (screenRef.current.kind === 'choose') {
        dropScan();
        show(IDLE);
      }
      const request = ++latestRequest.current;
      void identifyCredential(api, credential).then((result) => {
        if (request !== latestRequest.current) {
          // Overtaken by a newer card: nobody will choose for this scan.
          if (result.ok && result.value.kind === 'choose') void safeCall(api, 'cancelOffer', { offerId: result.value.offerId });
          return;
        }
        if (!result.ok && result.error.code === 'STAFF_CARD' && credential.kind === 'card' && staffCardAtDoor) {
          show(IDLE);
          staffCardAtDoor.current(credential);
          return;
        }
        showAnswer(screenForScan(result, request, connection.get() !== false));
      });
    },
    [api, connection, dropScan, show, showAnswer, staffCardAtDoor],
  );

  const identified = useCallback(
    (outcome: Result<ScanOutcome>) => {
      if (screenRef.current.kind === 'choose') dropScan();
      const request = ++latestRequest.current;
      showAnswer(screenForScan(outcome, request, connection.get() !== false));
    },
    [connection, dropScan, showAnswer],
  );

  const confirm = useCallback(
    (offerId: string, childIds: readonly string[], leavingNow: readonly string[]) => {
      const current = screenRef.current;
      // The auto-confirm and a finger can land together: one request is enough.
      if (current.kind !== 'choose' || current.scan.offerId !== offerId || confirming.current === offerId) return;
      confirming.current = offerId;
      const request = ++latestRequest.current;
      void safeCall(api, 'confirmOffer', { offerId, childIds: [...childIds], answers: { leavingNow: [...leavingNow] } }).then(async (result) => {
        if (request !== latestRequest.current) return;
        // The children's records changed since the offer (someone else checked one in or out): the core identifies
        // the same credential again, and the companion sees what is right now instead.
        if (!result.ok && result.error.code === 'OFFER_STALE') {
          const renewed = await safeCall(api, 'renewOffer', { offerId });
          if (request === latestRequest.current) showAnswer(screenForScan(renewed, request, connection.get() !== false));
          return;
        }
        showAnswer(screenForReceipt(result, request, connection.get() !== false));
      });
    },
    [api, connection, showAnswer],
  );

  const cancel = useCallback(() => {
    dropScan();
    latestRequest.current++;
    show(IDLE);
  }, [dropScan, show]);

  const backToIdle = useCallback(
    (screenId: number) => {
      const current = screenRef.current;
      if (current.kind !== 'idle' && current.id === screenId) show(IDLE);
    },
    [show],
  );

  const statusSeen = useCallback(
    (status: KioskStatus) => {
      // A door that cannot record still answers: the confirm itself says "not recorded".
      if (doorOf(status) !== null || screenRef.current.kind === 'idle') return;
      cancel();
    },
    [cancel],
  );

  return useMemo(
    () => ({ screen, identify, identified, confirm, cancel, backToIdle, statusSeen }),
    [screen, identify, identified, confirm, cancel, backToIdle, statusSeen],
  );
}

function identifyCredential(api: KioskApi, credential: Credential): Promise<Result<ScanOutcome>> {
  return credential.kind === 'card'
    ? safeCall(api, 'identifyCard', { raw: credential.raw, source: credential.source })
    : safeCall(api, 'identifyQr', { text: credential.text, source: credential.source });
}
