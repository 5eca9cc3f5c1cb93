// Admin requests on behalf of the signed-in session: adds the session id, and takes the UI back to the door when
// the core answers that the session has ended.
import { useCallback } from 'react';
import type { AdminRequestName } from '../../../shared/admin/admin-contract.js';
import type { KioskApi, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';

export type AdminCall = <K extends AdminRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;

export function useAdminCall(api: KioskApi, sessionId: string, onEnded: () => void): AdminCall {
  return useCallback(
    async <K extends AdminRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => {
      // The session id is the one field every admin request adds to its own arguments.
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<K>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
}
