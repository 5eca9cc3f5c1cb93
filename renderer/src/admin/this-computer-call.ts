// The "This computer" page's requests on behalf of the signed-in admin: the session id added, and the console closed
// when the core answers that the session has ended. Any request of the contract (adminStartAfresh is a setup one).
import { useCallback } from 'react';
import type { KioskApi, KioskRequestName, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';

export type ThisComputerCall = <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;

export function useThisComputerCall(api: KioskApi, sessionId: string, onEnded: () => void): ThisComputerCall {
  return useCallback(
    async <K extends KioskRequestName>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => {
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<K>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
}
