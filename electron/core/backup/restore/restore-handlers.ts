// The damaged-records screen's restore requests (shared/admin/restore-contract.ts): answered whatever state the kiosk
// is in (guard 'none'), since the records they mend cannot be opened; the restore desk checks the admin's PIN itself.
import type { restoreRequests } from '../../../../shared/admin/restore-contract.js';
import type { DatabaseProblem, RequestArgs, RequestValue } from '../../../../shared/api/contract.js';
import { ok, type Result } from '../../../../shared/api/result.js';
import type { GuardedHandlers } from '../../guards/request-guards.js';
import type { RestoreDesk } from './restore-desk.js';

type RestoreRequestName = keyof typeof restoreRequests;

export type RestoreHandlers = {
  [K in RestoreRequestName]: (args: RequestArgs<K>) => K extends 'restoreDamaged' ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

/** `problem`: what is wrong with the records now, or null when they are open. */
export function restoreHandlers<S>(desk: () => RestoreDesk, problem: () => DatabaseProblem | null): GuardedHandlers<S, RestoreHandlers> {
  return {
    restoreOffer: { guard: 'none', run: () => ok({ copy: desk().offer(problem()) }) },
    restoreDamaged: { guard: 'none', run: async ({ file, pin }) => desk().restoreDamaged(problem(), file, pin) },
  };
}
