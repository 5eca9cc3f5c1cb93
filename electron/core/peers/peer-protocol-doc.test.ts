// docs/peer-protocol.md and the schemas stay in step: every JSON example in the document parses, and the example's
// hashes and head signature compute as the document says (so it is a vector another implementation can test against).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SessionMessageSchema } from '../../../shared/peers/peer-protocol.js';
import { PeerRecordSchema } from '../../../shared/peers/peer-record.js';
import { publicKeyFromRaw } from '../credentials/ed25519.js';
import { eventHash } from '../ledger/event-chain.js';
import { headSignatureValid, linkFieldsOf, peerRecordHash } from '../ledger/peer-hash.js';
import { chainedFieldsOf } from '../ledger/record-as-event.js';

const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/peer-protocol.md'), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
const testKey = publicKeyFromRaw(Buffer.from(/test key[^`]*`([A-Za-z0-9_-]{43})`/.exec(doc)?.[1] ?? '', 'base64url'));

describe('docs/peer-protocol.md examples', () => {
  it('has examples, and each is a valid session message', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(SessionMessageSchema.safeParse(example).error).toBeUndefined();
  });

  it("computes the example's hashes and verifies its signed head", () => {
    for (const example of examples) {
      const message = SessionMessageSchema.parse(example);
      if (message.t !== 'new' && message.t !== 'records') continue;
      for (const record of message.records) {
        expect(record.hash).toBe(peerRecordHash(linkFieldsOf(record)));
        const e = record.event;
        if (e !== undefined) {
          expect(eventHash(chainedFieldsOf(e))).toBe(record.contentHash);
        }
      }
      for (const head of message.heads) expect(headSignatureValid(testKey, head.deviceId, head.seq, head.hash, head.sig)).toBe(true);
      const tampered = { ...message.heads[0]!, seq: (message.heads[0]?.seq ?? 0) + 1 };
      expect(headSignatureValid(testKey, tampered.deviceId, tampered.seq, tampered.hash, tampered.sig)).toBe(false);
    }
  });

  it('refuses an attendance record with a body and a body kind without a body', () => {
    const base = { deviceId: 'd1', seq: 1, id: '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d3e', hlc: '1795403523120-0000', base: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64), contentHash: '0'.repeat(64) };
    // Without its event it is link-only (its year archived at the sender): well formed, and taken only under an
    // archived head (record-verify.ts).
    expect(PeerRecordSchema.safeParse({ ...base, kind: 'attendance', body: null }).success).toBe(true);
    expect(PeerRecordSchema.safeParse({ ...base, kind: 'attendance', body: '{}' }).success).toBe(false);
    expect(PeerRecordSchema.safeParse({ ...base, kind: 'absence', body: null }).success).toBe(false);
    expect(PeerRecordSchema.safeParse({ ...base, kind: 'absence', body: '{}' }).success).toBe(true);
  });
});
