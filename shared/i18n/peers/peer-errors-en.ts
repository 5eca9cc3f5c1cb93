// The peers' refusals in words (shared/peers/peer-errors.ts), English, the shape kk and ru fill. Apart from the main
// catalogs, whose typed keys sit at TypeScript's limit; the catalogs spread these into their `errors`. Every sentence
// says what to do next, and the page names "Computers" and "Add a computer" as the console does.
import type { PeerErrorCode } from '../../peers/peer-errors.js';

export type PeerErrorTexts = Record<PeerErrorCode, string>;

export const peerErrorsEn: PeerErrorTexts = {
  PAIR_CODE_WRONG: 'The code is wrong. Check it on the other computer and type it again.',
  PAIR_CODE_EXPIRED: 'This code is no longer open. Open a new code on the other computer ("Add a computer").',
  PEER_UNREACHABLE: 'The computer at this address could not be reached. Check the address (for example 192.168.1.23:47620) and that both computers are on the same network.',
  PEER_PAIR_FAILED: 'Joining did not succeed and nothing was changed. Open a new code on the other computer and try again.',
  PEER_ALREADY_IN_GROUP:
    'Only a newly installed computer can join, and this one already keeps records of its own: it belongs to a kindergarten, staff PINs were set on it, or it recorded check-ins. Join from a computer just installed, before anything is recorded on it.',
  PEER_LINK_OFF: 'The link with the other computers is not running on this computer. Restart the kiosk.',
};
