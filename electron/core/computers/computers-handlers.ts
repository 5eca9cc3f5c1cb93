// The Computers page's and the first-run join's requests (shared/peers/peers-contract.ts) answered by the
// ComputersDesk. All admin requests but the first run's join, which is a setup step: 'door' (nobody has a session before the first
// admin exists), the desk asks for an admin's after.
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { PeersRequestName } from '../../../shared/peers/peers-contract.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { ComputersDesk } from './computers-desk.js';
import { stickHandlers } from './stick-handlers.js';

/** Every one of them waits on the peer link's thread, and some on a PIN's hash. */
export type ComputersAsyncRequestName = PeersRequestName;

export type ComputersHandlers = {
  [K in PeersRequestName]: (args: RequestArgs<K>) => Promise<Result<RequestValue<K>>>;
};

export function computersHandlers(): GuardedHandlers<ComputersDesk, ComputersHandlers> {
  return {
    peersStatus: { guard: 'admin', run: async (_args, { store: desk }) => desk.status() },
    peerPairingOpen: { guard: 'admin', run: async ({ pin }, { store: desk, caller }) => desk.openPairing(caller.member, caller.at, caller.channel, pin) },
    peerPairingClose: { guard: 'admin', run: async (_args, { store: desk }) => desk.closePairing() },
    peerRevoke: {
      guard: 'admin',
      run: async ({ pin, deviceId, reason }, { store: desk, caller }) => desk.revoke(caller.member, caller.at, caller.channel, pin, deviceId, reason.trim()),
    },
    peerAddressSet: { guard: 'admin', run: async ({ deviceId, address }, { store: desk, caller }) => desk.setAddress(caller.member, deviceId, address) },
    setupPeerJoin: { guard: 'door', run: async ({ sessionId, address, code, name }, { store: desk }) => desk.join(sessionId, { address, code, name }) },
    peerJoin: {
      guard: 'admin',
      run: async ({ pin, address, code, name }, { store: desk, caller }) => desk.joinInService(caller.member, caller.at, caller.channel, pin, { address, code, name }),
    },
    peerJoinAccounts: { guard: 'admin', run: (_args, { store: desk }) => Promise.resolve(desk.joinAccounts()) },
    peerJoinDeactivate: { guard: 'admin', run: ({ staffIds }, { store: desk, caller }) => Promise.resolve(desk.deactivateJoinAccounts(caller.member, caller.at, staffIds)) },
    ...stickHandlers(),
  };
}
