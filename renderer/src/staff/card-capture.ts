// While a staff session is up, a card tapped on the reader belongs to the screen that asked for one (enrolling a
// companion's card, or a staff member's own); with no screen asking, the tap is ignored — never a check-in.
import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { CardCredential } from './use-staff-mode.js';

export type CardHandler = (card: CardCredential) => void;

export interface CardCapture {
  /** The newest taker wins until it lets go (the returned function). */
  take: (handler: CardHandler) => () => void;
}

export const CardCaptureContext = createContext<CardCapture | null>(null);

/** Takes the cards tapped while `listening` is true and hands them to `onCard`. */
export function useCardCapture(listening: boolean, onCard: CardHandler): void {
  const capture = useContext(CardCaptureContext);
  const deliver = useEffectEvent((card: CardCredential) => onCard(card));
  useEffect(() => {
    if (!listening || capture === null) return;
    return capture.take((card) => deliver(card));
  }, [listening, capture]);
}
