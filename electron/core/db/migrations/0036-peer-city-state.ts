// Where another machine's city-bound change stands with the city (docs/peers.md §5 "Exactly once to the city"): a card
// enrolled or revoked, or a roster row edited by hand, at another door reaches this machine as a peer record with no
// outbox row here, and the city acknowledges it to its own machine (or the one relaying it), which says so in its
// city-acks. Until then this machine's roster pull must leave the change alone, as the origin does with its own pending
// outbox row. One row per such record, written when it is applied (roster/peer-awaiting-city.ts) or when an answer for
// it is heard first (ledger/city-acks-awaiting.ts): bounded by the hand changes the kindergarten makes, never by its
// taps, and read by state, so the pull never walks the city-acks records themselves.
import type { Migration } from '../migration.js';

export const peerCityState: Migration = {
  version: 36,
  name: 'peer-city-state',
  up(db) {
    db.exec(`
      CREATE TABLE peer_city_state (
        record_id TEXT PRIMARY KEY,
        -- The machine whose record it is: a removed member's pending changes are awaited no more (no acks will come).
        origin TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected')),
        reason TEXT,
        CHECK (state = 'rejected' OR reason IS NULL)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX peer_city_state_by_state ON peer_city_state(state, record_id);

      -- The other machines' changes already held: pending, then settled by every city-acks already held (a one-off
      -- walk of them here; from now on each city-acks settles its own ids as it is applied or appended).
      INSERT INTO peer_city_state (record_id, origin, state)
        SELECT p.record_id, p.device_id, 'pending' FROM peer_log p
         WHERE p.kind IN ('credential-change', 'roster-change') AND p.kind <> 'attendance'
           AND p.device_id NOT IN (SELECT id FROM device)
           -- Written once its origin was in the group (roster/peer-awaiting-city.ts): its backfill is never acknowledged.
           AND p.seq > COALESCE((SELECT CASE WHEN m.brought_seq IS NOT NULL THEN m.brought_seq
                                             WHEN l.record_id IS NULL THEN 9007199254740991
                                             WHEN l.device_id = m.device_id THEN l.seq ELSE 0 END
                                   FROM peer_members m LEFT JOIN peer_log l ON l.record_id = m.member_record_id
                                  WHERE m.device_id = p.device_id), 0);
      UPDATE peer_city_state SET state = 'sent'
       WHERE record_id IN (SELECT j.value FROM peer_log p, json_each(p.body, '$.accepted') j
                            WHERE p.kind = 'city-acks' AND p.kind <> 'attendance' AND json_valid(p.body)
                           UNION ALL
                           SELECT j.value FROM peer_log p, json_each(p.body, '$.duplicate') j
                            WHERE p.kind = 'city-acks' AND p.kind <> 'attendance' AND json_valid(p.body));
      UPDATE peer_city_state SET state = 'rejected', reason = r.reason
        FROM (SELECT json_extract(j.value, '$.id') AS id, json_extract(j.value, '$.reason') AS reason
                FROM peer_log p, json_each(p.body, '$.rejected') j
               WHERE p.kind = 'city-acks' AND p.kind <> 'attendance' AND json_valid(p.body)) AS r
       WHERE peer_city_state.record_id = r.id AND peer_city_state.state = 'pending';
    `);
  },
};
