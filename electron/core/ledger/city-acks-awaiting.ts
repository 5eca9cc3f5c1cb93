// Where another machine's city-bound change stands with the city (docs/peers.md §5 "Exactly once to the city"), kept in
// peer_city_state (migration 0036) for the roster pull's "awaiting the city" rule (roster/card-awaiting-city.ts,
// roster-awaiting-city.ts). A change taken from a peer is pending (noteAwaitingCity, by the roster's appliers) until a
// city-acks names it: the origin's own, or the one a machine relaying the origin appends after its push
// (settleAwaitingCity, from ledger/city-acks-apply.ts and city-acks.ts). Either order works: an answer heard before its
// record (a record waiting for its companion, or an origin's run taken after the acks that name it) is kept and the
// record, when applied, finds it answered.
import type { Database, Statement } from 'better-sqlite3';

/** The peer kinds whose records reach the city and change the roster the city sends back. */
export const AWAITED_KINDS = ['credential-change', 'roster-change'] as const;

export interface CityAnswers {
  forDevice: string;
  accepted: readonly string[];
  duplicate: readonly string[];
  rejected: readonly { id: string; reason: string }[];
}

interface Statements {
  note: Statement<[string, string]>;
  sent: Statement<{ origin: string; ids: string }>;
  rejected: Statement<{ origin: string; answers: string }>;
}

const prepared = new WeakMap<Database, Statements>();

// An answer is kept for an id held as one of the awaited kinds, or not held at all (its record may come later); an id
// held as something else (a tap, an absence: nearly every id a push names) is none of this table's business. One look-up
// by record id each, so an acks of a thousand taps costs a thousand index probes and writes nothing.
const NOT_OTHER_KIND = `NOT EXISTS (SELECT 1 FROM peer_log p WHERE p.record_id = a.id AND p.kind NOT IN (${AWAITED_KINDS.map((k) => `'${k}'`).join(', ')}))`;

function statementsOf(db: Database): Statements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      note: db.prepare("INSERT INTO peer_city_state (record_id, origin, state) VALUES (?, ?, 'pending') ON CONFLICT (record_id) DO NOTHING"),
      // Only a pending row takes an answer: the first answer heard stands (the city keeps a record once).
      sent: db.prepare(
        `INSERT INTO peer_city_state (record_id, origin, state)
           SELECT a.id, @origin, 'sent' FROM (SELECT value AS id FROM json_each(@ids)) a WHERE ${NOT_OTHER_KIND}
         ON CONFLICT (record_id) DO UPDATE SET state = 'sent', reason = NULL WHERE peer_city_state.state = 'pending'`,
      ),
      rejected: db.prepare(
        `INSERT INTO peer_city_state (record_id, origin, state, reason)
           SELECT a.id, @origin, 'rejected', a.reason
             FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.reason') AS reason FROM json_each(@answers)) a
            WHERE ${NOT_OTHER_KIND}
         ON CONFLICT (record_id) DO UPDATE SET state = 'rejected', reason = excluded.reason WHERE peer_city_state.state = 'pending'`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

/** A change of `origin`'s taken in here: awaiting the city unless an answer for it was heard already. */
export function noteAwaitingCity(db: Database, recordId: string, origin: string): void {
  statementsOf(db).note.run(recordId, origin);
}

/** What one city-acks says of the records it names, inside the caller's transaction. */
export function settleAwaitingCity(db: Database, answers: CityAnswers): void {
  const s = statementsOf(db);
  const sent = [...answers.accepted, ...answers.duplicate];
  if (sent.length > 0) s.sent.run({ origin: answers.forDevice, ids: JSON.stringify(sent) });
  if (answers.rejected.length > 0) s.rejected.run({ origin: answers.forDevice, answers: JSON.stringify(answers.rejected) });
}
