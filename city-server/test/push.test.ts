// Push: per-record results, idempotency forever, rejections with reasons, one transaction per batch, chain head.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingReplySchema, PushReplySchema, type AttendanceRecord, type PushResult } from '../../shared/sync/protocol.js';
import { CITY_DB_FILE } from '../src/store/open-store.js';
import { enrollDevice, headOf, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

async function push(url: string, device: EnrolledDevice, records: unknown[], chainHead = headOf(records as AttendanceRecord[])) {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead } });
  return { status: reply.status, reply: reply.status === 200 ? PushReplySchema.parse(reply.json) : null, raw: reply };
}

type Six<T> = [T, T, T, T, T, T];
const reasonOf = (result: PushResult | undefined): string => (result?.status === 'rejected' ? result.reason : `not rejected: ${result?.status}`);

describe('POST /v1/records', () => {
  it('accepts new records, answers duplicate for known ids forever, and keeps one row per id', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 5);
    const first = await push(server.url, device, records);
    expect(first.reply?.results).toEqual(records.map((r) => ({ id: r.id, status: 'accepted' })));
    expect(first.reply?.chainHead).toEqual(headOf(records));

    const again = await push(server.url, device, [...records.slice(3), ...recordChain(device.deviceId, 1, { startSeq: 6, prevHash: records[4]?.hash })]);
    expect(again.reply?.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'accepted']);
    expect(server.recordCount()).toBe(6);
    expect(new Set(server.recordIds()).size).toBe(6);
  });

  it('answers a record listed twice in one batch as accepted, then duplicate', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const [record] = recordChain(device.deviceId, 1);
    const { reply } = await push(server.url, device, [record, record]);
    expect(reply?.results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(server.recordCount()).toBe(1);
  });

  it('rejects bad records one by one, with a reason, while the rest of the batch goes through', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const other = await enrollDevice(server, 'Door 2');
    const [good, badHash, unknownChild, foreign, badShape, forkedSeq] = recordChain(device.deviceId, 6) as Six<AttendanceRecord>;
    const records: unknown[] = [
      good,
      { ...badHash, hash: 'a'.repeat(64) },
      { ...unknownChild, childId: 'ch9999' },
      { ...foreign, deviceId: other.deviceId },
      { ...badShape, kind: 'teleport' },
      { ...forkedSeq, deviceSeq: 1 },
    ];
    const { reply } = await push(server.url, device, records);
    const byId = new Map(reply?.results.map((r) => [r.id, r]));
    expect(byId.get(good.id)?.status).toBe('accepted');
    const reason = (id: string): string => reasonOf(byId.get(id));
    expect(reason(badHash.id)).toMatch(/hash does not match/);
    // The unknown child also breaks the hash (childId is hashed); the child check comes first and is the clearer reason.
    expect(reason(unknownChild.id)).toMatch(/child ch9999 is not in this kindergarten/);
    expect(reason(foreign.id)).toMatch(/not the pushing device/);
    expect(reason(badShape.id)).toMatch(/not a valid record: kind/);
    expect(reason(forkedSeq.id)).toMatch(/deviceSeq 1 of this device is already held|hash does not match/);
    expect(server.recordIds()).toEqual([good.id]);
  });

  it('rejects a record for a fork at a place of the chain the city already holds', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const [first] = recordChain(device.deviceId, 1);
    await push(server.url, device, [first]);
    const [fork] = recordChain(device.deviceId, 1, { childIds: ['ch0002'] });
    const { reply } = await push(server.url, device, [fork]);
    expect(reasonOf(reply?.results[0])).toMatch(/a forked chain/);
  });

  it('rejects the second of two records at one place of the chain in the same batch as a fork', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const [first] = recordChain(device.deviceId, 1);
    const [fork] = recordChain(device.deviceId, 1, { childIds: ['ch0002'] });
    const { status, reply } = await push(server.url, device, [first, fork], headOf(recordChain(device.deviceId, 0)));
    expect(status).toBe(200);
    expect(reply?.results[0]?.status).toBe('accepted');
    expect(reasonOf(reply?.results[1])).toMatch(/deviceSeq 1 of this device is already held as record .*: a forked chain/);
    expect(server.recordIds()).toEqual([first?.id]);
  });

  it('keeps the chain head still over records that do not link to it, however well each is hashed', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const unlinked = recordChain(device.deviceId, 3, { prevHash: 'c'.repeat(64) });
    const { reply } = await push(server.url, device, unlinked);
    expect(reply?.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(reply?.chainHead).toBeNull();
  });

  it('rejects the same id with other content instead of calling it a duplicate', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const [record] = recordChain(device.deviceId, 1) as [AttendanceRecord];
    await push(server.url, device, [record]);
    const { reply } = await push(server.url, device, [{ ...record, hash: 'b'.repeat(64) }]);
    expect(reasonOf(reply?.results[0])).toMatch(/already held with another hash/);
  });

  it('refuses a whole push for another device, and a record without a usable id', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const other = await enrollDevice(server, 'Door 2');
    const records = recordChain(other.deviceId, 1);
    const wrongEnvelope = await call(server.url, '/v1/records', { token: device.token, body: { deviceId: other.deviceId, records, chainHead: headOf(records) } });
    expect(wrongEnvelope.status).toBe(403);
    expect(wrongEnvelope.json).toMatchObject({ error: { code: 'DEVICE_MISMATCH' } });
    const noId = await push(server.url, device, [{ type: 'attendance' }]);
    expect(noId.status).toBe(400);
    expect(noId.raw.json).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(server.recordCount()).toBe(0);
  });

  it('accepts records out of order and moves the chain head only over a linked prefix', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 6);
    const late = await push(server.url, device, records.slice(3));
    expect(late.reply?.results.every((r) => r.status === 'accepted')).toBe(true);
    expect(late.reply?.chainHead).toBeNull();
    const early = await push(server.url, device, records.slice(0, 2));
    expect(early.reply?.chainHead).toEqual(headOf(records.slice(0, 2)));
    const gapFilled = await push(server.url, device, records.slice(2, 3));
    expect(gapFilled.reply?.chainHead).toEqual(headOf(records));
  });

  it('commits a batch in one transaction: a failure on its last record leaves none of it', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 5);
    // A second connection adds a trigger that fails the last insert, as a full disk would.
    const db = new BetterSqlite3(join(server.dataDir, CITY_DB_FILE));
    db.exec(`CREATE TRIGGER fail_last BEFORE INSERT ON records WHEN NEW.id = '${records[4]?.id}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    db.close();
    const failed = await push(server.url, device, records);
    expect(failed.status).toBe(500);
    expect(failed.raw.json).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(server.recordCount()).toBe(0);
  });

  it('says which ids it does not hold', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 4);
    await push(server.url, device, records.slice(0, 2));
    const reply = await call(server.url, '/v1/records/missing', { token: device.token, body: { ids: records.map((r) => r.id) } });
    expect(MissingReplySchema.parse(reply.json).missing).toEqual(records.slice(2).map((r) => r.id));
  });
});
