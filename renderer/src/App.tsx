// The kiosk UI: status from the core, the check-in flow, the card readers, the camera and the screen for the moment.
import { useCallback, useEffect, useRef } from 'react';
import type { KioskApi, ScanOutcome } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { safeCall } from './api/safe-call.js';
import { CameraDock } from './camera/CameraDock.js';
import { ConnectionLostBanner } from './components/ConnectionLostBanner.js';
import { StaffCorner } from './components/StaffCorner.js';
import { SyncIndicator } from './components/SyncIndicator.js';
import { useCardReader } from './input/use-card-reader.js';
import { CurrentScreen } from './screens/CurrentScreen.js';
import { AdminGate } from './admin/AdminGate.js';
import { useStaffMode } from './staff/use-staff-mode.js';
import { useConnection, type ConnectionStore } from './state/connection-store.js';
import { doorAlertCount } from './state/door-alerts.js';
import { doorOf } from './state/door-status.js';
import { qrCredential, type Credential } from './state/credential.js';
import { SetupScreen } from './setup/SetupScreen.js';
import { sendSetupCard } from './setup/setup-cards.js';
import { useCheckinFlow } from './state/use-checkin-flow.js';
import { useCoreEvents } from './state/use-core-events.js';
import { useKioskStatus } from './state/use-kiosk-status.js';
import { useLanguageReturn } from './state/use-language-return.js';
import { useSyncStatus } from './state/use-sync-status.js';

export function App({ api, connection }: { api: KioskApi; connection: ConnectionStore }) {
  const connected = useConnection(connection);
  // A staff card typed at the door opens the staff sign-in for it (onStaffCard below, once staff mode exists).
  const staffCardAtDoor = useRef<(card: Extract<Credential, { kind: 'card' }>) => void>(() => undefined);
  const flow = useCheckinFlow(api, connection, staffCardAtDoor);
  const { status, receive, chooseLanguage } = useKioskStatus(api, connected, flow.statusSeen);
  // While the disk is full the door still reads cards and lets staff in: only its records refuse writes.
  const door = doorOf(status);
  const ready = door !== null;
  // The office PC (docs/peers.md §2): no door screen, no card reader, no camera; once set up, the screens rest on the
  // staff sign-in by name and PIN, and return to it after a sign-out.
  const office = door?.machineRole === 'office';
  const staff = useStaffMode(api, office && door.setup !== true);
  // The first-run setup stands in for the door until its checklist is finished; its readers step takes the cards.
  const setup = door?.setup === true && !staff.active;
  const toSetup = useCallback((credential: Credential) => {
    if (credential.kind === 'card') sendSetupCard(credential.raw, credential.source);
  }, []);
  // While staff mode is up, cards go to the staff sign-in (a staff card), never to the door's check-in.
  const identify = staff.active ? staff.credential : setup ? toSetup : flow.identify;

  // Cards and codes are read on every screen, so the next person can go while the last receipt is still up.
  useCardReader(identify, ready && !office);
  // An HID card was identified by the core itself: the door shows its answer (a companion's card at the staff sign-in
  // included: the door has answered it). A staff card opens the sign-in with that card.
  const onIdentified = useCallback(
    (outcome: Result<ScanOutcome>) => {
      if (staff.step.kind === 'sign-in') staff.ended();
      flow.identified(outcome);
    },
    [flow, staff],
  );
  const onStaffCard = useCallback(
    (card: Extract<Credential, { kind: 'card' }>) => {
      // On the first-run setup an HID card (the core hands every one over then) is the readers step's test.
      if (setup) return sendSetupCard(card.raw, card.source);
      if (!staff.active) staff.open();
      staff.credential(card);
    },
    [staff, setup],
  );
  useEffect(() => {
    staffCardAtDoor.current = onStaffCard;
  }, [onStaffCard]);
  const events = useCoreEvents(api, { onIdentified, onStaffCard }, ready);
  const sync = useSyncStatus(api, ready);
  useLanguageReturn(status, flow.screen.kind === 'idle' && !staff.active, chooseLanguage);
  const onCameraCode = useCallback((text: string) => {
    identify(qrCredential(text, 'camera'));
  }, [identify]);

  useEffect(() => {
    // The e2e tests wait for this: the first status is in and on screen.
    if (status !== null) document.body.dataset.ready = 'true';
  }, [status]);

  const retryDatabase = useCallback(async () => {
    const result = await safeCall(api, 'retryDatabase', {});
    if (result.ok) receive(result.value);
  }, [api, receive]);


  return (
    <>
      {connected === false && <ConnectionLostBanner />}
      <div className="kiosk-body">
        {ready && staff.active ? (
          <AdminGate api={api} staff={staff} office={office} />
        ) : setup ? (
          <SetupScreen api={api} onLanguage={chooseLanguage} />
        ) : (
          <CurrentScreen status={status} flow={flow} onLanguage={chooseLanguage} onRetryDatabase={retryDatabase} api={api} />
        )}
        {/* Not under the staff screens: codes are not read there, and the preview would cover them. */}
        {door !== null && !office && !staff.active && !setup && <CameraDock deviceId={door.cameraDeviceId} onText={onCameraCode} />}
        {/* In the preview's place too (below it, or beside it upright): on the screen's own corner the staff button sat
            on the language buttons and the staff hint of narrow screens. */}
        {door !== null && flow.screen.kind === 'idle' && !staff.active && !setup && (
          <div className="door-rail-foot">
            <SyncIndicator status={sync} />
            <StaffCorner readers={events.readers} alertCount={doorAlertCount(events.alerts, events.kept)} onStaff={staff.open} />
          </div>
        )}
      </div>
    </>
  );
}
