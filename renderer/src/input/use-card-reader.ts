// Listens for keyboard-mode card readers and 2D scanners on every screen and hands each recognised burst, as a card
// or a QR credential, to onCredential.
import { useEffect, useEffectEvent } from 'react';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import { markNow } from '../perf/marks.js';
import type { Credential } from '../state/credential.js';
import { CardBurstDetector } from './card-burst-detector.js';
import { keyFromEvent } from './key-from-event.js';
import { credentialFromBurst } from './route-burst.js';

/** A little after the detector's quiet time, so a suffix-less card burst is over when the timer runs. */
const CARD_FLUSH_DELAY_MS = 110;
/**
 * Anything else waits longer: a QR text is 100+ keys, and a timer that runs while a busy main thread still holds
 * some of them would cut it in two. 2D scanners end with Enter (their default), so this rarely matters otherwise.
 */
const TEXT_FLUSH_DELAY_MS = 1000;

export function useCardReader(onCredential: (credential: Credential) => void, enabled: boolean): void {
  const deliver = useEffectEvent((raw: string) => {
    markNow('esik:card-burst-end');
    onCredential(credentialFromBurst(raw));
  });

  useEffect(() => {
    if (!enabled) return;
    const detector = new CardBurstDetector();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    const flush = (): void => {
      const burst = detector.flush(performance.now());
      if (burst) deliver(burst.raw);
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      // Staff typing into a form field is never a card, however fast they type.
      if (isEditable(event.target)) return;
      const key = keyFromEvent(event);
      if (key === null) return;
      // A scanner's space inside a QR text must not also press the focused button.
      if (key === ' ' && detector.continues(event.timeStamp)) event.preventDefault();
      const burst = detector.feed(key, event.timeStamp);
      clearTimeout(flushTimer);
      if (detector.pending) flushTimer = setTimeout(flush, normalizeCardNumber(detector.held) ? CARD_FLUSH_DELAY_MS : TEXT_FLUSH_DELAY_MS);
      if (!burst) return;
      // The reader's Enter must not also press whatever button has focus; its Tab must not move focus.
      if (key === 'Enter' || key === 'Tab') event.preventDefault();
      deliver(burst.raw);
    };

    // Capture phase: seen before any element can stop it, on whatever screen is showing.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(flushTimer);
    };
  }, [enabled]);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
