// Listens for keyboard-wedge card readers on every screen and hands each recognised card number to onCard.
import { useEffect, useEffectEvent } from 'react';
import { markNow } from '../perf/marks.js';
import { CardBurstDetector } from './card-burst-detector.js';
import { keyFromEvent } from './key-from-event.js';

/** A little after the detector's quiet time, so a suffix-less burst is over when the timer runs. */
const FLUSH_DELAY_MS = 110;

export function useCardReader(onCard: (raw: string) => void, enabled: boolean): void {
  const deliver = useEffectEvent((raw: string) => {
    markNow('esik:card-burst-end');
    onCard(raw);
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
      const burst = detector.feed(key, event.timeStamp);
      clearTimeout(flushTimer);
      if (detector.pending) flushTimer = setTimeout(flush, FLUSH_DELAY_MS);
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
