// The door's state machine: card or QR code → choose / receipt / error → idle. Only the newest request may change
// the screen.
import { useCallback, useMemo, useRef, useState } from 'react';
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
  confirm: (scanId: string, childIds: readonly string[]) => void;
  cancel: () => void;
  /** Called by a screen's own timer; ignored if another screen has taken over meanwhile. */
  backToIdle: (screenId: number) => void;
  /** Every status from the core: a database failure ends whatever was on screen. */
  statusSeen: (status: KioskStatus) => void;
}

export function useCheckinFlow(api: KioskApi, connection: ConnectionStore): CheckinFlow {
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

  /** Leaves a choose screen for good: the core forgets the scan, so it cannot be confirmed later. */
  const dropScan = useCallback(() => {
    const current = screenRef.current;
    if (current.kind === 'choose') void safeCall(api, 'cancelScan', { scanId: current.scan.scanId });
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
          if (result.ok && result.value.kind === 'choose') void safeCall(api, 'cancelScan', { scanId: result.value.scanId });
          return;
        }
        show(screenForScan(result, request, connection.get() !== false));
      });
    },
    [api, connection, dropScan, show],
  );

  const confirm = useCallback(
    (scanId: string, childIds: readonly string[]) => {
      const current = screenRef.current;
      // The auto-confirm and a finger can land together: one request is enough.
      if (current.kind !== 'choose' || current.scan.scanId !== scanId || confirming.current === scanId) return;
      confirming.current = scanId;
      const request = ++latestRequest.current;
      void safeCall(api, 'confirmScan', { scanId, childIds: [...childIds] }).then((result) => {
        if (request === latestRequest.current) show(screenForReceipt(result, request, connection.get() !== false));
      });
    },
    [api, connection, show],
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
    () => ({ screen, identify, confirm, cancel, backToIdle, statusSeen }),
    [screen, identify, confirm, cancel, backToIdle, statusSeen],
  );
}

function identifyCredential(api: KioskApi, credential: Credential): Promise<Result<ScanOutcome>> {
  return credential.kind === 'card'
    ? safeCall(api, 'identifyCard', { raw: credential.raw, source: credential.source })
    : safeCall(api, 'identifyQr', { text: credential.text, source: credential.source });
}
