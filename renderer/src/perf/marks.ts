// Performance marks the e2e tests and benchmarks read; one of each name at a time, so they never pile up.
import { useLayoutEffect } from 'react';

export type EsikMark =
  | 'esik:card-burst-end'
  | 'esik:choose-visible'
  | 'esik:receipt-visible'
  /** A message (a call's reply, an event) read off the WebSocket: splits a tap into the core's round trip, React, the frame. */
  | 'esik:reply-received'
  /** A screen marked by usePaintedMark committed to the DOM, before the browser's next frame. */
  | 'esik:screen-committed'
  /** A refusal (or failure) message painted. */
  | 'esik:error-visible'
  /** A camera frame handed to the QR decoder. */
  | 'esik:qr-frame'
  /** A QR text taken from the camera (once per presentation) and sent to the core. */
  | 'esik:qr-decoded';

export function markNow(name: EsikMark): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Marks name when the screen that calls this has been committed and its frame is about to be painted.
 * Runs once per mount: screens are keyed per scan or receipt, so each one marks afresh.
 */
export function usePaintedMark(name: EsikMark): void {
  useLayoutEffect(() => {
    markNow('esik:screen-committed');
    const frame = requestAnimationFrame(() => {
      markNow(name);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [name]);
}
