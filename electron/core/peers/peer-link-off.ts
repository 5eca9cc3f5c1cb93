// The PeerControl of a core that runs no peer worker (tests that do not ask for one, a records file not open): every
// ask answers PEER_LINK_OFF, so the console says the link does not run instead of waiting.
import { fail } from '../../../shared/api/result.js';
import type { PeerControl } from './peer-control.js';

const off = (why: string) => () => Promise.resolve(fail<never>('PEER_LINK_OFF', why));

export function peerLinkOff(why: string): PeerControl {
  return { status: off(why), openPairing: off(why), closePairing: off(why), join: off(why), revoke: off(why), setAddress: off(why), bundleWrite: off(why), bundleRead: off(why) };
}
