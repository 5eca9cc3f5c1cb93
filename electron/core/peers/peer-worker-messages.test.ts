import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FromPeerWorkerSchema, PeerAnswerSchemas, PeerWorkerDataSchema, ToPeerWorkerSchema } from './peer-worker-messages.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const data = {
  databasePath: '/tmp/esik.sqlite',
  nativeBinding: null,
  deviceId: 'dev-a',
  signKey: privateKey,
  peerPort: 47620,
  host: '0.0.0.0',
  doorActivity: new SharedArrayBuffer(8),
};

describe('peer worker messages', () => {
  it('takes the worker data it starts with, and refuses a public key, an X25519 key or a short buffer', () => {
    expect(PeerWorkerDataSchema.safeParse(data).success).toBe(true);
    expect(PeerWorkerDataSchema.safeParse({ ...data, signKey: publicKey }).success).toBe(false);
    expect(PeerWorkerDataSchema.safeParse({ ...data, signKey: generateKeyPairSync('x25519').privateKey }).success).toBe(false);
    expect(PeerWorkerDataSchema.safeParse({ ...data, doorActivity: new SharedArrayBuffer(4) }).success).toBe(false);
    expect(PeerWorkerDataSchema.safeParse({ ...data, peerPort: 70_000 }).success).toBe(false);
  });

  it('takes every op of PeerControl as an ask and refuses malformed ones', () => {
    const good = [
      { t: 'new-head' },
      { t: 'stop' },
      { t: 'ask', id: 1, op: 'status', args: {} },
      { t: 'ask', id: 2, op: 'openPairing', args: { by: { staffId: 'admin-1' } } },
      { t: 'ask', id: 3, op: 'closePairing', args: {} },
      { t: 'ask', id: 4, op: 'join', args: { request: { address: '192.168.1.23:47620', code: '7KQ4-M2XD-9RTB', name: 'Office', role: 'office' }, by: null } },
      { t: 'ask', id: 5, op: 'revoke', args: { deviceId: 'dev-b', reason: 'stolen', by: { staffId: 'admin-1' } } },
      { t: 'ask', id: 6, op: 'setAddress', args: { deviceId: 'dev-b', address: '192.168.1.24:47620', by: { staffId: 'admin-1' } } },
    ];
    for (const message of good) expect(ToPeerWorkerSchema.safeParse(message).success, JSON.stringify(message)).toBe(true);
    const bad = [
      null,
      'new-head',
      { t: 'nudge' },
      { t: 'ask', id: 1, op: 'format-disk', args: {} },
      { t: 'ask', id: -1, op: 'status', args: {} },
      { t: 'ask', id: 1, op: 'openPairing', args: {} },
      { t: 'ask', id: 4, op: 'join', args: { request: { address: '', code: 'x', name: 'Office', role: 'office' }, by: null } },
      { t: 'ask', id: 4, op: 'join', args: { request: { address: 'a:1', code: 'x', name: 'Office', role: 'kitchen' }, by: null } },
      { t: 'ask', id: 6, op: 'setAddress', args: { deviceId: 'dev-b', address: 'no port', by: { staffId: 'admin-1' } } },
    ];
    for (const message of bad) expect(ToPeerWorkerSchema.safeParse(message).success, JSON.stringify(message)).toBe(false);
  });

  it('checks what the worker tells back, and each answer against its op', () => {
    expect(FromPeerWorkerSchema.safeParse({ t: 'applied', kinds: ['attendance'], children: ['c1'], staff: [] }).success).toBe(true);
    expect(FromPeerWorkerSchema.safeParse({ t: 'applied', kinds: ['gossip'], children: [], staff: [] }).success).toBe(false);
    expect(FromPeerWorkerSchema.safeParse({ t: 'answer', id: 1, result: { ok: true, value: null } }).success).toBe(true);
    expect(FromPeerWorkerSchema.safeParse({ t: 'status' }).success).toBe(false);
    expect(PeerAnswerSchemas.closePairing.safeParse({ ok: true, value: null }).success).toBe(true);
    expect(PeerAnswerSchemas.openPairing.safeParse({ ok: true, value: null }).success).toBe(false);
    expect(PeerAnswerSchemas.join.safeParse({ ok: false, error: { code: 'PEER_LINK_OFF', detail: 'not yet' } }).success).toBe(true);
    expect(PeerAnswerSchemas.join.safeParse({ ok: false, error: { code: 'NO_SUCH_CODE' } }).success).toBe(false);
  });
});
