// Another machine's card and roster changes await the city here as they do at their origin (docs/peers.md §5 "Exactly
// once to the city"): each one applied (or found already applied) is noted pending in peer_city_state until a city-acks
// names it (ledger/city-acks-awaiting.ts). Wrapped around the roster folder's appliers, so neither applier needs to
// know; a record that only waits (its companion not here yet) is noted when a retry applies it.
import { noteAwaitingCity } from '../ledger/city-acks-awaiting.js';
import type { PeerApplier } from '../ledger/peer-applier.js';

export function awaitingCityApplier(apply: PeerApplier): PeerApplier {
  return (db, record) => {
    const result = apply(db, record);
    if (result.outcome === 'applied') noteAwaitingCity(db, record.id, record.deviceId);
    return result;
  };
}

