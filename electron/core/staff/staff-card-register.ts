// Staff cards as records (docs/peers.md §6 "staff cards"): a register per card id, where revocation wins for good (a
// card given out again is a new card id), and one card number live on two cards — enrolled at two machines while they
// were apart — stays with the earlier enrolment by HLC, then device id; the machine that enrolled the other revokes its
// own (reason card-conflict). staff_cards keeps one row per number (UNIQUE value), so the card that keeps the number
// holds the row on every machine and the other is not shown; its register says revoked once its machine follows up.
import type { Database, Statement } from 'better-sqlite3';
import { StaffCardBodySchema } from '../../../shared/peers/peer-record.js';
import type { RegisterDecision, RegisterRecord } from '../ledger/merge-rules.js';
import { appendRegisterEdit, registerRecords } from '../ledger/peer-registers.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { earliest, groupFirst, type RecordMeta } from '../ledger/register-heads.js';
import type { StaffCardBody, Touched } from './staff-registers.js';

interface CardRow {
  id: string;
  staff_id: string;
  revoked_at: string | null;
}

interface CardStatements {
  byId: Statement<[string], CardRow>;
  byValue: Statement<[string], CardRow>;
  companionCard: Statement<[string]>;
  revoke: Statement<[string, string]>;
  reassign: Statement<[string, string]>;
  drop: Statement<[string]>;
  insert: Statement<[string, string, string]>;
}

const prepared = new WeakMap<Database, CardStatements>();

function statementsOf(db: Database): CardStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      byId: db.prepare('SELECT id, staff_id, revoked_at FROM staff_cards WHERE id = ?'),
      byValue: db.prepare('SELECT id, staff_id, revoked_at FROM staff_cards WHERE value = ?'),
      companionCard: db.prepare(`SELECT 1 FROM credentials WHERE kind = 'rfid' AND value = ?`),
      revoke: db.prepare('UPDATE staff_cards SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      reassign: db.prepare('UPDATE staff_cards SET staff_id = ? WHERE id = ?'),
      drop: db.prepare('DELETE FROM staff_cards WHERE id = ?'),
      insert: db.prepare('INSERT INTO staff_cards (id, staff_id, value) VALUES (?, ?, ?)'),
    };
    prepared.set(db, s);
  }
  return s;
}

const cardContent = (body: StaffCardBody) => ({ kind: 'staff-card' as const, body });

/** When a card was first given out: its register's earliest live record, or null for a card older than the peer log. */
function enrolmentOf(db: Database, cardId: string, value: string, staffId: string): RecordMeta | null {
  const live = registerRecords(db, cardContent({ cardId, staffId, value, revokedAt: null })).filter(
    (r): r is Extract<RegisterRecord, { kind: 'staff-card' }> => r.kind === 'staff-card' && r.body.revokedAt === null,
  );
  return live.length > 0 ? earliest(live) : null;
}

/**
 * Writes a staff card register's decision to staff_cards. A live card whose number another live card holds keeps it
 * only when enrolled earlier (a card from before the peer log is the earliest of all); this machine revokes its own
 * card that lost the number. A number that is a companion's card here is never a staff card (migration 0004's rule).
 */
export function projectCard(db: Database, decision: RegisterDecision, nowMs: number): Touched {
  const value = StaffCardBodySchema.parse(decision.value);
  const s = statementsOf(db);
  if (value.revokedAt !== null) {
    s.revoke.run(value.revokedAt, value.cardId);
    return { staff: [] };
  }
  const held = s.byId.get(value.cardId);
  if (held !== undefined) {
    if (held.revoked_at === null && held.staff_id !== value.staffId) s.reassign.run(value.staffId, value.cardId);
    return { staff: [] };
  }
  if (s.companionCard.get(value.value) !== undefined) return { staff: [] };
  const other = s.byValue.get(value.value);
  if (other !== undefined && other.revoked_at === null) {
    const mine = enrolmentOf(db, value.cardId, value.value, value.staffId);
    const theirs = enrolmentOf(db, other.id, value.value, other.staff_id);
    if (theirs === null || mine === null || groupFirst(theirs, mine) < 0) return { staff: [] };
    // The number goes to the earlier card (one its machine enrolled before it joined comes after the group's, §9); the machine that enrolled the other withdraws its own.
    if (theirs.deviceId === peerLogOf(db)?.deviceId) {
      appendRegisterEdit(db, cardContent({ cardId: other.id, staffId: other.staff_id, value: value.value, revokedAt: new Date(nowMs).toISOString() }), nowMs);
    }
  }
  // A withdrawn card's row gives way: its number is given out again under a new card id, its register stays revoked.
  if (other !== undefined) s.drop.run(other.id);
  s.insert.run(value.cardId, value.staffId, value.value);
  return { staff: [] };
}

/** A staff card given out or withdrawn here: appended with its base, settled, and the decision written. */
export function recordStaffCard(db: Database, body: StaffCardBody, nowMs: number): Touched {
  const settled = appendRegisterEdit(db, cardContent(body), nowMs);
  return settled === null ? { staff: [] } : projectCard(db, settled.decision, nowMs);
}
