// The roster spreadsheet's requests (shared/admin/roster-import-contract.ts) answered by the RosterImportDesk, each
// guarded 'admin' like every admin request (guards/request-guards.ts): the session's member is who the audit names.
import type { rosterImportRequests } from '../../../shared/admin/roster-import-contract.js';
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { RosterImportDesk } from './roster-import-desk.js';

type RosterImportRequestName = keyof typeof rosterImportRequests;

/** The ones that read or write a file, and so answer with a Promise. */
export type RosterImportAsyncRequestName = 'adminRosterSpreadsheet' | 'adminRosterImportPreview' | 'adminRosterImportApply';

export type RosterImportHandlers = {
  [K in RosterImportRequestName]: (args: RequestArgs<K>) => K extends RosterImportAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function rosterImportHandlers(): GuardedHandlers<RosterImportDesk, RosterImportHandlers> {
  return {
    adminRosterImportInfo: { guard: 'admin', run: (_args, { store: d }) => ok(d.info()) },
    adminRosterSpreadsheet: { guard: 'admin', run: async ({ language, filled }, { store: d, caller: { member, at } }) => d.spreadsheet(member, language, filled, at) },
    adminRosterImportBegin: { guard: 'admin', run: ({ fileName, bytes }, { store: d, caller: { member } }) => d.begin(member, fileName, bytes) },
    adminRosterImportChunk: { guard: 'admin', run: ({ uploadId, offset, data }, { store: d, caller: { member } }) => d.chunk(member, uploadId, offset, data) },
    adminRosterImportPreview: {
      guard: 'admin',
      run: async ({ uploadId, skipProblemRows }, { store: d, caller: { member, at } }) => d.preview(member, uploadId, skipProblemRows, at),
    },
    adminRosterImportApply: {
      guard: 'admin',
      run: async ({ uploadId, skipProblemRows, expected }, { store: d, caller: { member, at } }) => d.apply(member, uploadId, skipProblemRows, expected, at),
    },
  };
}
