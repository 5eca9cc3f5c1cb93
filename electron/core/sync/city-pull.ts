// One pull from the city, for the sync cycle to call: the roster (delta or snapshot) first, so that the other
// kiosks' records that follow name children and companions this kiosk knows, then those records page by page.
// Each reply is applied in its own transaction with its cursor; each reply's Date header measures the clock.
import type { Database } from 'better-sqlite3';
import type { LocalZone } from '../../../shared/domain/local-time.js';
import { MAX_PUSH_RECORDS } from '../../../shared/sync/protocol.js';
import { credentialsAwaitingCity } from '../roster/card-awaiting-city.js';
import { rosterRowsAwaitingCity } from '../roster/roster-awaiting-city.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import type { CityClient } from './city-client.js';
import type { ClockOffsetTracker } from './clock-offset.js';
import { importPeerRecords, PeersRejectedError, type PeersImported } from './peer-import.js';
import { applyRosterReply, RosterRejectedError, type RosterApplied } from '../roster/roster-apply.js';
import { RosterStatus } from './roster-status.js';
import { SyncError } from './sync-error.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

/** The two calls a pull makes; the CityClient, or anything answering like it. */
export type CityReader = Pick<CityClient, 'roster' | 'peers'>;

/** Pages of peer records in one pull at most: a day of a busy second door is a few hundred records. */
const MAX_PEER_PAGES = 20;

export interface PullOutcome {
  roster: RosterApplied;
  peers: { added: number; alreadyHeld: number; skipped: PeersImported['skipped'] };
}

export interface CityPullDeps {
  db: Database;
  attendance: AttendanceLog;
  clockOffset: ClockOffsetTracker;
  now: () => Date;
  /** Where the local times the roster writes are told (the kiosk clock's zone, asked at each pull); the machine's when absent. */
  zone?: () => LocalZone | undefined;
  /** Told after every roster applied (the core refreshes the kindergarten's name and the demo badge). */
  onRosterApplied?: (applied: RosterApplied) => void;
  /** After every roster pull, applied or not: whether the roster is stale (RosterStatus) may have changed. */
  onRosterStatus?: () => void;
  log?: (line: string) => void;
}

export class CityPull {
  private readonly state: SyncStateStore;
  private readonly rosterStatus: RosterStatus;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: CityPullDeps) {
    this.state = new SyncStateStore(deps.db);
    this.rosterStatus = new RosterStatus(deps.db);
    this.log = deps.log ?? (() => undefined);
  }

  /**
   * Pulls the roster, then today's peer records. A network failure throws its SyncError with nothing half-applied;
   * a roster or page the kiosk refuses (malformed, contradicting its tables) changes nothing and throws
   * SYNC_MALFORMED — after the peers were still tried, so one bad roster does not hide the other door's arrivals.
   */
  async pullOnce(client: CityReader): Promise<PullOutcome> {
    let refused: SyncError | null = null;
    let roster: RosterApplied | null = null;
    // Read BEFORE the request: the push worker (its own thread and connection) may have a card change acknowledged
    // while the roster is on its way, and a roster the city made before it applied the change must not undo it.
    const awaitingCityAtRequest = credentialsAwaitingCity(this.deps.db);
    const rosterAwaitingCityAtRequest = rosterRowsAwaitingCity(this.deps.db);
    let rosterReply: Awaited<ReturnType<CityReader['roster']>>;
    try {
      rosterReply = await client.roster(this.state.get(SYNC_KEYS.rosterCursor));
    } catch (error) {
      // Not read at all (no connection, a redirect, too large, not the protocol's shape): the roster stays as it was.
      if (error instanceof SyncError) this.rosterStale(error.code);
      throw error;
    }
    this.deps.clockOffset.observe(rosterReply);
    const zoneNow = this.deps.zone?.();
    try {
      roster = applyRosterReply(this.deps.db, rosterReply.value, {
        now: this.deps.now(),
        kindergartenId: this.state.get(SYNC_KEYS.kindergartenId),
        awaitingCityAtRequest,
        rosterAwaitingCityAtRequest,
        ...(zoneNow === undefined ? {} : { zone: zoneNow }),
      });
      this.log(`[sync] roster ${roster.kind}: ${roster.upserted} upserted, ${roster.removed} removed, ${roster.kept} kept for history`);
      for (const note of roster.notes) this.log(`[sync] roster: ${note}`);
      this.rosterStatus.current();
      this.deps.onRosterStatus?.();
      this.deps.onRosterApplied?.(roster);
    } catch (error) {
      if (!(error instanceof RosterRejectedError)) throw error;
      this.log(`[sync] roster refused, nothing changed: ${error.message}`);
      this.rosterStale(error.code);
      refused = new SyncError('SYNC_MALFORMED', error.message);
    }

    const peers = { added: 0, alreadyHeld: 0, skipped: [] as PeersImported['skipped'] };
    for (let page = 0; page < MAX_PEER_PAGES; page += 1) {
      const reply = await client.peers(this.state.get(SYNC_KEYS.peersCursor));
      this.deps.clockOffset.observe(reply);
      let imported: PeersImported;
      try {
        imported = importPeerRecords(this.deps.db, this.deps.attendance, reply.value, {
          ownDeviceIds: this.ownDeviceIds(),
          pageSize: MAX_PUSH_RECORDS,
        });
      } catch (error) {
        if (!(error instanceof PeersRejectedError)) throw error;
        throw new SyncError('SYNC_MALFORMED', error.message);
      }
      peers.added += imported.added;
      peers.alreadyHeld += imported.alreadyHeld;
      peers.skipped.push(...imported.skipped);
      for (const s of imported.skipped) this.log(`[sync] peer record ${s.id} left out: ${s.reason}`);
      if (!imported.full) break;
    }
    if (peers.added > 0) this.log(`[sync] ${peers.added} records from the other kiosks`);
    if (refused || !roster) throw refused ?? new SyncError('SYNC_MALFORMED', 'no roster');
    return { roster, peers };
  }

  /** Staff see that the door still uses the roster it had, and why (the sync status's rosterProblem). */
  private rosterStale(code: Parameters<RosterStatus['failed']>[0]): void {
    this.rosterStatus.failed(code, this.deps.now().getTime());
    this.deps.onRosterStatus?.();
  }

  private ownDeviceIds(): string[] {
    const city = this.state.get(SYNC_KEYS.cityDeviceId);
    return city === null ? [this.deps.attendance.deviceId] : [this.deps.attendance.deviceId, city];
  }
}
