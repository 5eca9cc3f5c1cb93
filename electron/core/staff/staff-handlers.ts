// The staff requests of KioskApi (shared/staff/staff-contract.ts) answered by the StaffDesk, each with its guard
// (api/guards.ts): the sign-in ones need only the open records, every other one a live session, the account ones an
// admin's. The session's staff member is the one every record is attributed to.
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { StaffRequestName } from '../../../shared/staff/staff-contract.js';
import type { StaffDesk } from './staff-desk.js';

export type { StaffRequestName };

/** The requests that check or hash a PIN: they answer once scrypt has run off the core's thread. */
export type StaffAsyncRequestName = 'staffSignIn' | 'staffCreateFirstAdmin' | 'staffSetPin' | 'staffChangeOwnPin';

export type StaffHandlers = {
  [K in StaffRequestName]: (args: RequestArgs<K>) => K extends StaffAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

/** The staff requests with their guards, over the open store's StaffDesk. */
export function staffHandlers(): GuardedHandlers<StaffDesk, StaffHandlers> {
  /** Locked by a wrong PIN typed in a session (the old one, or an admin's own): whoever stands there is let go. */
  const endSessionIfLocked = <T extends { outcome: string }>(desk: StaffDesk, sessionId: string, result: Result<T>): Result<T> => {
    if (result.ok && result.value.outcome === 'locked') desk.signOut(sessionId, 'locked');
    return result;
  };

  return {
    staffSignInOptions: {
      guard: 'door',
      run: (_args, { store: desk }) => {
        const mode = desk.settings.get('staffSignInMode');
        return ok({ mode, staff: mode === 'card-only' ? [] : desk.accounts.withPins(), needsFirstAdmin: desk.accounts.needsFirstAdmin() });
      },
    },
    staffSignIn: { guard: 'door', run: async ({ who, pin }, { store: desk }) => ok(await desk.signIn(who, pin)) },
    staffCreateFirstAdmin: { guard: 'door', run: ({ firstName, lastName, pin }, { store: desk }) => desk.createFirstAdmin(firstName, lastName, pin) },
    // Signing out needs no live session: ending one that already ended is no error.
    staffSignOut: {
      guard: 'door',
      run: ({ sessionId, why }, { store: desk }) => {
        desk.signOut(sessionId, why);
        return ok({});
      },
    },
    staffKeepAlive: { guard: 'staff', run: () => ok({}) },
    staffGroups: { guard: 'staff', run: (_args, { store: desk }) => ok({ groups: desk.directory.groups() }) },
    staffChildren: {
      guard: 'staff',
      run: ({ groupId, query }, { store: desk, caller: { at } }) => {
        const rows = query !== undefined && query.trim() !== '' ? desk.directory.search(query, groupId) : groupId !== undefined ? desk.directory.inGroup(groupId) : [];
        return ok({ children: desk.views.children(rows, at.localDate) });
      },
    },
    staffChildDetail: {
      guard: 'staff',
      run: ({ childId }, { store: desk, caller: { at } }) => {
        const row = desk.directory.child(childId);
        return row ? ok(desk.views.detail(row, at.localDate)) : fail('INVALID_REQUEST', `no child ${childId}`);
      },
    },
    staffOverride: {
      guard: 'staff',
      run: ({ sessionId: _sessionId, ...request }, { store: desk, caller: { member, at } }) => {
        const recorded = desk.overrides.record(member, request, at);
        if (!recorded.ok) return recorded;
        const child = desk.directory.child(request.childId);
        return ok({ eventId: recorded.value.id, childFirstName: child?.first_name ?? '', kind: request.kind, at: at.hhmm });
      },
    },
    staffDayEvents: { guard: 'staff', run: ({ childId }, { store: desk, caller: { at } }) => ok({ events: desk.views.dayEvents(at.localDate, childId) }) },
    staffCorrect: { guard: 'staff', run: ({ target, reason }, { store: desk, caller: { member, at } }) => desk.corrections.correct(member, target, reason, at) },
    staffMarkAbsence: {
      guard: 'staff',
      run: ({ sessionId: _sessionId, ...request }, { store: desk, caller: { member, at } }) => {
        const marked = desk.absences.mark(member, request, at);
        const row = desk.directory.child(request.childId);
        if (!marked.ok) return marked;
        return row ? ok({ absenceId: marked.value.absenceId, detail: desk.views.detail(row, at.localDate) }) : fail('INTERNAL');
      },
    },
    staffHeadcount: {
      guard: 'staff',
      run: (_args, { store: desk, caller: { at } }) =>
        ok({ cutOff: desk.settings.get('headcountCutOff'), snapshot: desk.headcounts.latest(at.localDate), live: desk.headcounts.live(at.localDate) }),
    },
    staffTakeHeadcount: { guard: 'staff', run: (_args, { store: desk, caller: { member, at } }) => ok(desk.headcounts.take(member, at)) },
    staffClosing: {
      guard: 'staff',
      run: (_args, { store: desk, caller: { at } }) => {
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
      },
    },
    staffResolveClosing: { guard: 'staff', run: ({ childId, outcome }, { store: desk, caller: { member, at } }) => desk.closing.resolve(member, childId, outcome, at) },
    staffAccounts: { guard: 'admin', run: (_args, { store: desk, caller: { at } }) => ok({ staff: desk.accountAdmin.list(at) }) },
    staffSetPin: {
      guard: 'admin',
      run: async ({ sessionId, staffId, pin, adminPin }, { store: desk, caller: { member: admin, at, channel } }) =>
        endSessionIfLocked(desk, sessionId, await desk.accountAdmin.setPin(admin, staffId, pin, adminPin, at, channel)),
    },
    staffEnrolCard: { guard: 'admin', run: ({ staffId, card }, { store: desk, caller: { member: admin, at } }) => desk.accountAdmin.enrolCard(admin, staffId, card.raw, card.source, at) },
    staffWithdrawCard: { guard: 'admin', run: ({ cardId }, { store: desk, caller: { member: admin, at } }) => desk.accountAdmin.withdrawCard(admin, cardId, at) },
    staffUnlock: { guard: 'admin', run: ({ staffId }, { store: desk, caller: { member: admin, at } }) => desk.accountAdmin.unlock(admin, staffId, at) },
    staffChangeOwnPin: {
      guard: 'staff',
      run: async ({ sessionId, oldPin, newPin }, { store: desk, caller: { member, at, channel } }) =>
        endSessionIfLocked(desk, sessionId, await desk.accountAdmin.changeOwnPin(member, oldPin, newPin, at, channel)),
    },
  };
}
