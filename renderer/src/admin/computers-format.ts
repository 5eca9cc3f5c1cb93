// How the Computers page writes a code, the minutes it has left and a member's link: small pure helpers, tested.
import { fillText } from '../../../shared/i18n/fill-text.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';

/** "7KQ4M2XD9RTB" (or already grouped) as "7KQ4-M2XD-9RTB": read aloud and typed in groups of four. */
export function codeGroups(code: string): string {
  const plain = code.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return (plain.match(/.{1,4}/g) ?? []).join('-');
}

/** Whole minutes the code is still open, rounded up (0: over). */
export function minutesLeft(expiresMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((expiresMs - nowMs) / 60_000));
}

/** A member's link in words: connected, last seen when, or never. */
export function linkText(member: PeerMemberView, x: ComputersTexts, when: (ms: number) => string): string {
  if (member.connected) return x.connected;
  return member.lastSeenMs === null ? x.neverSeen : fillText(x.lastSeen, { when: when(member.lastSeenMs) });
}

/** This computer first, then the others as they are named, the removed ones last. */
export function membersInOrder(members: readonly PeerMemberView[]): PeerMemberView[] {
  const rank = (m: PeerMemberView): number => (m.self ? 0 : m.revoked ? 2 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
