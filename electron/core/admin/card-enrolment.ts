// Enrols and revokes companions' cards at the kiosk. Each change writes the credential, its credential_changes row, the
// credential-change record in the outbox and the admin_audit entry in ONE transaction: the door accepts (or refuses)
// the card the moment the admin's screen says so, and the city hears of exactly the changes that happened.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { CompanionCard, EnrolOutcome } from '../../../shared/admin/card-contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber, readingText } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { CredentialChangeRecord } from '../../../shared/sync/protocol.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import { retiredValue } from '../roster/roster-apply.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import type { CardDirectory } from './card-directory.js';
import type { SettingsStore } from '../ledger/settings-store.js';

export interface CardEnrolmentDeps {
  db: Database;
  audit: AdminAudit;
  directory: CardDirectory;
  settings: SettingsStore;
  /** This kiosk's device id: the records name it. */
  deviceId: string;
  /** How a reader of this source writes card numbers: the door reads the same card the same way. */
  cardFormat: (source: CardSource) => ReaderFormat | 'canonical';
}

interface HolderRow {
  id: string;
  companion_id: string;
  revoked_at: string | null;
  first_name: string;
  last_name: string;
}

interface CredentialRow {
  id: string;
  companion_id: string;
  kind: 'rfid' | 'qr';
  value: string;
  revoked_at: string | null;
}

