// The staff folder's part of the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs it):
// the staff tables' current state as fresh register records — one staff-account and one staff-pin per member, one
// staff-card per card — so a machine that joins holds the same accounts and its staff sign in there with their PINs.
// A register that already has a record (a PIN set after the peer log existed) keeps it and is not restated. The
// city's accounts come from each enrolled machine's own pull (§6) and are restated only where no city is pulled (the
// demo, a kindergarten on its own).
import type { Database } from 'better-sqlite3';
import type { BackfillPiece } from '../ledger/backfill-writer.js';
import { heldPinBodies } from '../ledger/held-pins.js';
import { cityRosterPulledHere } from '../roster/roster-source.js';
import { backfillCityFacts } from './city-facts-backfill.js';
import type { AbsenceRow, CorrectionRow } from './peer-apply.js';
import type { StaffAccountBody, StaffCardBody } from './staff-registers.js';

interface StaffRow {
  id: string;
  first_name: string;
  last_name: string;
  role: 'staff' | 'admin';
  active: number;
  origin: 'local' | 'city';
}

interface CardRow {
  id: string;
  staff_id: string;
  value: string;
  revoked_at: string | null;
}

/** Staff accounts, their PINs and their cards, in that order (a PIN or a card names an account the joiner must hold first). */
export const staffRegistersBackfill: BackfillPiece = (db: Database, out) => {
  const cityPulled = cityRosterPulledHere(db);
  for (const s of db.prepare<[], StaffRow>('SELECT id, first_name, last_name, role, active, origin FROM staff ORDER BY id').all()) {
    if (s.origin === 'city' && cityPulled) continue;
    const body: StaffAccountBody = { staffId: s.id, firstName: s.first_name, lastName: s.last_name, role: s.role, active: s.active === 1, origin: s.origin };
    out.register({ kind: 'staff-account', body });
  }
  // A hash of parameters this version cannot name is not among them: the member sets a PIN again where they join.
  for (const body of heldPinBodies(db)) out.register({ kind: 'staff-pin', body });
  for (const c of db.prepare<[], CardRow>('SELECT id, staff_id, value, revoked_at FROM staff_cards ORDER BY id').all()) {
    const body: StaffCardBody = { cardId: c.id, staffId: c.staff_id, value: c.value, revokedAt: c.revoked_at };
    out.register({ kind: 'staff-card', body });
  }
};

/** Absences, then corrections (a correction may withdraw an absence), each under its own id, in the order written. */
export const staffFactsBackfill: BackfillPiece = (db, out) => {
  const absences = db.prepare<[], AbsenceRow>('SELECT * FROM absences ORDER BY recorded_ms, id').all();
  backfillCityFacts(out, 'absence', absences, (a) => ({
    childId: a.child_id,
    firstDate: a.first_date,
    lastDate: a.last_date,
    reason: a.reason,
    certificateNumber: a.certificate_number,
    certificateDate: a.certificate_date,
    note: a.note,
    staffId: a.staff_id,
    recordedAt: a.recorded_at,
    recordedMs: a.recorded_ms,
  }));
  const corrections = db.prepare<[], CorrectionRow>('SELECT id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms FROM corrections ORDER BY occurred_ms, id').all();
  backfillCityFacts(out, 'correction', corrections, (c) => ({
    targetType: c.target_type,
    targetId: c.target_id,
    staffId: c.staff_id,
    reason: c.reason,
    occurredAt: c.occurred_at,
    occurredMs: c.occurred_ms,
  }));
};
