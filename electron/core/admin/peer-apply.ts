// The admin folder's applier of foreign peer records (docs/peers.md §5 "Threads", §6): another machine's transfers of
// working days, a register per date, the later HLC then device id winning, a clearing being a record with a null kind.
import type { PeerApplier, PeerAppliers } from '../ledger/peer-applier.js';
import { settleRegister } from '../ledger/peer-registers.js';
import { decidedNowMs, registerOfRecord } from '../ledger/register-apply.js';
import { writeTransfer } from './calendar-transfers.js';

export const applyTransfer: PeerApplier = (db, record) => {
  const parsed = registerOfRecord(record);
  if (parsed === null || parsed.kind !== 'transfer') return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a transfer body' };
  // The row names its admin (a foreign key): an account from another machine not here yet waits for it.
  if (db.prepare('SELECT 1 FROM staff WHERE id = ?').get(parsed.body.staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${parsed.body.staffId}` };
  const { decision } = settleRegister(db, parsed, { nowMs: decidedNowMs(db) });
  if (decision.winner.kind !== 'transfer') return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `transfer ${parsed.body.date} decided as a ${decision.winner.kind}` };
  writeTransfer(db, decision.winner.body);
  return { outcome: 'applied' };
};

/** The admin folder's part of the map the top hands peers/record-import.ts. */
export const adminAppliers: PeerAppliers = { transfer: applyTransfer };
