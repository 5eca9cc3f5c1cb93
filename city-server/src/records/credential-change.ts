// A kiosk's credential-change record (docs/sync-protocol.md, "Card changes") against the city's roster: what makes it
// unacceptable, and, once accepted, the roster change it makes — under a new roster revision, so every kiosk of the
// kindergarten gets the card in its next delta. Both run inside the push's transaction.
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import type { CredentialChangeRecord } from '../../../shared/sync/protocol.js';
import type { RosterStore } from '../roster/roster-store.js';

/** Why the city will never accept this change as it is, or null when it may be applied. */
export function credentialChangeProblem(roster: RosterStore, record: CredentialChangeRecord): string | null {
  if (roster.settings().cardsManagedBy === 'city') {
    return "the city manages this kindergarten's cards (cardsManagedBy 'city'): change them in the city's roster";
  }
  if (!roster.hasCompanion(record.companionId)) return `companion ${record.companionId} is not in this kindergarten's roster`;
  const held = roster.credential(record.credentialId);
  if (record.action === 'revoke') {
    if (!held) return `credential ${record.credentialId} is not in this kindergarten's roster`;
    if (held.companionId !== record.companionId) return `credential ${record.credentialId} belongs to companion ${held.companionId}, not ${record.companionId}`;
    return null;
  }
  if (held) return `credential ${record.credentialId} is already in the roster: a new card needs a new credential id`;
  const valueProblem = record.kind === 'rfid' ? cardNumberProblem(record.value) : record.value === record.credentialId ? null : 'a qr credential’s value must be its credential id';
  if (valueProblem) return valueProblem;
  const holder = roster.liveCredentialHolding(record.kind, record.value);
  if (holder) return `card ${record.value} is already held by live credential ${holder.id} of companion ${holder.companionId}`;
  return null;
}

function cardNumberProblem(value: string): string | null {
  const card = normalizeCardNumber(value, 'canonical');
  return card && !card.partial && card.canonical === value ? null : `card number ${value} is not a canonical card number (docs/card-numbers.md)`;
}

/** Applies an accepted change; credentialChangeProblem must have answered null. */
export function applyCredentialChange(roster: RosterStore, record: CredentialChangeRecord): void {
  if (record.action === 'revoke') {
    roster.revokeCredentialAt(record.credentialId, record.occurredAt);
    return;
  }
  roster.upsertCredential({ id: record.credentialId, companionId: record.companionId, kind: record.kind, value: record.value, version: 1, revokedAt: null });
}
