// The kiosk UI: status from the core, the check-in flow, the card reader and the screen for the moment.
import { useCallback, useEffect } from 'react';
import type { KioskApi } from '../../shared/api/contract.js';
import { safeCall } from './api/safe-call.js';
import { ConnectionLostBanner } from './components/ConnectionLostBanner.js';
import { useCardReader } from './input/use-card-reader.js';
import { CurrentScreen } from './screens/CurrentScreen.js';
import { useConnection, type ConnectionStore } from './state/connection-store.js';
import { useCheckinFlow } from './state/use-checkin-flow.js';
import { useKioskStatus } from './state/use-kiosk-status.js';

export function App({ api, connection }: { api: KioskApi; connection: ConnectionStore }) {
  const connected = useConnection(connection);
  const flow = useCheckinFlow(api, connection);
  const { status, receive, chooseLanguage } = useKioskStatus(api, connected, flow.statusSeen);

  // Cards are read on every screen, so the next person can tap while the last receipt is still up.
  useCardReader(flow.identify, status?.state === 'ready');

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
      <CurrentScreen status={status} flow={flow} onLanguage={chooseLanguage} onRetryDatabase={retryDatabase} />
    </>
  );
}
