// Sync with the city as the door shows it: the core's status, kept current by syncStatusChanged and asked for again
// on every (re)connect; and the browser's `online` event passed on, so sync tries at once when the network is back.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import { safeCall } from '../api/safe-call.js';

export function useSyncStatus(api: KioskApi, ready: boolean): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => api.on('syncStatusChanged', setStatus), [api]);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    void safeCall(api, 'getSyncStatus', {}).then((result) => {
      if (current && result.ok) setStatus(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, ready]);

  useEffect(() => {
    const online = (): void => void safeCall(api, 'nudgeSync', {});
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [api]);

  return status;
}
