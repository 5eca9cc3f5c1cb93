// The sync requests of KioskApi (shared/api/contract.ts) answered by the CityDesk: the status and a nudge for any open
// screen, enrollment for an admin only (it decides where the records go and whose roster opens the door).
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { CityDesk } from './city-desk.js';

export type SyncRequestName = 'getSyncStatus' | 'nudgeSync' | 'enrollKiosk';

/** The requests that wait on the network and so answer with a Promise. */
export type SyncAsyncRequestName = 'enrollKiosk';

export type SyncHandlers = {
  [K in SyncRequestName]: (args: RequestArgs<K>) => K extends SyncAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function syncHandlers(): GuardedHandlers<CityDesk, SyncHandlers> {
  return {
    getSyncStatus: { guard: 'store', run: (_args, { store: city }) => ok(city.status()) },
    nudgeSync: {
      guard: 'store',
      run: (_args, { store: city }) => {
        city.nudge();
        return ok({});
      },
    },
    enrollKiosk: { guard: 'admin', run: ({ serverUrl, code }, { store: city }) => city.enroll({ serverUrl, code }) },
  };
}
