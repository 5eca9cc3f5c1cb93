// Removing a computer from the group (docs/peers.md §3 "Revocation"), the data side: an admin's `member-revoked
// {deviceId, acceptUpToSeq, reason}` appended to this machine's log, the cut at what this machine holds of that member,
// and projected into peer_members as every member record is. Removing it again with more held is how records kept
// after removal are taken in (the highest cut wins). The console's desk audits the act (`peer-revoked`) around it.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { projectMemberFromLog } from '../ledger/member-apply.js';
import { peerLogOf } from '../ledger/peer-log.js';
import type { GroupActor } from './peer-group.js';

/** Refused INVALID_REQUEST for this machine itself or a device that is no member here. */
export function revokeMember(db: Database, deviceId: string, reason: string, by: GroupActor): Result<{ acceptUpToSeq: number }> {
  const log = peerLogOf(db);
  if (log === null) return fail('PEER_LINK_OFF', "this computer's peer log is not open");
  if (deviceId === log.deviceId) return fail('INVALID_REQUEST', 'a computer cannot remove itself');
  return db
    .transaction((): Result<{ acceptUpToSeq: number }> => {
      if (db.prepare('SELECT 1 FROM peer_members WHERE device_id = ?').get(deviceId) === undefined) return fail('INVALID_REQUEST', `no member ${deviceId}`);
      const acceptUpToSeq = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM peer_log WHERE device_id = ?').get(deviceId)?.seq ?? 0;
      const body = { deviceId, acceptUpToSeq, reason: reason.trim().slice(0, 500), staffId: by.staffId };
      log.append('member-revoked', uuidv7(), { body: JSON.stringify(body) });
      projectMemberFromLog(db, deviceId);
      return ok({ acceptUpToSeq });
    })
    .immediate();
}
