// The admin requests of KioskApi (shared/admin/admin-contract.ts) answered by the AdminDesk. Every one is guarded
// 'admin' (api/guards.ts): an ended session answers STAFF_SESSION_ENDED, a staff member's STAFF_FORBIDDEN.
import { saveExportAs } from './export/save-export.js';
import { DoorSettingsSchema } from '../../../shared/admin/door-settings.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { AdminRequestName } from '../../../shared/admin/admin-contract.js';
import type { AdminDesk } from './admin-desk.js';
import { cardHandlers } from './card-handlers.js';
import { exportTabel } from './export/tabel-export.js';

/** The admin requests that write a file and so answer with a Promise. */
export type AdminAsyncRequestName = 'adminExportTabel' | 'adminPrintQrCards' | 'adminSaveExport';

export type AdminHandlers = {
  [K in AdminRequestName]: (args: RequestArgs<K>) => K extends AdminAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

const DEFAULT_LIMIT = 50;

/** The admin requests with their guards, over the open store's AdminDesk. */
export function adminHandlers(): GuardedHandlers<AdminDesk, AdminHandlers> {
  return {
    adminLogOptions: { guard: 'admin', run: (_args, { store: d }) => ok({ groups: d.options.staff.directory.groups(), staff: d.staffMembers() }) },
    adminLog: { guard: 'admin', run: ({ filter, cursor, limit }, { store: d }) => ok(d.log.page(filter, cursor ?? null, limit ?? DEFAULT_LIMIT)) },
    adminRefused: { guard: 'admin', run: ({ filter, cursor, limit }, { store: d }) => ok(d.refused.page(filter, cursor ?? null, limit ?? DEFAULT_LIMIT)) },
    adminToday: { guard: 'admin', run: (_args, { store: d, caller: { at } }) => ok(d.today(at.localDate)) },
    adminTabel: {
      guard: 'admin',
      run: ({ groupId, month, language }, { store: d, caller: { at } }) => {
        const sheet = d.tabel.sheet(groupId, month, at.localDate, language);
        return sheet ? ok(sheet) : fail('INVALID_REQUEST', `no group ${groupId}`);
      },
    },
    adminExportTabel: {
      guard: 'admin',
      run: async ({ groupId, month, format, language }, { store: d, caller: { member, at } }) => {
        const sheet = d.tabel.sheet(groupId, month, at.localDate, language);
        if (!sheet) return fail('INVALID_REQUEST', `no group ${groupId}`);
        const written = await exportTabel(sheet, format, language, { dataDir: d.options.dataDir, at });
        d.audit.record('tabel-export', member.id, at, { groupId, month, format, language, fileName: written.fileName });
        return ok(written);
      },
    },
    adminSaveExport: { guard: 'admin', run: ({ fileName }, { store: d }) => saveExportAs(d.options.dataDir, fileName, d.options.saveFileAs ?? null) },
    adminQrCardHolders: { guard: 'admin', run: (_args, { store: d }) => ok({ holders: d.qrCards.holders() }) },
    adminPrintQrCards: { guard: 'admin', run: ({ companionIds, language }, { store: d, caller: { member, at } }) => d.qrCards.print(member.id, companionIds, language, at) },
    adminSettings: { guard: 'admin', run: (_args, { store: d }) => ok(d.rules.get()) },
    adminSetSettings: { guard: 'admin', run: ({ change }, { store: d, caller: { member, at } }) => ok(d.rules.change(member.id, change, at)) },
    adminDoorSettings: { guard: 'admin', run: (_args, { store: d }) => ok(d.door.get()) },
    adminSetDoorSettings: {
      guard: 'admin',
      run: ({ change }, { store: d, caller: { member, at } }) => ok(d.door.change(member.id, DoorSettingsSchema.partial().parse(change), at)),
    },
    adminTransfers: { guard: 'admin', run: ({ month }, { store: d }) => ok({ transfers: d.transfers.inMonth(month) }) },
    adminSetTransfer: {
      guard: 'admin',
      run: ({ date, kind, note }, { store: d, caller: { member, at } }) => {
        d.transfers.set(member.id, date, kind, note ?? null, at);
        return ok({ transfers: d.transfers.inMonth(date.slice(0, 7)) });
      },
    },
    ...cardHandlers(),
  };
}
