// Calls onIdle after `ms` without a touch, a click or a key anywhere on the page; each one starts the wait again.
import { useEffect, useEffectEvent } from 'react';

export function useIdle(ms: number | null, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (ms === null) return;
    let timer = setTimeout(() => fire(), ms);
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => fire(), ms);
    };
    const kinds = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    for (const kind of kinds) window.addEventListener(kind, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const kind of kinds) window.removeEventListener(kind, restart, { capture: true });
    };
  }, [ms]);
}
