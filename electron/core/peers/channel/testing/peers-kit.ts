// Test machines for the channel's tests: device keys, identities and a member table as peer_members would answer.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { generateSigningKey } from '../../../credentials/ed25519.js';
import type { MemberLookup, OwnIdentity } from '../handshake.js';

export const GROUP = '0193a1f0-0000-7000-8000-000000000001';
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 private key whose seed is 32 bytes of `byte` (a vector another implementation can rebuild). */
export function signKeyFromSeed(byte: number): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.alloc(32, byte)]), format: 'der', type: 'pkcs8' });
}

export interface TestMachine extends OwnIdentity {
  name: string;
}

export function machine(deviceId: string, name: string, opts: { groupId?: string; signKey?: KeyObject; addrs?: string[] } = {}): TestMachine {
  return { deviceId, name, groupId: opts.groupId ?? GROUP, signKey: opts.signKey ?? generateSigningKey(), addrs: opts.addrs ?? ['192.168.1.23:47620'] };
}

/** peer_members as a lookup: each machine's public key, the revoked ones marked. */
export function membersOf(machines: OwnIdentity[], revoked: string[] = []): MemberLookup {
  const table = new Map(machines.map((m) => [m.deviceId, { signPub: createPublicKey(m.signKey), revoked: revoked.includes(m.deviceId) }]));
  return (deviceId) => table.get(deviceId) ?? null;
}
