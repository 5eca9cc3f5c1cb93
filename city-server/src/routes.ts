// The protocol's endpoints: method, path, whether a bearer token is needed, and whether the call commits
// records (only those get the commit faults: drop before/after the commit, lost or doubled acknowledgements).
import { PATHS } from '../../shared/sync/protocol.js';
import { chain } from './handlers/chain.js';
import type { AuthedHandler, Handler } from './handlers/context.js';
import { enroll } from './handlers/enroll.js';
import { hello } from './handlers/hello.js';
import { missing } from './handlers/missing.js';
import { peers } from './handlers/peers.js';
import { push } from './handlers/push.js';
import { roster } from './handlers/roster.js';

export type Route =
  | { method: 'GET' | 'POST'; path: string; auth: false; commits: false; handle: Handler }
  | { method: 'GET' | 'POST'; path: string; auth: true; commits: boolean; handle: AuthedHandler };

export const routes: readonly Route[] = [
  { method: 'GET', path: PATHS.hello, auth: false, commits: false, handle: hello },
  { method: 'POST', path: PATHS.enroll, auth: false, commits: false, handle: enroll },
  { method: 'POST', path: PATHS.push, auth: true, commits: true, handle: push },
  { method: 'POST', path: PATHS.missing, auth: true, commits: false, handle: missing },
  { method: 'GET', path: PATHS.roster, auth: true, commits: false, handle: roster },
  { method: 'GET', path: PATHS.peers, auth: true, commits: false, handle: peers },
  { method: 'GET', path: PATHS.chain, auth: true, commits: false, handle: chain },
];
