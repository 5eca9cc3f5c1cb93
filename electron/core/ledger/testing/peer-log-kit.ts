// A peer log for tests: a device key made from a fixed seed (so hashes and signatures are vectors), bound to the
// database as the core binds the real one, so every write path under test appends its peer-log rows.
import type { Database } from 'better-sqlite3';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { bindPeerLog, PeerLog } from '../peer-log.js';

/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 key whose seed is 32 bytes of `byte` (docs/peer-protocol.md's test key is 0x07). */
export function seededSigningKey(byte: number): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.alloc(32, byte)]), format: 'der', type: 'pkcs8' });
}

export function bindTestPeerLog(db: Database, deviceId: string, wallMs: () => number, seed = 0x07): PeerLog {
  const log = new PeerLog(db, deviceId, seededSigningKey(seed), wallMs);
  bindPeerLog(db, log);
  return log;
}
