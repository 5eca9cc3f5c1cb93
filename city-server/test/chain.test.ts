// GET /v1/records/chain: a device's own chain after an event it names by hash, paged and bounded; what a kiosk restored
// from an older copy asks for to put its records back.
import { describe, expect, it } from 'vitest';
import { ChainPageReplySchema, ErrorReplySchema, PushReplySchema, type AttendanceRecord } from '../../shared/sync/protocol.js';
import { GENESIS_HASH } from '../src/records/event-hash.js';
import { enrollDevice, headOf, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call } from './http-client.js';

async function push(url: string, device: EnrolledDevice, records: AttendanceRecord[]): Promise<void> {
  const reply = await call(url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead: headOf(records) } });
  expect(reply.status).toBe(200);
  expect(PushReplySchema.parse(reply.json).results.every((r) => r.status === 'accepted')).toBe(true);
}

async function chainPage(url: string, device: EnrolledDevice, query: string) {
  const reply = await call(url, `/v1/records/chain?${query}`, { token: device.token });
  return { status: reply.status, json: reply.json };
}

async function page(url: string, device: EnrolledDevice, after: string, limit?: number) {
  const reply = await chainPage(url, device, new URLSearchParams({ after, ...(limit === undefined ? {} : { limit: String(limit) }) }).toString());
  expect(reply.status).toBe(200);
  return ChainPageReplySchema.parse(reply.json);
}

describe('GET /v1/records/chain', () => {
  it("pages through the device's own chain after the event it names, in order, up to the city's head", async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 250);
    await push(server.url, device, records);
    const head = headOf(records);

    const seen: AttendanceRecord[] = [];
    let after = GENESIS_HASH;
    for (let pages = 0; pages < 10; pages += 1) {
      const reply = await page(server.url, device, after, 100);
      expect(reply).toMatchObject({ afterHeld: true, chainHead: head });
      seen.push(...reply.records);
      const last = reply.records.at(-1);
      if (reply.records.length < 100 || !last) break;
      after = last.hash;
    }
    expect(seen.map((r) => r.deviceSeq)).toEqual(records.map((r) => r.deviceSeq));
    expect(seen).toEqual(records);

    // From the middle, with the whole page by default; from the head, nothing.
    const fromMiddle = await page(server.url, device, records[149]?.hash ?? '');
    expect(fromMiddle.records.map((r) => r.deviceSeq)).toEqual(records.slice(150).map((r) => r.deviceSeq));
    expect((await page(server.url, device, head.hash)).records).toEqual([]);
  });

  it('stops at the first place of the chain the city does not hold', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const records = recordChain(device.deviceId, 8);
    await push(server.url, device, [...records.slice(0, 5), ...records.slice(6)]);
    const reply = await page(server.url, device, GENESIS_HASH);
    expect(reply.records.map((r) => r.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(reply.chainHead).toEqual(headOf(records.slice(0, 5)));
  });

  it('says when it does not hold the event named, with its own head, and answers for the asking device only', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const other = await enrollDevice(server, 'Door 2');
    const mine = recordChain(device.deviceId, 3);
    const theirs = recordChain(other.deviceId, 3);
    await push(server.url, device, mine);
    await push(server.url, other, theirs);

    expect(await page(server.url, device, 'f'.repeat(64))).toEqual({ afterHeld: false, chainHead: headOf(mine), records: [] });
    // Another kiosk's event is not in this device's chain, and its records never come back to this one.
    expect(await page(server.url, device, theirs[0]?.hash ?? '')).toEqual({ afterHeld: false, chainHead: headOf(mine), records: [] });
    const fresh = await enrollDevice(server, 'Door 3');
    expect(await page(server.url, fresh, GENESIS_HASH)).toEqual({ afterHeld: true, chainHead: null, records: [] });
  });

  it('refuses a missing or malformed hash and a limit out of bounds, without a token, and by another method', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const cases: [string, number, string][] = [
      ['', 400, 'VALIDATION_FAILED'],
      ['after=abc', 400, 'VALIDATION_FAILED'],
      [`after=${'A'.repeat(64)}`, 400, 'VALIDATION_FAILED'],
      [`after=${GENESIS_HASH}&limit=0`, 400, 'VALIDATION_FAILED'],
      [`after=${GENESIS_HASH}&limit=1001`, 400, 'VALIDATION_FAILED'],
      [`after=${GENESIS_HASH}&limit=ten`, 400, 'VALIDATION_FAILED'],
    ];
    for (const [query, status, code] of cases) {
      const reply = await chainPage(server.url, device, query);
      expect([query, reply.status, ErrorReplySchema.parse(reply.json).error.code]).toEqual([query, status, code]);
    }
    const anonymous = await call(server.url, `/v1/records/chain?after=${GENESIS_HASH}`);
    expect([anonymous.status, ErrorReplySchema.parse(anonymous.json).error.code]).toEqual([401, 'UNAUTHORIZED']);
    const posted = await call(server.url, '/v1/records/chain', { token: device.token, body: {} });
    expect([posted.status, posted.headers.allow]).toEqual([405, 'GET']);
  });
});
