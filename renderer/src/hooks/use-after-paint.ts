// Runs what must not hold up a screen's first frame (its sound) just after that frame is out.
import { useEffect, useEffectEvent } from 'react';

/** Runs `callback` once per mount, after the browser has drawn the frame that first shows the component. */
export function useAfterFirstPaint(callback: () => void): void {
  const run = useEffectEvent(callback);
  useEffect(() => {
    let task: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before that frame is drawn; a task queued from it runs once the frame is out.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => {
        run();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, []);
}
