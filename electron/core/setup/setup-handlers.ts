// The first-run setup's requests (shared/setup/setup-contract.ts) answered by the SetupDesk. The early steps are
// 'door' requests (nobody has a session before the first admin exists: the desk asks for one after); the rest are an
// admin's.
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { SetupRequestName } from '../../../shared/setup/setup-contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { SetupDesk } from './setup-desk.js';

/** The requests that wait on the network or a PIN's hash and so answer with a Promise. */
export type SetupAsyncRequestName = 'setupCreateAdmin' | 'setupCityPreview' | 'setupCityAccept' | 'adminStartAfresh' | 'adminSetMachineRole';

export type SetupHandlers = {
  [K in SetupRequestName]: (args: RequestArgs<K>) => K extends SetupAsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

export function setupHandlers(): GuardedHandlers<SetupDesk, SetupHandlers> {
  return {
    setupStatus: { guard: 'store', run: (_args, { store: setup }) => ok(setup.view()) },
    setupSetLanguage: { guard: 'door', run: ({ sessionId, language }, { store: setup }) => setup.setLanguage(sessionId, language) },
    setupSetRole: { guard: 'door', run: ({ sessionId, machineRole }, { store: setup }) => setup.setRole(sessionId, machineRole) },
    setupSetName: { guard: 'door', run: ({ sessionId, name }, { store: setup }) => setup.setName(sessionId, name.trim()) },
    setupSetTimeZone: { guard: 'door', run: ({ sessionId, timeZone }, { store: setup }) => setup.setTimeZone(sessionId, timeZone) },
    setupCreateAdmin: { guard: 'door', run: async ({ firstName, lastName, pin }, { store: setup }) => setup.createAdmin(firstName.trim(), lastName.trim(), pin) },
    setupCityPreview: { guard: 'admin', run: async ({ serverUrl, code }, { store: setup, caller }) => setup.previewCity(caller.member, caller.at, { serverUrl, code }) },
    setupCityAccept: { guard: 'admin', run: async (_args, { store: setup, caller }) => setup.acceptCity(caller.member, caller.at) },
    setupCityReject: { guard: 'admin', run: (_args, { store: setup, caller }) => setup.rejectCity(caller.member, caller.at) },
    setupChooseOwn: { guard: 'admin', run: (_args, { store: setup, caller }) => setup.chooseOwn(caller.member, caller.at) },
    setupReaderTest: { guard: 'admin', run: ({ raw, source }, { store: setup, caller }) => setup.readerTest(caller.member, caller.at, raw, source) },
    setupCameraTest: { guard: 'admin', run: ({ outcome }, { store: setup, caller }) => setup.cameraTest(caller.member, caller.at, outcome) },
    setupFinish: { guard: 'admin', run: ({ sessionId }, { store: setup, caller }) => setup.finish(caller.member, caller.at, sessionId) },
    adminSetMachineRole: { guard: 'admin', run: async ({ pin, machineRole }, { store: setup, caller }) => setup.changeRole(caller.member, caller.at, caller.channel, pin, machineRole) },
    adminStartAfresh: { guard: 'admin', run: async ({ pin }, { store: setup, caller }) => setup.startAfresh(caller.member, caller.at, caller.channel, pin) },
  };
}
