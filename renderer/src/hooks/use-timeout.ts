// Runs callback ms after mount, or after restartKey last changed; null ms means no timer.
// Cancelled when the component goes first (another screen took over).
import { useEffect, useEffectEvent } from 'react';

export function useTimeout(ms: number | null, callback: () => void, restartKey: unknown = null): void {
  const fire = useEffectEvent(callback);
  useEffect(() => {
    if (ms === null) return;
    const timer = setTimeout(() => {
      fire();
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [ms, restartKey]);
}
