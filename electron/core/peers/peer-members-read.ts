// What the peer worker reads of the group from its own connection (docs/peers.md §3–§4): the group id (peer_group,
// written by pairing), the other members with the addresses their member records tell (peer_members), and the
// addresses an admin typed (peer_addresses). Read again whenever they may have changed (a member record taken in, a
// pairing, an address typed), so the listener and the dialers follow the table, never a copy kept apart from it.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { PeerAddress } from '../../../shared/peers/peer-record.js';
import { StatementCache } from '../db/statement-cache.js';

export interface MemberRow {
  deviceId: string;
  name: string;
  role: 'door' | 'office';
  signPubRaw: Buffer;
  /** What its member records tell, newest first (peers.md §6 "members"). */
  recordAddrs: string[];
  /** Typed by an admin on this machine (peer_addresses); dialled before the record's. */
  typed: string | null;
  revoked: boolean;
  acceptUpToSeq: number | null;
}

const Addresses = z.array(z.unknown()).max(64);

/** Only well-formed "host:port" entries; a damaged list is no list rather than a failed worker. */
function addressesOf(json: string): string[] {
  try {
    const parsed = Addresses.safeParse(JSON.parse(json));
    if (!parsed.success) return [];
    return parsed.data.flatMap((a) => (PeerAddress.safeParse(a).success && typeof a === 'string' ? [a] : []));
  } catch {
    return [];
  }
}

interface Row {
  device_id: string;
  name: string;
  role: 'door' | 'office';
  sign_pub: Buffer;
  addrs: string;
  revoked_at: string | null;
  accept_up_to_seq: number | null;
  typed: string | null;
}

export class PeerMembersRead {
  /** Tables found once are there for good (no migration drops them). */
  private readonly found = new Set<string>();

  /** The status and the group's follow-up read these every ten seconds: each compiled once. */
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly ownDeviceId: string,
  ) {
    this.sql = new StatementCache(db);
  }

  /** peer_group and peer_addresses come with pairing's migration; a file without them has no group yet. */
  private has(table: string): boolean {
    if (!this.found.has(table) && this.sql.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined) this.found.add(table);
    return this.found.has(table);
  }

  groupId(): string | null {
    if (!this.has('peer_group')) return null;
    return this.sql.get<[], { group_id: string }>('SELECT group_id FROM peer_group WHERE id = 1').get()?.group_id ?? null;
  }

  /** Every member but this machine, revoked ones included (the status lists them). */
  others(): MemberRow[] {
    const typed = this.has('peer_addresses') ? '(SELECT address FROM peer_addresses a WHERE a.device_id = m.device_id)' : 'NULL';
    const rows = this.sql
      .get<[string], Row>(
        `SELECT m.device_id, m.name, m.role, m.sign_pub, m.addrs, m.revoked_at, m.accept_up_to_seq, ${typed} AS typed
           FROM peer_members m WHERE m.device_id <> ? ORDER BY m.name, m.device_id`,
      )
      .all(this.ownDeviceId);
    return rows.map((r) => ({
      deviceId: r.device_id,
      name: r.name,
      role: r.role,
      signPubRaw: r.sign_pub,
      recordAddrs: addressesOf(r.addrs),
      typed: r.typed,
      revoked: r.revoked_at !== null,
      acceptUpToSeq: r.accept_up_to_seq,
    }));
  }

  /** This machine's own member row (its name and role as the group knows them), null before it has one. */
  self(): { name: string; role: 'door' | 'office' } | null {
    return this.sql.get<[string], { name: string; role: 'door' | 'office' }>('SELECT name, role FROM peer_members WHERE device_id = ?').get(this.ownDeviceId) ?? null;
  }

  /** Records whose effect has waited since before `beforeMs`. */
  waitingSince(beforeMs: number): number {
    return this.sql.get<[number], { n: number }>('SELECT count(*) AS n FROM peer_waiting WHERE since_ms < ?').get(beforeMs)?.n ?? 0;
  }

  /** An address typed by an admin: kept in peer_addresses when pairing's table is there. */
  typeAddress(deviceId: string, address: string, staffId: string, nowMs: number): boolean {
    if (!this.has('peer_addresses')) return false;
    this.sql
      .get(
        `INSERT INTO peer_addresses (device_id, address, staff_id, set_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET address = excluded.address, staff_id = excluded.staff_id, set_ms = excluded.set_ms`,
      )
      .run(deviceId, address, staffId, nowMs);
    return true;
  }
}
