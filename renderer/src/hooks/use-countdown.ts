// A restartable countdown in whole seconds that calls onDone at zero; null totalMs means stopped.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';

const TICK_MS = 200;

export interface Countdown {
  secondsLeft: number;
  /** Changes on every restart: a key for anything that animates with the countdown. */
  round: number;
  restart: () => void;
}

/** Whole seconds still to go, rounded up, so the screen shows "1" until the very end and never "0" early. */
export function secondsLeftOf(totalMs: number, elapsedMs: number): number {
  return Math.max(0, Math.ceil((totalMs - elapsedMs) / 1000));
}

export function useCountdown(totalMs: number | null, onDone: () => void): Countdown {
  const [round, setRound] = useState(0);
  // null until the first tick of a round: the full time, whatever totalMs is at that render.
  const [left, setLeft] = useState<number | null>(null);
  const done = useEffectEvent(onDone);

  useEffect(() => {
    if (totalMs === null) return;
    const start = performance.now();
    // The deadline has its own timer: the display ticks may run late on a busy PC, the confirm should not.
    const deadline = setTimeout(() => {
      done();
    }, totalMs);
    const ticks = setInterval(() => {
      setLeft(secondsLeftOf(totalMs, performance.now() - start));
    }, TICK_MS);
    return () => {
      clearTimeout(deadline);
      clearInterval(ticks);
    };
  }, [totalMs, round]);

  const restart = useCallback(() => {
    setRound((r) => r + 1);
    setLeft(null);
  }, []);

  return { secondsLeft: left ?? secondsLeftOf(totalMs ?? 0, 0), round, restart };
}
