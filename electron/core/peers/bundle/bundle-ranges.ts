// Which records a stick carries (docs/peers.md §8 "Writing"): for each origin, everything after the lowest seq any
// recipient is known to hold, up to what this machine holds. A recipient never heard from is known to hold nothing,
// so a stick for it carries everything; bundles are cumulative, so a stick lost on the way costs nothing but a new one.
import type { HaveVector } from '../../../../shared/peers/peer-record.js';

/** First and last seq per origin to write; origins every recipient already holds are left out. */
export function bundleRanges(own: HaveVector, recipients: readonly (HaveVector | null)[]): Record<string, [number, number]> {
  const ranges: Record<string, [number, number]> = {};
  for (const [origin, held] of Object.entries(own)) {
    if (held < 1) continue;
    const lowest = recipients.reduce((low, known) => Math.min(low, known?.[origin] ?? 0), held);
    if (lowest < held) ranges[origin] = [lowest + 1, held];
  }
  return ranges;
}
