// The admin requests of KioskApi (shared/admin/admin-contract.ts) answered by the AdminDesk. Every one is guarded
// 'admin' (api/guards.ts): an ended session answers STAFF_SESSION_ENDED, a staff member's STAFF_FORBIDDEN. The
// companions-and-cards requests are the CardDesk's (card-handlers.ts).
import { DoorSettingsSchema } from '../../../shared/admin/door-settings.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { AdminRequestName } from '../../../shared/admin/admin-contract.js';
import type { cardRequests } from '../../../shared/admin/card-contract.js';
import type { rosterRequests } from '../../../shared/admin/roster-contract.js';
import type { rosterImportRequests } from '../../../shared/admin/roster-import-contract.js';
import type { AdminDesk } from './admin-desk.js';

/** The admin requests that write a file and so answer with a Promise. */
export type AdminAsyncRequestName = 'adminExportTabel' | 'adminExportAct' | 'adminExportWholeTabel' | 'adminPrintQrCards' | 'adminSaveExport' | 'adminArchiveYear' | 'adminVerifyArchive' | 'adminLeaveKiosk' | 'adminExportMealInvoices';

type AdminDeskRequestName = Exclude<AdminRequestName, keyof typeof cardRequests | keyof typeof rosterRequests | keyof typeof rosterImportRequests>;

export type AdminHandlers = {
  [K in AdminDeskRequestName]: (args: RequestArgs<K>) => K extends AdminAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

const DEFAULT_LIMIT = 50;

/** The admin requests with their guards, over the open store's AdminDesk. */
export function adminHandlers(): GuardedHandlers<AdminDesk, AdminHandlers> {
  return {
    adminLogOptions: { guard: 'admin', run: (_args, { store: d }) => ok(d.logOptions()) },
    adminLog: { guard: 'admin', run: ({ filter, cursor, limit }, { store: d }) => ok(d.logPage(filter, cursor ?? null, limit ?? DEFAULT_LIMIT)) },
    adminRefused: { guard: 'admin', run: ({ filter, cursor, limit }, { store: d }) => ok(d.refusedPage(filter, cursor ?? null, limit ?? DEFAULT_LIMIT)) },
    adminToday: { guard: 'admin', run: (_args, { store: d, caller: { at } }) => ok(d.today(at)) },
    adminTabel: {
      guard: 'admin',
      run: ({ groupId, month, language }, { store: d, caller: { at } }) => {
        const sheet = d.tabel(groupId, month, at.localDate, language);
        return sheet ? ok(sheet) : fail('INVALID_REQUEST', `no group ${groupId}`);
      },
    },
    adminExportTabel: {
      guard: 'admin',
      run: async ({ groupId, month, format, language }, { store: d, caller: { member, at } }) => d.exportTabel(member, { groupId, month, format, language }, at),
    },
    adminExportAct: {
      guard: 'admin',
      run: async ({ month, format, language }, { store: d, caller: { member, at } }) => d.exportAct(member, { month, format, language }, at),
    },
    adminExportWholeTabel: {
      guard: 'admin',
      run: async ({ month, format, language }, { store: d, caller: { member, at } }) => d.exportWholeTabel(member, { month, format, language }, at),
    },
    adminSaveExport: { guard: 'admin', run: ({ fileName }, { store: d }) => d.saveExport(fileName) },
    adminQrCardHolders: { guard: 'admin', run: (_args, { store: d }) => ok({ holders: d.qrCardHolders() }) },
    adminPrintQrCards: { guard: 'admin', run: ({ companionIds, language }, { store: d, caller: { member, at } }) => d.printQrCards(member.id, companionIds, language, at) },
    adminNeverCome: { guard: 'admin', run: (_args, { store: d, caller: { at } }) => ok(d.neverCome(at.localDate)) },
    adminSettings: { guard: 'admin', run: (_args, { store: d }) => ok(d.kioskRules()) },
    adminSetSettings: { guard: 'admin', run: ({ change }, { store: d, caller: { member, at } }) => ok(d.changeKioskRules(member.id, change, at)) },
    adminDoorSettings: { guard: 'admin', run: (_args, { store: d }) => ok(d.doorSettings()) },
    adminSetDoorSettings: {
      guard: 'admin',
      run: ({ change }, { store: d, caller: { member, at } }) => ok(d.changeDoorSettings(member.id, DoorSettingsSchema.partial().parse(change), at)),
    },
    adminMealSettings: { guard: 'admin', run: (_args, { store: d }) => ok(d.mealSettings()) },
    adminSetMealSettings: { guard: 'admin', run: ({ change }, { store: d, caller: { member, at } }) => ok(d.changeMealSettings(member.id, change, at)) },
    adminExportMealInvoices: {
      guard: 'admin',
      run: async ({ month, format, language }, { store: d, caller: { member, at } }) => ok(await d.exportMealInvoices(member, { month, format, language }, at)),
    },
    adminTransfers: { guard: 'admin', run: ({ month }, { store: d }) => ok({ transfers: d.transfers(month) }) },
    adminArchive: { guard: 'admin', run: (_args, { store: d, caller: { at } }) => ok(d.archiveOverview(at.localDate)) },
    adminArchiveYear: { guard: 'admin', run: ({ year, pin }, { store: d, caller: { member, at, channel } }) => d.archiveYear(member, year, pin, at, channel) },
    adminVerifyArchive: { guard: 'admin', run: ({ year }, { store: d, caller: { at } }) => d.verifyArchive(year, at) },
    adminClock: { guard: 'admin', run: (_args, { store: d, caller: { at } }) => ok(d.clock(at.ms)) },
    adminSetTimeZone: { guard: 'admin', run: ({ zone }, { store: d, caller: { member, at } }) => d.setTimeZone(member.id, zone, at) },
    adminKioskShell: { guard: 'admin', run: (_args, { store: d }) => ok(d.kioskShell()) },
    adminLeaveKiosk: { guard: 'admin', run: async ({ pin }, { store: d, caller: { member, at, channel } }) => ok(await d.leaveKiosk(member, pin, at, channel)) },
    adminSetStartAtLogin: { guard: 'admin', run: ({ on }, { store: d, caller: { member, at } }) => ok(d.setStartAtLogin(member.id, on, at)) },
    adminSetTransfer: { guard: 'admin', run: ({ date, kind, note }, { store: d, caller: { member, at } }) => ok({ transfers: d.setTransfer(member.id, date, kind, note ?? null, at) }) },
  };
}
