// What an applier answers for one foreign record (docs/peers.md §5 "Threads"): each owning folder exports its appliers
// (ledger/peer-apply.ts, staff/peer-apply.ts, …) and the top joins them into the map peers/record-import.ts calls, so
// peers/ imports no domain. Here, on the floor every domain stands on, so each can name these types.
import type { Database } from 'better-sqlite3';
import type { PeerKind, PeerRecord } from '../../../shared/peers/peer-record.js';

export type PeerApplyResult =
  /** The record's effect is written (or was already here); what it touched, for the core to refresh. */
  | { outcome: 'applied'; children?: readonly string[]; staff?: readonly string[] }
  /**
   * It names something not here yet (`waitsFor`, e.g. "child:ch0002"): its peer-log row is stored, its effect waits in
   * peer_waiting until a retry finds what it names.
   */
  | { outcome: 'waiting'; waitsFor: string }
  /** It contradicts what is held (another event under its id): the whole page is refused. */
  | { outcome: 'refused'; code: 'PEER_FORK' | 'PEER_BAD_RECORD'; why: string };

/** Writes one foreign record's effect inside the importer's transaction; never commits or opens one of its own. */
export type PeerApplier = (db: Database, record: PeerRecord) => PeerApplyResult;

export type PeerAppliers = Partial<Record<PeerKind, PeerApplier>>;
