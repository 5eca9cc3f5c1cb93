// The admin requests of KioskApi (shared/admin/admin-contract.ts) answered by the AdminDesk. Every one needs a live
// session of an admin: an ended session answers STAFF_SESSION_ENDED, a staff member's STAFF_FORBIDDEN.
import { saveExportAs } from './export/save-export.js';
import { DoorSettingsSchema } from '../../../shared/admin/door-settings.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { AdminRequestName } from '../../../shared/admin/admin-contract.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { AdminDesk } from './admin-desk.js';
import { cardHandlers } from './card-handlers.js';
import { exportTabel } from './export/tabel-export.js';

/** The admin requests that write a file and so answer with a Promise. */
export type AdminAsyncRequestName = 'adminExportTabel' | 'adminPrintQrCards' | 'adminSaveExport';

export type AdminHandlers = {
  [K in AdminRequestName]: (args: RequestArgs<K>) => K extends AdminAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

const DEFAULT_LIMIT = 50;

type AdminCheck = { ok: true; desk: AdminDesk; member: StaffMember; at: LocalTime } | { ok: false; result: Result<never> };

/** `desk` is the open store's AdminDesk, or null while the database is unavailable. */
export function adminHandlers(desk: () => AdminDesk | null): AdminHandlers {
  const admin = (sessionId: string): AdminCheck => {
    const found = desk();
    if (!found) return { ok: false, result: fail('DATABASE_UNAVAILABLE') };
    const session = found.options.staff.session(sessionId);
    if (!session.ok) return session;
    if (session.member.role !== 'admin') return { ok: false, result: fail('STAFF_FORBIDDEN', 'the admin console is for admins') };
    return { ok: true, desk: found, member: session.member, at: session.at };
  };
  const asAdmin = <T>(sessionId: string, action: (desk: AdminDesk, member: StaffMember, at: LocalTime) => Result<T>): Result<T> => {
    const check = admin(sessionId);
    return check.ok ? action(check.desk, check.member, check.at) : check.result;
  };

  return {
    adminLogOptions: ({ sessionId }) =>
      asAdmin(sessionId, (d) =>
        ok({
          groups: d.options.staff.directory.groups(),
          staff: d.staffMembers(),
        }),
      ),
    adminLog: ({ sessionId, filter, cursor, limit }) => asAdmin(sessionId, (d) => ok(d.log.page(filter, cursor ?? null, limit ?? DEFAULT_LIMIT))),
    adminRefused: ({ sessionId, filter, cursor, limit }) => asAdmin(sessionId, (d) => ok(d.refused.page(filter, cursor ?? null, limit ?? DEFAULT_LIMIT))),
    adminToday: ({ sessionId }) => asAdmin(sessionId, (d, _member, at) => ok(d.today(at.localDate))),
    adminTabel: ({ sessionId, groupId, month, language }) =>
      asAdmin(sessionId, (d, _member, at) => {
        const sheet = d.tabel.sheet(groupId, month, at.localDate, language);
        return sheet ? ok(sheet) : fail('INVALID_REQUEST', `no group ${groupId}`);
      }),
    adminExportTabel: async ({ sessionId, groupId, month, format, language }) => {
      const check = admin(sessionId);
      if (!check.ok) return check.result;
      const { desk: d, member, at } = check;
      const sheet = d.tabel.sheet(groupId, month, at.localDate, language);
      if (!sheet) return fail('INVALID_REQUEST', `no group ${groupId}`);
      const written = await exportTabel(sheet, format, language, { dataDir: d.options.dataDir, at });
      d.audit.record('tabel-export', member.id, at, { groupId, month, format, language, fileName: written.fileName });
      return ok(written);
    },
    adminSaveExport: async ({ sessionId, fileName }) => {
      const check = admin(sessionId);
      if (!check.ok) return check.result;
      return saveExportAs(check.desk.options.dataDir, fileName, check.desk.options.saveFileAs ?? null);
    },
    adminQrCardHolders: ({ sessionId }) => asAdmin(sessionId, (d) => ok({ holders: d.qrCards.holders() })),
    adminPrintQrCards: async ({ sessionId, companionIds, language }) => {
      const check = admin(sessionId);
      if (!check.ok) return check.result;
      return check.desk.qrCards.print(check.member.id, companionIds, language, check.at);
    },
    adminSettings: ({ sessionId }) => asAdmin(sessionId, (d) => ok(d.rules.get())),
    adminSetSettings: ({ sessionId, change }) => asAdmin(sessionId, (d, member, at) => ok(d.rules.change(member.id, change, at))),
    adminDoorSettings: ({ sessionId }) => asAdmin(sessionId, (d) => ok(d.door.get())),
    adminSetDoorSettings: ({ sessionId, change }) => asAdmin(sessionId, (d, member, at) => ok(d.door.change(member.id, DoorSettingsSchema.partial().parse(change), at))),
    adminTransfers: ({ sessionId, month }) => asAdmin(sessionId, (d) => ok({ transfers: d.transfers.inMonth(month) })),
    adminSetTransfer: ({ sessionId, date, kind, note }) =>
      asAdmin(sessionId, (d, member, at) => {
        d.transfers.set(member.id, date, kind, note ?? null, at);
        return ok({ transfers: d.transfers.inMonth(date.slice(0, 7)) });
      }),
    ...cardHandlers(asAdmin),
  };
}
