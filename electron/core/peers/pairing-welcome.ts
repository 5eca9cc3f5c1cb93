// The sponsor's side of pairing on the data (docs/peers.md §3 "The exchange", docs/peer-protocol.md §Pairing): once the
// joiner proved the code and signed its PairJoin, the sponsor writes the joiner's `member` record (signed by its own
// device key as every row of its log, naming the admin who opened the code, with broughtSeq from PairJoin
// records.own), audits `peer-paired`, and builds the welcome: the group, the kindergarten, every member and
// member-revoked record it holds (the joiner's new one included), the group's PIN pepper and the city, never a token.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { PairJoin } from '../../../shared/peers/peer-protocol.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { projectMemberFromLog } from '../ledger/member-apply.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { WelcomeBody } from './channel/pairing.js';
import { memberBody, memberRecordsHeld, ownKindergarten, readGroup, type GroupActor, type PeerGroup } from './peer-group.js';

/** PairWelcome carries at most this many member records (shared/peers/peer-protocol.ts). */
export const WELCOME_MEMBER_RECORDS = 64;

export interface SponsorContext {
  db: Database;
  ownDeviceId: string;
  /** The admin who opened the code: named as the one who paired the new machine. */
  by: GroupActor;
  /** The group's PIN pepper: this machine's own (the founder's stays the group's, so its PINs keep working). */
  pepper: () => Buffer;
  at: () => LocalTime;
}

/** The city this machine is enrolled with, else the one its sponsor told it the group has; null: none. */
export function groupCity(db: Database, group: PeerGroup): { url: string; kindergartenId: string } | null {
  const state = new SyncStateStore(db);
  const url = state.get(SYNC_KEYS.serverUrl);
  const kindergartenId = state.get(SYNC_KEYS.kindergartenId);
  return url !== null && kindergartenId !== null ? { url, kindergartenId } : group.city;
}

/**
 * The welcome for a proven joiner, its member record and audit written first in one transaction. Throws (the pairing
 * then ends PAIR_FAILED, nothing sent) for a machine already a member, this machine's own id or a key another member
 * holds: a machine comes back only as a new one (§3).
 */
export function welcomeFor(ctx: SponsorContext, join: PairJoin, remote: string): WelcomeBody {
  const { db } = ctx;
  const pepper = ctx.pepper();
  return db
    .transaction((): WelcomeBody => {
      const group = readGroup(db);
      const log = peerLogOf(db);
      if (group === null || log === null) throw new Error('no group to welcome a computer into');
      if (join.deviceId === ctx.ownDeviceId) throw new Error('a computer cannot pair with itself');
      const known = db
        .prepare<[string, Buffer], { device_id: string }>('SELECT device_id FROM peer_members WHERE device_id = ? OR sign_pub = ?')
        .get(join.deviceId, Buffer.from(join.signPub, 'base64url'));
      if (known !== undefined) throw new Error(`computer ${join.deviceId} or its key is already a member (${known.device_id}): it joins only as a new one`);
      const at = ctx.at();
      log.append('member', uuidv7(), { body: memberBody(join, ctx.by.staffId, at.iso, join.records.own) });
      projectMemberFromLog(db, join.deviceId);
      new AdminAudit(db).record('peer-paired', ctx.by.staffId, at, { deviceId: join.deviceId, name: join.name, role: join.role, remote, broughtSeq: join.records.own, side: 'sponsor' });
      return {
        groupId: group.groupId,
        kindergarten: ownKindergarten(db) ?? group.kindergarten,
        pepper: pepper.toString('base64url'),
        city: groupCity(db, group),
        memberRecords: memberRecordsHeld(db, WELCOME_MEMBER_RECORDS),
      };
    })
    .immediate();
}
