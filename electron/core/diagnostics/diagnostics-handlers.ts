// The diagnostics requests of KioskApi (shared/admin/diagnostics-contract.ts), answered by the DiagnosticsDesk;
// guarded 'admin' like the rest of the console.
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { DiagnosticsRequestName } from '../../../shared/admin/diagnostics-contract.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { DiagnosticsDesk } from './diagnostics-desk.js';

/** The bundle reads and zips files, so it answers with a Promise. */
export type DiagnosticsAsyncRequestName = 'adminSupportBundle';

export type DiagnosticsHandlers = {
  [K in DiagnosticsRequestName]: (args: RequestArgs<K>) => K extends DiagnosticsAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function diagnosticsHandlers(): GuardedHandlers<DiagnosticsDesk, DiagnosticsHandlers> {
  return {
    adminDiagnostics: { guard: 'admin', run: (_args, { store: d }) => ok(d.report()) },
    adminSupportBundle: {
      guard: 'admin',
      run: async ({ screen }, { store: d }) => {
        try {
          return ok(await d.bundle(screen));
        } catch (error) {
          return fail('SUPPORT_BUNDLE_FAILED', error instanceof Error ? error.message : String(error));
        }
      },
    },
  };
}
