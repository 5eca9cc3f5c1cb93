// The staff's day records in the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs it),
// each as its live writer appends it and after the taps it names: paper days (PaperDayService.save: a `paper-day`
// register record whose id is the day's, naming its arrivals), then the city facts under the ids the city already holds
// (BackfillWriter.cityFact: the outbox's text while kept, else rebuilt from the row and checked against the city schema)
// — closing resolutions (ClosingService), certificate checks (ReturnChecks.mark: the return's child, day and days away
// come from its return_checks row), headcounts (HeadcountService.take).
// Rows are read whole before they are written (.all()): one connection cannot read and write at once.
import { PaperDayBodySchema } from '../../../shared/peers/peer-record.js';
import type { BackfillPiece } from '../ledger/backfill-writer.js';
import { backfillCityFacts } from './city-facts-backfill.js';

interface PaperDayRow {
  id: string;
  group_id: string;
  local_date: string;
  staff_id: string;
  entered_at: string;
  present: number;
  absent: number;
}

interface ClosingRow {
  id: string;
  local_date: string;
  child_id: string;
  outcome: 'left' | 'still-here';
  departure_event_id: string | null;
  note: string | null;
  staff_id: string;
  occurred_at: string;
  occurred_ms: number;
}

interface CertificateRow {
  id: string;
  outcome: 'seen' | 'missing';
  staff_id: string;
  recorded_at: string;
  recorded_ms: number;
  child_id: string;
  local_date: string;
  absent_days: number;
}

interface HeadcountRow {
  id: string;
  local_date: string;
  taken_at: string;
  taken_ms: number;
  trigger: 'cut-off' | 'manual';
  staff_id: string | null;
  groups: string;
}

/** Each paper day entered here, as the day's register record under the day's id, its arrivals in the order written. */
export const paperDaysBackfill: BackfillPiece = (db, out) => {
  const days = db.prepare<[], PaperDayRow>('SELECT id, group_id, local_date, staff_id, entered_at, present, absent FROM paper_days ORDER BY entered_ms, id').all();
  // The arrivals in the order the save appended them (by seq); one a year's archive took away keeps its place by id.
  const eventsOf = db.prepare<[string], { event_id: string }>(
    'SELECT l.event_id FROM paper_day_events l LEFT JOIN attendance_events e ON e.id = l.event_id WHERE l.paper_day_id = ? ORDER BY e.device_seq, l.event_id',
  );
  for (const d of days) {
    const eventIds = eventsOf.all(d.id).map((e) => e.event_id);
    const body = PaperDayBodySchema.safeParse({ groupId: d.group_id, date: d.local_date, eventIds, staffId: d.staff_id, recordedAt: d.entered_at, present: d.present, absent: d.absent });
    // A day this version cannot state (more arrivals than a record takes) stays local: another machine would refuse the page.
    if (body.success) out.register({ kind: 'paper-day', body: body.data }, d.id);
  }
};

/** Children resolved at closing time, with their departures (the taps came before). */
export const closingResolutionsBackfill: BackfillPiece = (db, out) => {
  const rows = db.prepare<[], ClosingRow>(
    'SELECT id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms FROM closing_resolutions ORDER BY occurred_ms, id',
  );
  backfillCityFacts(out, 'closing-resolution', rows.all(), (r) => ({
    localDate: r.local_date,
    childId: r.child_id,
    outcome: r.outcome,
    departureEventId: r.departure_event_id,
    note: r.note,
    staffId: r.staff_id,
    occurredAt: r.occurred_at,
    occurredMs: r.occurred_ms,
  }));
};

/** Certificates seen or found missing for children back after a long absence, the return's figures from its row. */
export const certificateChecksBackfill: BackfillPiece = (db, out) => {
  const rows = db.prepare<[], CertificateRow>(
    `SELECT k.id, k.outcome, k.staff_id, k.recorded_at, k.recorded_ms, r.child_id, r.local_date, r.absent_days
       FROM certificate_checks k JOIN return_checks r ON r.id = k.return_check_id ORDER BY k.recorded_ms, k.id`,
  );
  backfillCityFacts(out, 'certificate-check', rows.all(), (r) => ({
    localDate: r.local_date,
    childId: r.child_id,
    absentDays: r.absent_days,
    outcome: r.outcome,
    staffId: r.staff_id,
    occurredAt: r.recorded_at,
    occurredMs: r.recorded_ms,
  }));
};

/**
 * Headcounts as the live writer appended them, that is as they were queued for the city. Staff's are always queued,
 * so they are rebuilt from the row when the outbox no longer keeps them. The kiosk's own at the cut-off was queued only
 * while it was enrolled with a city (HeadcountService.takeIfDue: one drawn before would land at the city as that day's
 * count), and nothing here says when it enrolled: a cut-off headcount goes only while the outbox keeps its text. The
 * older ones stay this door's rows; another door's headcount is a console's fact only (the office counts its 09:00 live
 * from the merged taps), so nothing the joiner computes misses them.
 */
export const headcountsBackfill: BackfillPiece = (db, out) => {
  const rows = db.prepare<[], HeadcountRow>('SELECT id, local_date, taken_at, taken_ms, trigger, staff_id, groups FROM headcounts ORDER BY taken_ms, id');
  // The backfill writes only the peer log, never the outbox: which ones it keeps can be asked before one is written.
  const kept = rows.all().filter((h) => h.trigger !== 'cut-off' || out.queuedBody(h.id) !== null);
  backfillCityFacts(out, 'headcount', kept, (h) => ({
    localDate: h.local_date,
    takenAt: h.taken_at,
    takenMs: h.taken_ms,
    trigger: h.trigger,
    staffId: h.staff_id,
    // The row keeps the nurse's detail beside the city's fields; the city schema keeps only its own.
    groups: JSON.parse(h.groups) as unknown,
  }));
};
