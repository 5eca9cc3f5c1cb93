// Runs a recorded stream through a decoder as the reader service would: a report every few ms, and a
// reset where the device was unplugged.
import type { DecodedEvent, ReportDecoder } from '../decoded-event.js';
import type { RecordedStep } from './recorded-stream.js';

/** A key report every 4 ms: about the pace of a keyboard-mode reader. */
const REPORT_INTERVAL_MS = 4;

export function decodeStream(decoder: ReportDecoder, steps: readonly RecordedStep[]): DecodedEvent[] {
  const events: DecodedEvent[] = [];
  let atMs = 0;
  for (const step of steps) {
    atMs += REPORT_INTERVAL_MS;
    events.push(...(step.kind === 'report' ? decoder.push(step.bytes, atMs) : decoder.reset()));
  }
  return events;
}
