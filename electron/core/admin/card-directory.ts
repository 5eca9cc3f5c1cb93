// What the "Companions & cards" screen reads: companions found by name (Kazakh letters folded), each with the children
// they bring, and a companion's cards with where each stands with the city.
import type { Database, Statement } from 'better-sqlite3';
import type { CompanionCard, CompanionSummary, CardSyncState } from '../../../shared/admin/card-contract.js';
import type { Relation } from '../../../shared/domain/roster.js';
import { NameSearch } from './name-search.js';

/** A search that matches half the kindergarten is a typo or one letter: the screen shows the first ones only. */
const MAX_FOUND = 30;

interface CompanionRow {
  id: string;
  first_name: string;
  last_name: string;
  relation: Relation;
  live_cards: number;
}

interface CredentialRow {
  id: string;
  kind: 'rfid' | 'qr';
  value: string;
  revoked_at: string | null;
  origin: 'city' | 'local';
}

interface ChangeRow {
  action: 'enrol' | 'revoke';
  reason: string | null;
  occurred_at: string;
  state: 'pending' | 'sent' | 'rejected' | null;
  rejected_reason: string | null;
}

export const CARD_DIRECTORY_SQL = {
  companion: `SELECT p.id, p.first_name, p.last_name, p.relation,
                (SELECT count(*) FROM credentials c WHERE c.companion_id = p.id AND c.revoked_at IS NULL) AS live_cards
              FROM companions p WHERE p.id = ?`,
  children: `SELECT c.id, c.first_name AS firstName, c.last_name AS lastName, g.name AS groupName
               FROM companion_children l JOIN children c ON c.id = l.child_id AND c.active = 1 JOIN groups g ON g.id = c.group_id
              WHERE l.companion_id = ? ORDER BY g.sort_order, c.first_name`,
  cardsOf: 'SELECT id, kind, value, revoked_at, origin FROM credentials WHERE companion_id = ? ORDER BY revoked_at IS NOT NULL, rowid',
  card: 'SELECT id, kind, value, revoked_at, origin FROM credentials WHERE id = ?',
  changesOf: `SELECT ch.action, ch.reason, ch.occurred_at, o.state, o.rejected_reason
                FROM credential_changes ch LEFT JOIN sync_outbox o ON o.record_id = ch.id
               WHERE ch.credential_id = ? ORDER BY ch.occurred_ms, ch.id`,
} as const;

export class CardDirectory {
  private readonly names: NameSearch;
  private readonly s: { [K in keyof typeof CARD_DIRECTORY_SQL]: Statement };

  constructor(db: Database) {
    this.names = new NameSearch(db);
    this.s = Object.fromEntries(Object.entries(CARD_DIRECTORY_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as CardDirectory['s'];
  }

  find(query: string): CompanionSummary[] {
    const ids = this.names.find(query).companionIds;
    const found = ids.map((id) => this.companion(id)).filter((c): c is CompanionSummary => c !== null);
    found.sort((a, b) => a.firstName.localeCompare(b.firstName, 'kk') || a.lastName.localeCompare(b.lastName, 'kk'));
    return found.slice(0, MAX_FOUND);
  }

  companion(id: string): CompanionSummary | null {
    const row = this.s.companion.get(id) as CompanionRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      relation: row.relation,
      children: this.s.children.all(id) as CompanionSummary['children'],
      liveCards: row.live_cards,
    };
  }

  cardsOf(companionId: string): CompanionCard[] {
    return (this.s.cardsOf.all(companionId) as CredentialRow[]).map((row) => this.view(row));
  }

  card(credentialId: string): CompanionCard | null {
    const row = this.s.card.get(credentialId) as CredentialRow | undefined;
    return row ? this.view(row) : null;
  }

  private view(row: CredentialRow): CompanionCard {
    const changes = this.s.changesOf.all(row.id) as ChangeRow[];
    const latest = changes.at(-1);
    const syncState: CardSyncState = latest?.state ?? 'city';
    return {
      credentialId: row.id,
      kind: row.kind,
      number: row.kind === 'qr' ? '' : displayNumber(row.value),
      enrolledAt: changes.find((c) => c.action === 'enrol')?.occurred_at ?? null,
      revokedAt: row.revoked_at,
      revokeReason: changes.findLast((c) => c.action === 'revoke')?.reason ?? null,
      origin: row.origin,
      syncState,
      rejectedReason: latest?.state === 'rejected' ? latest.rejected_reason : null,
    };
  }
}

/**
 * The number as the card shows it: an EM-Marine number is printed with ten digits ("0004512345"); a Mifare UID stays as
 * it is. A revoked card whose number went to a new credential keeps it behind a "retired:" prefix (roster-apply.ts).
 */
export function displayNumber(value: string): string {
  const number = value.startsWith('retired:') ? value.slice(value.indexOf(':', 'retired:'.length) + 1) : value;
  return /^\d{1,10}$/.test(number) ? number.padStart(10, '0') : number;
}