/** Every statement a change runs, here so the migration test can check each one's query plan. */
export const CARD_ENROLMENT_SQL = {
  companion: 'SELECT id FROM companions WHERE id = ?',
  staffCard: 'SELECT staff_id FROM staff_cards WHERE value = ?',
  liveStaffCard: 'SELECT staff_id FROM staff_cards WHERE value = ? AND revoked_at IS NULL',
  holder: `SELECT c.id, c.companion_id, c.revoked_at, p.first_name, p.last_name FROM credentials c JOIN companions p ON p.id = c.companion_id
            WHERE c.kind = 'rfid' AND c.value = ?`,
  credential: 'SELECT id, companion_id, kind, value, revoked_at FROM credentials WHERE id = ?',
  retire: 'UPDATE credentials SET value = ? WHERE id = ? AND revoked_at IS NOT NULL',
  insertCredential: "INSERT INTO credentials (id, companion_id, kind, value, version, revoked_at, origin) VALUES (?, ?, 'rfid', ?, 1, NULL, 'local')",
  // A printed QR card's credential: its value is its own id, which the card's signed code names.
  insertQr: "INSERT INTO credentials (id, companion_id, kind, value, version, revoked_at, origin) VALUES (?, ?, 'qr', ?, 1, NULL, 'local')",
  revoke: 'UPDATE credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  insertChange: `INSERT INTO credential_changes (id, credential_id, companion_id, action, kind, value, staff_id, reason, occurred_at, occurred_ms)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

export class CardEnrolment {
  private readonly outbox: OutboxWriter;
  private readonly s: { [K in keyof typeof CARD_ENROLMENT_SQL]: Statement };

  constructor(private readonly deps: CardEnrolmentDeps) {
    const { db } = deps;
    this.outbox = new OutboxWriter(db);
    this.s = Object.fromEntries(Object.entries(CARD_ENROLMENT_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as CardEnrolment['s'];
  }

  /** Enrols the card a reader read (`raw`, from `source`) for the companion, as a new credential. */
  enrol(staffId: string, companionId: string, raw: string, source: CardSource, at: LocalTime): Result<EnrolOutcome> {
    return this.enrolReading(staffId, companionId, raw, this.deps.cardFormat(source), at);
  }

  /**
   * Enrols a card number written as the roster spreadsheet prints it (canonical, shared/credentials/card-number.ts):
   * the same checks, records and audit as a card read at the console.
   */
  enrolNumber(staffId: string, companionId: string, canonical: string, at: LocalTime): Result<EnrolOutcome> {
    return this.enrolReading(staffId, companionId, canonical, 'canonical', at);
  }

  /** Gives the companion a new QR credential for a printed card, recorded, queued and audited as an enrolment. */
  issueQr(staffId: string, companionId: string, at: LocalTime): Result<{ card: CompanionCard }> {
    if (this.deps.settings.get('cardsManagedBy') === 'city') return fail('CARDS_MANAGED_BY_CITY');
    if (!this.s.companion.get(companionId)) return fail('INVALID_REQUEST', `no companion ${companionId}`);
    const credentialId = uuidv7();
    this.deps.db
      .transaction(() => {
        this.s.insertQr.run(credentialId, companionId, credentialId);
        this.change({ credentialId, companionId, kind: 'qr', value: credentialId, action: 'enrol', staffId, reason: null }, at);
      })
      .immediate();
    return ok({ card: this.view(credentialId) });
  }

  private enrolReading(staffId: string, companionId: string, raw: string, format: ReaderFormat | 'canonical', at: LocalTime): Result<EnrolOutcome> {
    if (this.deps.settings.get('cardsManagedBy') === 'city') return fail('CARDS_MANAGED_BY_CITY');
    if (!this.s.companion.get(companionId)) return fail('INVALID_REQUEST', `no companion ${companionId}`);
    const card = normalizeCardNumber(raw, format);
    if (!card) return ok({ outcome: 'refused', reason: 'card-unreadable', number: null, holder: null });
    // A W26 reading knows 24 bits of the number: enrolling it would guess the other 8.
    if (card.partial) return ok({ outcome: 'refused', reason: 'card-partial', number: readingText(card), holder: null });
    const value = card.canonical;
    const refusal = this.conflict(companionId, value, card.alternatives);
    if (refusal) return ok(refusal);
    const holder = this.s.holder.get(value) as HolderRow | undefined;

    const credentialId = uuidv7();
    this.deps.db
      .transaction(() => {
        // A revoked card's number may come back only as a new credential: the old row keeps its history under a value no
        // reader produces, the same way a roster from the city retires it.
        if (holder) this.s.retire.run(retiredValue(value, holder.id), holder.id);
        this.s.insertCredential.run(credentialId, companionId, value);
        this.change({ credentialId, companionId, kind: 'rfid', value, action: 'enrol', staffId, reason: null }, at);
      })
      .immediate();
    return ok({ outcome: 'enrolled', card: this.view(credentialId) });
  }

  /**
   * Why the card may not be enrolled, or null. The door takes a tap for the enrolled card its main reading names, or —
   * when none does — for the one another reading of the same text names (card-lookup.ts: 'AB12CD34' and '34:CD:12:AB'
   * are one tap of an unconfigured reader). So every reading is checked, not the main one alone: a card whose other
   * reading is already someone's would open the door for the wrong family, or make the door refuse both as ambiguous.
   * The main reading is refused on any staff card, withdrawn ones too (staff_cards keeps one row per number and may
   * hand it out again); the other readings on the cards in use.
   */
  private conflict(companionId: string, value: string, alternatives: readonly string[]): Extract<EnrolOutcome, { outcome: 'refused' }> | null {
    for (const reading of [value, ...alternatives]) {
      const staffCard = reading === value ? this.s.staffCard : this.s.liveStaffCard;
      if (staffCard.get(reading)) return { outcome: 'refused', reason: 'staff-card', number: value, holder: null };
      const holder = this.s.holder.get(reading) as HolderRow | undefined;
      if (holder && holder.revoked_at === null) {
        return {
          outcome: 'refused',
          reason: holder.companion_id === companionId ? 'card-already-enrolled' : 'card-held',
          number: value,
          holder: { companionId: holder.companion_id, name: `${holder.first_name} ${holder.last_name}` },
        };
      }
    }
    return null;
  }

  /** Revokes a live card or QR credential: the door refuses it from this moment. */
  revoke(staffId: string, credentialId: string, reason: string | null, at: LocalTime): Result<{ card: CompanionCard }> {
    if (this.deps.settings.get('cardsManagedBy') === 'city') return fail('CARDS_MANAGED_BY_CITY');
    const row = this.s.credential.get(credentialId) as CredentialRow | undefined;
    if (!row) return fail('INVALID_REQUEST', `no credential ${credentialId}`);
    if (row.revoked_at !== null) return fail('INVALID_REQUEST', `credential ${credentialId} is already revoked`);
    this.deps.db
      .transaction(() => {
        this.s.revoke.run(at.iso, credentialId);
        this.change({ credentialId, companionId: row.companion_id, kind: row.kind, value: row.value, action: 'revoke', staffId, reason }, at);
      })
      .immediate();
    return ok({ card: this.view(credentialId) });
  }

  /** The change log row, the record for the city and the admin's trail: inside the caller's transaction. */
  private change(c: Pick<CredentialChangeRecord, 'credentialId' | 'companionId' | 'kind' | 'value' | 'action' | 'staffId' | 'reason'>, at: LocalTime): void {
    const id = uuidv7();
    this.s.insertChange.run(id, c.credentialId, c.companionId, c.action, c.kind, c.value, c.staffId, c.reason, at.iso, at.ms);
    this.outbox.enqueue({ type: 'credential-change', id, deviceId: this.deps.deviceId, ...c, occurredAt: at.iso, occurredMs: at.ms }, at.ms);
    this.deps.audit.record(c.action === 'enrol' ? 'card-enrolled' : 'card-revoked', c.staffId, at, {
      changeId: id,
      credentialId: c.credentialId,
      companionId: c.companionId,
      kind: c.kind,
      value: c.value,
      ...(c.reason === null ? {} : { reason: c.reason }),
    });
  }

  private view(credentialId: string): CompanionCard {
    const card = this.deps.directory.card(credentialId);
    if (!card) throw new Error(`credential ${credentialId} vanished after its change`);
    return card;
  }
}
