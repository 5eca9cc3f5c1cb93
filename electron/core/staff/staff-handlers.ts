// The staff requests of KioskApi (shared/staff/staff-contract.ts) answered by the StaffDesk, each with its guard
// (api/guards.ts): the sign-in ones need only the open records, every other one a live session, the account ones an
// admin's. The session's staff member is the one every record is attributed to.
import { ok, type Result } from '../../../shared/api/result.js';
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
    staffSignInOptions: { guard: 'door', run: (_args, { store: desk }) => ok(desk.signInOptions()) },
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
    staffGroups: { guard: 'staff', run: (_args, { store: desk }) => ok({ groups: desk.groups() }) },
    staffChildren: { guard: 'staff', run: ({ groupId, query }, { store: desk, caller: { at } }) => ok({ children: desk.children({ groupId, query }, at.localDate) }) },
    staffChildDetail: { guard: 'staff', run: ({ childId }, { store: desk, caller: { at } }) => desk.childDetail(childId, at.localDate) },
    staffOverride: { guard: 'staff', run: ({ sessionId: _sessionId, ...request }, { store: desk, caller: { member, at } }) => desk.override(member, request, at) },
    staffDayEvents: { guard: 'staff', run: ({ childId }, { store: desk, caller: { member, at } }) => ok({ events: desk.dayEvents(at.localDate, member, childId) }) },
    staffCorrect: { guard: 'staff', run: ({ target, reason }, { store: desk, caller: { member, at } }) => desk.correct(member, target, reason, at) },
    staffMarkAbsence: { guard: 'staff', run: ({ sessionId: _sessionId, ...request }, { store: desk, caller: { member, at } }) => desk.markAbsence(member, request, at) },
    staffHolidayCheck: { guard: 'staff', run: ({ childId, firstDate, lastDate }, { store: desk }) => desk.holidayCheck(childId, firstDate, lastDate) },
    staffHeadcount: { guard: 'staff', run: (_args, { store: desk, caller: { at } }) => ok(desk.headcount(at)) },
    staffTakeHeadcount: { guard: 'staff', run: (_args, { store: desk, caller: { member, at } }) => ok(desk.takeHeadcount(member, at)) },
    staffClosing: { guard: 'staff', run: (_args, { store: desk, caller: { at } }) => ok(desk.closingList(at)) },
    staffResolveClosing: { guard: 'staff', run: ({ childId, outcome }, { store: desk, caller: { member, at } }) => desk.resolveClosing(member, childId, outcome, at) },
    staffAccounts: { guard: 'admin', run: (_args, { store: desk, caller: { at } }) => ok({ staff: desk.staffAccounts(at) }) },
    staffSetPin: {
      guard: 'admin',
      run: async ({ sessionId, staffId, pin, adminPin }, { store: desk, caller: { member: admin, at, channel } }) =>
        endSessionIfLocked(desk, sessionId, await desk.setPin(admin, staffId, pin, adminPin, at, channel)),
    },
    staffEnrolCard: { guard: 'admin', run: ({ staffId, card }, { store: desk, caller: { member: admin, at } }) => desk.enrolStaffCard(admin, staffId, card.raw, card.source, at) },
    staffWithdrawCard: { guard: 'admin', run: ({ cardId }, { store: desk, caller: { member: admin, at } }) => desk.withdrawStaffCard(admin, cardId, at) },
    staffUnlock: { guard: 'admin', run: ({ staffId }, { store: desk, caller: { member: admin, at } }) => desk.unlock(admin, staffId, at) },
    staffReturnChecks: { guard: 'staff', run: (_args, { store: desk, caller: { at } }) => ok({ checks: desk.returnChecks(at) }) },
    staffMarkCertificate: { guard: 'staff', run: ({ checkId, outcome }, { store: desk, caller: { member, at } }) => desk.markCertificate(member, checkId, outcome, at) },
    staffKeptAlerts: { guard: 'staff', run: (_args, { store: desk }) => ok({ alerts: desk.openAlerts() }) },
    staffHandleAlert: { guard: 'staff', run: ({ alertId }, { store: desk, caller: { member, at } }) => desk.handleAlert(member, alertId, at) },
    // Admins only (paper-day-service.ts says why): a past day has no witness, and it changes the табель the head signs.
    staffPaperDay: { guard: 'admin', run: ({ groupId, date }, { store: desk, caller: { at } }) => ok(desk.paperDay(groupId, date, at.localDate)) },
    staffSavePaperDay: {
      guard: 'admin',
      run: ({ groupId, date, present }, { store: desk, caller: { member, at } }) => ok(desk.savePaperDay(member, groupId, date, present, at)),
    },
    adminReturnsWithoutCertificate: { guard: 'admin', run: (_args, { store: desk }) => ok({ checks: desk.returnsWithoutCertificate() }) },
    staffChangeOwnPin: {
      guard: 'staff',
      run: async ({ sessionId, oldPin, newPin }, { store: desk, caller: { member, at, channel } }) =>
        endSessionIfLocked(desk, sessionId, await desk.changeOwnPin(member, oldPin, newPin, at, channel)),
    },
  };
}
