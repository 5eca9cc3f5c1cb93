// The door's requests of KioskApi (shared/api/contract.ts) answered by the DoorDesk: a person at the kiosk taps a card
// or shows a QR code (guard 'door': the push gives way), or a screen lets go of an offer it no longer shows.
import type { RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import type { GuardedHandlers } from '../guards/request-guards.js';
import type { DoorDesk } from './door-desk.js';

export type DoorRequestName = 'identifyCard' | 'identifyQr' | 'confirmOffer' | 'cancelOffer' | 'renewOffer';

export type DoorHandlers = { [K in DoorRequestName]: (args: RequestArgs<K>) => Result<RequestValue<K>> };

export function doorHandlers(): GuardedHandlers<DoorDesk, DoorHandlers> {
  return {
    identifyCard: { guard: 'door', run: ({ raw, source }, { store: door }) => door.identifyCard(raw, source) },
    identifyQr: { guard: 'door', run: ({ text }, { store: door }) => door.identifyQr(text) },
    confirmOffer: { guard: 'door', run: ({ offerId, childIds, answers }, { store: door }) => door.confirm(offerId, childIds, answers.leavingNow) },
    // Letting go of an offer is no act at the door: the push need not give way.
    cancelOffer: {
      guard: 'store',
      run: ({ offerId }, { store: door }) => {
        door.cancel(offerId);
        return ok({});
      },
    },
    renewOffer: { guard: 'door', run: ({ offerId }, { store: door }) => door.renew(offerId) },
  };
}
