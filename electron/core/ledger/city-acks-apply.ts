// The applier of another machine's city-acks (docs/peers.md §5): acks for this machine's own records mark its outbox
// rows as the city answered them (the way back of a relayed push: a door with no network learns that the office pushed
// its records); acks for a door this machine relays settle that door's relay_outbox rows, so they are not pushed again.
// Whoever they are for, they settle the other machines' changes held here (city-acks-awaiting.ts): the roster pull's
// "awaiting the city" rule reads what they said.
import type { Database, Statement } from 'better-sqlite3';
import { CityAcksBodySchema } from '../../../shared/peers/peer-record.js';
import { settleAwaitingCity } from './city-acks-awaiting.js';
import type { PeerApplier, PeerAppliers } from './peer-applier.js';
import { markRelayedSent } from './relay-outbox-store.js';

interface AcksStatements {
  ownId: Statement<[], { id: string }>;
  markSent: Statement<[number, string]>;
  markRejected: Statement<[string, string]>;
}

const prepared = new WeakMap<Database, AcksStatements>();

function statementsOf(db: Database): AcksStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      ownId: db.prepare('SELECT id FROM device'),
      // Pending rows only: a row already settled by this machine's own push keeps what it was told first.
      markSent: db.prepare(`UPDATE sync_outbox SET state = 'sent', sent_ms = ?, last_error = NULL
                             WHERE record_id IN (SELECT value FROM json_each(?)) AND state = 'pending'`),
      markRejected: db.prepare("UPDATE sync_outbox SET state = 'rejected', rejected_reason = ?, last_error = NULL WHERE record_id = ? AND state = 'pending'"),
    };
    prepared.set(db, s);
  }
  return s;
}

function parsedBody(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

export const applyCityAcks: PeerApplier = (db, record) => {
  const parsed = CityAcksBodySchema.safeParse(parsedBody(record.body));
  if (!parsed.success) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `city-acks ${record.id}: ${parsed.error.issues[0]?.message ?? 'does not parse'}` };
  const acks = parsed.data;
  const s = statementsOf(db);
  const sent = [...acks.accepted, ...acks.duplicate];
  if (acks.forDevice === s.ownId.get()?.id) {
    // When the city answered, not when the news arrived: the pruner keeps a row its days from then.
    if (sent.length > 0) s.markSent.run(acks.atMs, JSON.stringify(sent));
    for (const r of acks.rejected) s.markRejected.run(r.reason, r.id);
  } else {
    markRelayedSent(db, acks.forDevice, sent, acks.atMs);
  }
  // Own records too: after a restore this machine takes its own later changes back from its peers, with no outbox row.
  settleAwaitingCity(db, acks);
  return { outcome: 'applied' };
};

/** The ledger's city-acks applier, for the map the top hands peers/record-import.ts. */
export const cityAcksAppliers: PeerAppliers = { 'city-acks': applyCityAcks };
