// The "Companions & cards" requests of the admin console (shared/admin/card-contract.ts), guarded 'admin' like every
// admin request (api/guards.ts).
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { cardRequests } from '../../../shared/admin/card-contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { AdminDesk } from './admin-desk.js';

type CardRequestName = keyof typeof cardRequests;

type CardHandlers = { [K in CardRequestName]: (args: RequestArgs<K>) => Result<RequestValue<K>> };

export function cardHandlers(): GuardedHandlers<AdminDesk, CardHandlers> {
  return {
    adminCardsInfo: { guard: 'admin', run: (_args, { store: d }) => ok(d.cards.info()) },
    adminFindCompanions: { guard: 'admin', run: ({ query }, { store: d }) => ok({ companions: d.cards.directory.find(query) }) },
    adminCompanionCards: {
      guard: 'admin',
      run: ({ companionId }, { store: d }) => {
        const companion = d.cards.directory.companion(companionId);
        return companion ? ok({ companion, cards: d.cards.directory.cardsOf(companionId) }) : fail('INVALID_REQUEST', `no companion ${companionId}`);
      },
    },
    adminEnrolCard: {
      guard: 'admin',
      run: ({ companionId, raw, source }, { store: d, caller: { member, at } }) => d.cards.enrolment.enrol(member.id, companionId, raw, source, at),
    },
    adminRevokeCard: {
      guard: 'admin',
      run: ({ credentialId, reason }, { store: d, caller: { member, at } }) => d.cards.enrolment.revoke(member.id, credentialId, reason ?? null, at),
    },
  };
}
