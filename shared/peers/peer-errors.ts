// The refusals of the kindergarten's computers as peers (docs/peers.md §3): pairing by code, the link. Apart from
// shared/api/result.ts's list so the peer work adds its codes in one place; the list spreads them in. Kept few on
// purpose: each code is a key of the main catalogs' `errors`, whose typed keys sit at TypeScript's depth limit (one
// more dozen broke the build). A finer reason travels in the error's `detail`, for the log.

export const peerErrorCodes = [
  /** The code typed does not match the one open on the other computer (a try is burnt; three end the code). */
  'PAIR_CODE_WRONG',
  /** The code is no longer open there: its ten minutes are over, it served a pairing, or that computer restarted. */
  'PAIR_CODE_EXPIRED',
  /** Nothing answered at the address, it is no Esik computer, or the address is no address. */
  'PEER_UNREACHABLE',
  /** The exchange broke off or the other side did not prove itself: nothing was kept. */
  'PEER_PAIR_FAILED',
  /**
   * Only a new computer joins: this one belongs to a group already, or holds staff PINs or check-ins of its own
   * (pairing-join.ts joinRefusal; the detail says which).
   */
  'PEER_ALREADY_IN_GROUP',
  /** The peer link does not run on this computer (its worker stopped or never started). */
  'PEER_LINK_OFF',
] as const;
export type PeerErrorCode = (typeof peerErrorCodes)[number];
