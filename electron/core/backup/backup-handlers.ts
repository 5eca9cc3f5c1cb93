// The admin console's backup requests (shared/admin/backup-contract.ts) answered by the BackupDesk; every one is
// guarded 'admin' (guards/request-guards.ts).
import type { BackupRequestName } from '../../../shared/admin/backup-contract.js';
import type { consoleRestoreRequests } from '../../../shared/admin/restore-contract.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { BackupDesk } from './backup-desk.js';

/** The backup requests that wait for a copy or for scrypt, and so answer with a Promise. */
export type BackupAsyncRequestName = 'adminBackupNow' | 'adminSetBackupSecondPlace' | 'adminRestoreCopy';

export type BackupHandlers = {
  [K in BackupRequestName | keyof typeof consoleRestoreRequests]: (args: RequestArgs<K>) => K extends BackupAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function backupHandlers(): GuardedHandlers<BackupDesk, BackupHandlers> {
  return {
    adminBackups: { guard: 'admin', run: (_args, { store: b }) => ok({ ...b.copies(), status: b.status() }) },
    adminBackupNow: {
      guard: 'admin',
      run: async (_args, { store: b }) => {
        const outcome = await b.run('manual');
        return outcome.kind === 'verified' ? ok(outcome.copy) : fail(outcome.code, outcome.detail);
      },
    },
    adminSetBackupRetention: {
      guard: 'admin',
      run: ({ retention, secondPlaceRetention }, { store: b, caller }) => ok(b.setRetention(caller, retention, secondPlaceRetention)),
    },
    adminSetBackupSecondPlace: {
      guard: 'admin',
      run: async ({ folder, passphrase, currentPassphrase }, { store: b, caller }) => b.setSecondPlace(caller, { folder, passphrase, currentPassphrase }),
    },
    adminClearBackupSecondPlace: { guard: 'admin', run: (_args, { store: b, caller }) => ok(b.clearSecondPlace(caller)) },
    adminBackupCopies: { guard: 'admin', run: (_args, { store: b }) => ok(b.restorableCopies()) },
    adminRestoreCopy: { guard: 'admin', run: async ({ copy, pin, passphrase }, { store: b }) => b.restore(copy, pin, passphrase ?? null) },
  };
}
