// The "Companions & cards" requests of the admin console (shared/admin/card-contract.ts) answered by the CardDesk,
// guarded 'admin' like every admin request (api/guards.ts).
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { cardRequests } from '../../../shared/admin/card-contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { CardDesk } from './card-desk.js';

type CardRequestName = keyof typeof cardRequests;

export type CardHandlers = { [K in CardRequestName]: (args: RequestArgs<K>) => Result<RequestValue<K>> };

export function cardHandlers(): GuardedHandlers<CardDesk, CardHandlers> {
  return {
    adminCardsInfo: { guard: 'admin', run: (_args, { store: d }) => ok(d.info()) },
    adminFindCompanions: { guard: 'admin', run: ({ query }, { store: d }) => ok({ companions: d.findCompanions(query) }) },
    adminCompanionCards: {
      guard: 'admin',
      run: ({ companionId }, { store: d }) => {
        const found = d.companionCards(companionId);
        return found ? ok(found) : fail('INVALID_REQUEST', `no companion ${companionId}`);
      },
    },
    adminEnrolCard: { guard: 'admin', run: ({ companionId, raw, source }, { store: d, caller: { member, at } }) => d.enrol(member.id, companionId, raw, source, at) },
    adminRevokeCard: { guard: 'admin', run: ({ credentialId, reason }, { store: d, caller: { member, at } }) => d.revoke(member.id, credentialId, reason ?? null, at) },
  };
}
