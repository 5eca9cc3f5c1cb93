// The admin console's update requests (shared/admin/update-contract.ts) answered by the UpdateDesk; every one is
// guarded 'admin' (guards/request-guards.ts).
import type { UpdateRequestName } from '../../../shared/admin/update-contract.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { UpdateDesk } from './update-desk.js';

/** The update requests that wait for the network or a folder, and so answer with a Promise. */
export type UpdateAsyncRequestName = 'adminCheckUpdatesNow' | 'adminUpdateFromFolder';

export type UpdateHandlers = {
  [K in UpdateRequestName]: (args: RequestArgs<K>) => K extends UpdateAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function updateHandlers(): GuardedHandlers<UpdateDesk, UpdateHandlers> {
  return {
    adminUpdates: { guard: 'admin', run: (_args, { store: u }) => ok(u.overview()) },
    adminSetUpdateFeed: { guard: 'admin', run: ({ feedUrl }, { store: u, caller }) => ok(u.setFeed(caller, feedUrl)) },
    adminSetUpdateQuietHours: { guard: 'admin', run: ({ quietHours }, { store: u, caller }) => ok(u.setQuietHours(caller, quietHours)) },
    adminCheckUpdatesNow: { guard: 'admin', run: async (_args, { store: u }) => u.checkNow() },
    adminUpdateFromFolder: { guard: 'admin', run: async ({ folder }, { store: u, caller }) => u.fromFolder(caller, folder) },
    adminInstallUpdateNow: { guard: 'admin', run: (_args, { store: u, caller }) => u.installNow(caller) },
  };
}
