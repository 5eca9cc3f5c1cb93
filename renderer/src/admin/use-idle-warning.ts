// The console's idle sign-out with a warning first: `ms` without a touch, a click, a key or a scroll signs out; for
// the last seconds the caller shows how many are left. Any of those, or the warning's own button, starts again.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { idlePhase, type IdlePhase } from './idle-phase.js';

const TICK_MS = 250;

export function useIdleWarning(ms: number, onIdle: () => void): { phase: IdlePhase; stay: () => void } {
  const fire = useEffectEvent(onIdle);
  // Set when the effect starts (a render must not read the clock).
  const lastTouch = useRef(0);
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'quiet' });
  const stay = useCallback(() => {
    lastTouch.current = performance.now();
    setPhase({ kind: 'quiet' });
  }, []);
  useEffect(() => {
    lastTouch.current = performance.now();
    let fired = false;
    const touched = (): void => {
      lastTouch.current = performance.now();
    };
    const tick = setInterval(() => {
      const next = idlePhase(ms, performance.now() - lastTouch.current);
      setPhase((now) => (now.kind === next.kind && (now.kind !== 'warning' || next.kind !== 'warning' || now.secondsLeft === next.secondsLeft) ? now : next));
      if (next.kind === 'idle' && !fired) {
        fired = true;
        fire();
      }
    }, TICK_MS);
    const kinds = ['pointerdown', 'keydown', 'input', 'wheel', 'scroll'] as const;
    for (const kind of kinds) window.addEventListener(kind, touched, { capture: true, passive: true });
    return () => {
      clearInterval(tick);
      for (const kind of kinds) window.removeEventListener(kind, touched, { capture: true });
    };
  }, [ms]);
  return { phase, stay };
}
