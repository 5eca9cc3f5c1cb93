// The stick's and the relay's requests (shared/peers/stick-contract.ts), answered by the ComputersDesk's StickDesk.
// Admin only, as the rest of the Computers page.
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { ComputersDesk } from './computers-desk.js';
import type { ComputersHandlers } from './computers-handlers.js';

type StickRequestName = 'bundleWrite' | 'bundleReadBegin' | 'bundleReadChunk' | 'bundleRead' | 'relayEnroll';

export function stickHandlers(): GuardedHandlers<ComputersDesk, Pick<ComputersHandlers, StickRequestName>> {
  return {
    bundleWrite: { guard: 'admin', run: async ({ deviceId }, { store: desk, caller }) => desk.writeStick(caller.member, caller.at, deviceId) },
    bundleReadBegin: { guard: 'admin', run: ({ fileName, bytes }, { store: desk, caller }) => Promise.resolve(desk.beginStickRead(caller.member, fileName, bytes)) },
    bundleReadChunk: { guard: 'admin', run: ({ uploadId, offset, data }, { store: desk, caller }) => Promise.resolve(desk.stickChunk(caller.member, uploadId, offset, data)) },
    bundleRead: { guard: 'admin', run: async ({ uploadId }, { store: desk, caller }) => desk.readStick(caller.member, caller.at, uploadId) },
    relayEnroll: {
      guard: 'admin',
      run: async ({ deviceId, serverUrl, code }, { store: desk, caller }) => desk.enrollRelay(caller.member, caller.at, { doorId: deviceId, serverUrl, code }),
    },
  };
}
