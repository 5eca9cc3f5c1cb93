// The roster pages' requests of the admin console (shared/admin/roster-contract.ts) answered by the RosterDesk,
// guarded 'admin' like every admin request: the signed-in admin is the author of every change.
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { rosterRequests } from '../../../shared/admin/roster-contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { RosterDesk } from './roster-desk.js';

type RosterRequestName = keyof typeof rosterRequests;

export type RosterHandlers = { [K in RosterRequestName]: (args: RequestArgs<K>) => Result<RequestValue<K>> };

export function rosterHandlers(): GuardedHandlers<RosterDesk, RosterHandlers> {
  return {
    adminRoster: { guard: 'admin', run: (_args, { store: d }) => ok(d.view()) },
    adminEditRoster: { guard: 'admin', run: ({ changes }, { store: d, caller: { member, at } }) => d.edit(member.id, changes, at) },
  };
}
