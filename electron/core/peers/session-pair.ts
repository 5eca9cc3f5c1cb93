// One session per pair (docs/peers.md §5): both machines of a pair dial each other, so two connections may come up at
// once, each carrying every `new` and `have` twice. The tie-break both sides compute alike, with nothing said on the
// wire: the connection dialled by the lower device id (compared as text) is the one kept.

/** Close code for the session a pair drops (a normal close: nothing is wrong with the peer). */
export const PAIR_DUPLICATE_CLOSE = 1000;

/** Whether this machine keeps a session with `peerId` that it dialled (`dialled`) or accepted. */
export function pairKeeps(ownId: string, peerId: string, dialled: boolean): boolean {
  return ownId < peerId ? dialled : !dialled;
}

/**
 * Of a live session and a new one with the same peer, which one goes: the new one when only the live one is kept by the
 * rule; otherwise the live one (the new one is the kept connection, or both are alike, as a reconnect while the old link
 * has not yet timed out, where the newer is the one alive).
 */
export function pairDrops(ownId: string, peerId: string, live: { dialled: boolean }, incoming: { dialled: boolean }): 'incoming' | 'live' {
  return pairKeeps(ownId, peerId, live.dialled) && !pairKeeps(ownId, peerId, incoming.dialled) ? 'incoming' : 'live';
}
