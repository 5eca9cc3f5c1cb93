// Staff requests on behalf of the signed-in session: adds the session id, and takes the UI back to the door when
// the core answers that the session has ended.
import { useCallback } from 'react';
import type { KioskApi, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { StaffRequestName } from '../../../shared/staff/staff-contract.js';
import { safeCall } from '../api/safe-call.js';

type SessionRequest = Exclude<StaffRequestName, 'staffSignInOptions' | 'staffSignIn' | 'staffCreateFirstAdmin'>;

export type StaffCall = <K extends SessionRequest>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => Promise<Result<RequestValue<K>>>;

export function useStaffCall(api: KioskApi, sessionId: string, onEnded: () => void): StaffCall {
  return useCallback(
    async <K extends SessionRequest>(name: K, args: Omit<RequestArgs<K>, 'sessionId'>) => {
      // The session id is the one field every session request adds to its own arguments.
      const result = await safeCall(api, name, { ...args, sessionId } as RequestArgs<K>);
      if (!result.ok && result.error.code === 'STAFF_SESSION_ENDED') onEnded();
      return result;
    },
    [api, sessionId, onEnded],
  );
}
