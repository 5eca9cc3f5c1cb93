// The "Companions & cards" requests of the admin console (shared/admin/card-contract.ts), behind the same live admin
// session check as every admin request (admin-handlers.ts passes it in).
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { cardRequests } from '../../../shared/admin/card-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { AdminDesk } from './admin-desk.js';

type CardRequestName = keyof typeof cardRequests;

export type AsAdmin = <T>(sessionId: string, action: (desk: AdminDesk, member: StaffMember, at: LocalTime) => Result<T>) => Result<T>;

export function cardHandlers(asAdmin: AsAdmin): { [K in CardRequestName]: (args: RequestArgs<K>) => Result<RequestValue<K>> } {
  return {
    adminCardsInfo: ({ sessionId }) => asAdmin(sessionId, (d) => ok(d.cards.info())),
    adminFindCompanions: ({ sessionId, query }) => asAdmin(sessionId, (d) => ok({ companions: d.cards.directory.find(query) })),
    adminCompanionCards: ({ sessionId, companionId }) =>
      asAdmin(sessionId, (d) => {
        const companion = d.cards.directory.companion(companionId);
        return companion ? ok({ companion, cards: d.cards.directory.cardsOf(companionId) }) : fail('INVALID_REQUEST', `no companion ${companionId}`);
      }),
    adminEnrolCard: ({ sessionId, companionId, raw, source }) =>
      asAdmin(sessionId, (d, member, at) => d.cards.enrolment.enrol(member.id, companionId, raw, source, at)),
    adminRevokeCard: ({ sessionId, credentialId, reason }) =>
      asAdmin(sessionId, (d, member, at) => d.cards.enrolment.revoke(member.id, credentialId, reason ?? null, at)),
  };
}
