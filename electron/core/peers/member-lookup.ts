// peer_members (migration 0027) as record-verify's lookup: each member's pinned signing key, and its revocation's cut.
import type { Database, Statement } from 'better-sqlite3';
import { publicKeyFromRaw } from '../credentials/ed25519.js';
import type { MemberKey, MemberLookup } from './record-verify.js';

interface MemberRow {
  sign_pub: Buffer;
  revoked_at: string | null;
  accept_up_to_seq: number | null;
}

export function memberLookupOf(db: Database): MemberLookup {
  const byId: Statement<[string], MemberRow> = db.prepare('SELECT sign_pub, revoked_at, accept_up_to_seq FROM peer_members WHERE device_id = ?');
  return (deviceId: string): MemberKey | null => {
    const row = byId.get(deviceId);
    if (row === undefined) return null;
    return { signPub: publicKeyFromRaw(row.sign_pub), revoked: row.revoked_at !== null, acceptUpToSeq: row.accept_up_to_seq };
  };
}
