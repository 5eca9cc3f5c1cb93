// The staff requests of KioskApi (shared/staff/staff-contract.ts) answered by the StaffDesk. Every request but the
// sign-in ones needs a live session; the session's staff member is the one every record is attributed to.
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { StaffMember, StaffRequestName } from '../../../shared/staff/staff-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { SignInChannel } from './sign-in-ledger.js';
import type { StaffDesk } from './staff-desk.js';

export type { StaffRequestName };

/** The requests that check or hash a PIN: they answer once scrypt has run off the core's thread. */
export type StaffAsyncRequestName = 'staffSignIn' | 'staffCreateFirstAdmin' | 'staffSetPin' | 'staffChangeOwnPin';

export type StaffHandlers = {
  [K in StaffRequestName]: (args: RequestArgs<K>) => K extends StaffAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

/** `withDesk` runs an action on the open store's desk (or answers DATABASE_UNAVAILABLE). */
export function staffHandlers(withDesk: <R>(action: (desk: StaffDesk) => R) => R | Result<never>): StaffHandlers {
  /** Runs `action` as the session's staff member, at the request's time. */
  const asStaff = <R>(sessionId: string, action: (desk: StaffDesk, member: StaffMember, at: LocalTime, channel: SignInChannel) => R): R | Result<never> =>
    withDesk((desk) => {
      const session = desk.session(sessionId);
      return session.ok ? action(desk, session.member, session.at, session.channel) : session.result;
    });

  /** Like asStaff, for the account requests only an admin may make (STAFF_FORBIDDEN for anyone else). */
  const asAdmin = <R>(sessionId: string, action: (desk: StaffDesk, member: StaffMember, at: LocalTime, channel: SignInChannel) => R): R | Result<never> =>
    asStaff(sessionId, (desk, member, at, channel) =>
      member.role === 'admin' ? action(desk, member, at, channel) : fail('STAFF_FORBIDDEN', 'staff accounts are for admins'),
    );

  /** Locked by a wrong PIN typed in a session (the old one, or an admin's own): whoever stands there is let go. */
  const endSessionIfLocked = <T extends { outcome: string }>(desk: StaffDesk, sessionId: string, result: Result<T>): Result<T> => {
    if (result.ok && result.value.outcome === 'locked') desk.signOut(sessionId, 'locked');
    return result;
  };

  return {
    staffSignInOptions: () =>
      withDesk((desk) => {
        const mode = desk.settings.get('staffSignInMode');
        return ok({ mode, staff: mode === 'card-only' ? [] : desk.accounts.withPins(), needsFirstAdmin: desk.accounts.needsFirstAdmin() });
      }),
    staffSignIn: async ({ who, pin }) => withDesk(async (desk) => ok(await desk.signIn(who, pin))),
    staffCreateFirstAdmin: async ({ firstName, lastName, pin }) => withDesk((desk) => desk.createFirstAdmin(firstName, lastName, pin)),
    staffSignOut: ({ sessionId, why }) =>
      withDesk((desk) => {
        desk.signOut(sessionId, why);
        return ok({});
      }),
    staffKeepAlive: ({ sessionId }) => asStaff(sessionId, () => ok({})),
    staffGroups: ({ sessionId }) => asStaff(sessionId, (desk) => ok({ groups: desk.directory.groups() })),
    staffChildren: ({ sessionId, groupId, query }) =>
      asStaff(sessionId, (desk, _member, at) => {
        const rows = query !== undefined && query.trim() !== '' ? desk.directory.search(query, groupId) : groupId !== undefined ? desk.directory.inGroup(groupId) : [];
        return ok({ children: desk.views.children(rows, at.localDate) });
      }),
    staffChildDetail: ({ sessionId, childId }) =>
      asStaff(sessionId, (desk, _member, at) => {
        const row = desk.directory.child(childId);
        return row ? ok(desk.views.detail(row, at.localDate)) : fail('INVALID_REQUEST', `no child ${childId}`);
      }),
    staffOverride: ({ sessionId, ...request }) =>
      asStaff(sessionId, (desk, member, at) => {
        const recorded = desk.overrides.record(member, request, at);
        if (!recorded.ok) return recorded;
        const child = desk.directory.child(request.childId);
        return ok({ eventId: recorded.value.id, childFirstName: child?.first_name ?? '', kind: request.kind, at: at.hhmm });
      }),
    staffDayEvents: ({ sessionId, childId }) => asStaff(sessionId, (desk, _member, at) => ok({ events: desk.views.dayEvents(at.localDate, childId) })),
    staffCorrect: ({ sessionId, target, reason }) => asStaff(sessionId, (desk, member, at) => desk.corrections.correct(member, target, reason, at)),
    staffMarkAbsence: ({ sessionId, ...request }) =>
      asStaff(sessionId, (desk, member, at) => {
        const marked = desk.absences.mark(member, request, at);
        const row = desk.directory.child(request.childId);
        if (!marked.ok) return marked;
        return row ? ok({ absenceId: marked.value.absenceId, detail: desk.views.detail(row, at.localDate) }) : fail('INTERNAL');
      }),
    staffHeadcount: ({ sessionId }) =>
      asStaff(sessionId, (desk, _member, at) =>
        ok({ cutOff: desk.settings.get('headcountCutOff'), snapshot: desk.headcounts.latest(at.localDate), live: desk.headcounts.live(at.localDate) }),
      ),
    staffTakeHeadcount: ({ sessionId }) => asStaff(sessionId, (desk, member, at) => ok(desk.headcounts.take(member, at))),
    staffClosing: ({ sessionId }) =>
      asStaff(sessionId, (desk, _member, at) => {
        const closingTime = desk.settings.get('closingTime');
        const still = desk.closing.stillIn(at.localDate);
        const views = desk.views.children(
          still.map((s) => s.child),
          at.localDate,
        );
        return ok({
          closingTime,
          passed: at.hhmm >= closingTime,
          children: still.map((s, i) => ({ child: views[i]!, companions: desk.directory.companionsOf(s.child.id), stillHereNote: s.stillHereNote })),
        });
      }),
    staffResolveClosing: ({ sessionId, childId, outcome }) => asStaff(sessionId, (desk, member, at) => desk.closing.resolve(member, childId, outcome, at)),
    staffAccounts: ({ sessionId }) => asAdmin(sessionId, (desk, _member, at) => ok({ staff: desk.accountAdmin.list(at) })),
    staffSetPin: async ({ sessionId, staffId, pin, adminPin }) =>
      asAdmin(sessionId, async (desk, admin, at, channel) =>
        endSessionIfLocked(desk, sessionId, await desk.accountAdmin.setPin(admin, staffId, pin, adminPin, at, channel)),
      ),
    staffEnrolCard: ({ sessionId, staffId, card }) =>
      asAdmin(sessionId, (desk, admin, at) => desk.accountAdmin.enrolCard(admin, staffId, card.raw, card.source, at)),
    staffWithdrawCard: ({ sessionId, cardId }) => asAdmin(sessionId, (desk, admin, at) => desk.accountAdmin.withdrawCard(admin, cardId, at)),
    staffUnlock: ({ sessionId, staffId }) => asAdmin(sessionId, (desk, admin, at) => desk.accountAdmin.unlock(admin, staffId, at)),
    staffChangeOwnPin: async ({ sessionId, oldPin, newPin }) =>
      asStaff(sessionId, async (desk, member, at, channel) =>
        endSessionIfLocked(desk, sessionId, await desk.accountAdmin.changeOwnPin(member, oldPin, newPin, at, channel)),
      ),
  };
}
