// Where an untouched console stands: quiet, warning the head with the seconds left, or due to sign out.

export type IdlePhase = { kind: 'quiet' } | { kind: 'warning'; secondsLeft: number } | { kind: 'idle' };

/** How long before the sign-out the warning shows: 30 s, or half the limit when the limit is short. */
export function warningMsFor(limitMs: number): number {
  return Math.min(30_000, Math.floor(limitMs / 2));
}

export function idlePhase(limitMs: number, untouchedMs: number): IdlePhase {
  const leftMs = limitMs - untouchedMs;
  if (leftMs <= 0) return { kind: 'idle' };
  if (leftMs > warningMsFor(limitMs)) return { kind: 'quiet' };
  // Rounded up: the warning says "1" until the very end, never "0" early.
  return { kind: 'warning', secondsLeft: Math.ceil(leftMs / 1000) };
}
