// While someone works on a staff screen without asking the core anything (typing a note, choosing dates), tells the
// core at most every `everyMs` that the session is in use, so its idle limit matches what the UI sees.
import { useEffect, useEffectEvent } from 'react';

export function useKeepAlive(everyMs: number, ping: () => void): void {
  const send = useEffectEvent(ping);
  useEffect(() => {
    let last = performance.now();
    const onActivity = (): void => {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      send();
    };
    // Scrolling counts: the console's head reads long lists without touching anything else.
    const kinds = ['pointerdown', 'keydown', 'input', 'wheel', 'scroll'] as const;
    for (const kind of kinds) window.addEventListener(kind, onActivity, { capture: true, passive: true });
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, onActivity, { capture: true });
    };
  }, [everyMs]);
}
