// Finds the enrolled card a reading stands for. A full reading: its canonical value first, then — only
// when that is not enrolled — the other values an unconfigured reader's text may stand for. A W26
// reading: all 256 numbers with its low 24 bits alike, since it cannot prefer one. Either way, a guess is
// accepted only when exactly one enrolled card fits it.
import type { CardNumber } from '../../../shared/credentials/card-number.js';
import type { CredentialRow, RosterStore } from './roster-store.js';

export type CardMatch =
  | { kind: 'found'; credential: CredentialRow; value: string }
  | { kind: 'unknown' }
  /** Several enrolled cards fit the reading (two cards with the same low 24 bits read by a W26 reader). */
  | { kind: 'ambiguous'; values: string[] };

export function findCardCredential(roster: Pick<RosterStore, 'credential'>, card: CardNumber): CardMatch {
  if (!card.partial) {
    const exact = roster.credential('rfid', card.canonical);
    if (exact) return { kind: 'found', credential: exact, value: card.canonical };
  }
  const candidates = card.partial ? [card.canonical, ...card.alternatives] : card.alternatives;
  const hits: { credential: CredentialRow; value: string }[] = [];
  for (const value of candidates) {
    const credential = roster.credential('rfid', value);
    if (credential) hits.push({ credential, value });
  }
  const [only, ...more] = hits;
  if (!only) return { kind: 'unknown' };
  // Guessing between two enrolled cards would record one family's child as another's: refuse instead.
  if (more.length > 0) return { kind: 'ambiguous', values: hits.map((hit) => hit.value) };
  return { kind: 'found', ...only };
}
