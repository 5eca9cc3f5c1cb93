// While the first-run setup is on the door screen, a card read by a keyboard-mode reader goes to its readers step (a
// live test), never to the check-in.
import type { CardSource } from '../../../shared/domain/attendance.js';

type Sink = (raw: string, source: CardSource) => void;
let sink: Sink | null = null;

/** The readers step listens while it is shown; returns how to stop. */
export function listenForSetupCards(listener: Sink): () => void {
  sink = listener;
  return () => {
    if (sink === listener) sink = null;
  };
}

export function sendSetupCard(raw: string, source: CardSource): void {
  sink?.(raw, source);
}
