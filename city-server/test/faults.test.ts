// Each fault switch really happens on the wire, and the database says what was committed despite it.
import { describe, expect, it } from 'vitest';
import { HelloReplySchema, MAX_REPLY_BYTES, PushReplySchema } from '../../shared/sync/protocol.js';
import { FOREIGN_HOST } from '../src/http/malformed.js';
import { enrollDevice, headOf, recordChain, startTestServer, type EnrolledDevice } from './fixtures.js';
import { call, type RawReply } from './http-client.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function setup(): Promise<{ server: Server; device: EnrolledDevice }> {
  const server = await startTestServer();
  return { server, device: await enrollDevice(server) };
}

function pushBatch(server: Server, device: EnrolledDevice, size = 3, startSeq = 1) {
  const records = recordChain(device.deviceId, size, { startSeq, prevHash: startSeq === 1 ? undefined : 'f'.repeat(64) });
  const send = () => call(server.url, '/v1/records', { token: device.token, body: { deviceId: device.deviceId, records, chainHead: headOf(records) } });
  return { records, send };
}

const isPushAck = (reply: RawReply): boolean => reply.status === 200 && PushReplySchema.safeParse(reply.json).success;

describe('fault injection', () => {
  it('error500Rate: a 500 ErrorReply before anything is committed', async () => {
    const { server, device } = await setup();
    server.setFaults({ error500Rate: 1 });
    const { send } = pushBatch(server, device);
    const reply = await send();
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(server.recordCount()).toBe(0);
    expect(server.faultsInjected().error500).toBe(1);
  });

  it('dropBeforeCommitRate: the socket dies and nothing is held', async () => {
    const { server, device } = await setup();
    server.setFaults({ dropBeforeCommitRate: 1 });
    await expect(pushBatch(server, device).send()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(server.recordCount()).toBe(0);
  });

  it('dropAfterCommitRate: the socket dies, the records ARE held, and a retry is answered duplicate', async () => {
    const { server, device } = await setup();
    server.setFaults({ dropAfterCommitRate: 1 });
    const { records, send } = pushBatch(server, device);
    await expect(send()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(server.recordIds().sort()).toEqual(records.map((r) => r.id).sort());
    server.setFaults({});
    const retry = await send();
    expect(PushReplySchema.parse(retry.json).results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(server.recordCount()).toBe(3);
  });

  it('lostAckRate: committed, then an empty, truncated or cut-off body — never a readable acknowledgement', async () => {
    const { server, device } = await setup();
    server.setFaults({ lostAckRate: 1, seed: 7 });
    const shapes = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const { records, send } = pushBatch(server, device, 2, 1 + i * 2);
      const outcome = await send().then(
        (reply) => (reply.body.length === 0 ? 'empty' : isPushAck(reply) ? 'ACK' : 'truncated'),
        () => 'cut-mid-body',
      );
      shapes.add(outcome);
      for (const record of records) expect(server.recordIds()).toContain(record.id);
    }
    expect([...shapes].sort()).toEqual(['cut-mid-body', 'empty', 'truncated']);
  });

  it('duplicateAckRate: committed, then every result twice or the whole body twice', async () => {
    const { server, device } = await setup();
    server.setFaults({ duplicateAckRate: 1, seed: 3 });
    const shapes = new Set<string>();
    for (let i = 0; i < 10; i += 1) {
      const { records, send } = pushBatch(server, device, 2, 1 + i * 2);
      const reply = await send();
      expect(reply.status).toBe(200);
      if (reply.json === undefined) {
        expect(reply.text).toBe(reply.text.slice(0, reply.text.length / 2).repeat(2));
        shapes.add('body-twice');
      } else {
        expect(PushReplySchema.parse(reply.json).results.map((r) => r.id)).toEqual([...records, ...records].map((r) => r.id));
        shapes.add('results-twice');
      }
    }
    expect([...shapes].sort()).toEqual(['body-twice', 'results-twice']);
    expect(server.recordCount()).toBe(20);
  });

  it('latencyMs: the reply waits at least that long', async () => {
    const { server } = await setup();
    server.setFaults({ latencyMs: 300 });
    const started = performance.now();
    await call(server.url, '/v1/hello');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('slowBodyBytesPerSecond: the body trickles in over time, intact', async () => {
    const { server } = await setup();
    server.setFaults({ slowBodyBytesPerSecond: 100 });
    const started = performance.now();
    const reply = await call(server.url, '/v1/hello');
    // 66 bytes at 100 B/s, written 10 bytes every 100 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(HelloReplySchema.parse(reply.json).protocolVersions).toEqual([1]);
    expect(server.faultsInjected().slowBody).toBe(1);
  });

  it('malformed not-json and wrong-types: 200 replies no schema accepts', async () => {
    const { server } = await setup();
    server.setFaults({ malformed: 'not-json' });
    const html = await call(server.url, '/v1/hello');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.json).toBeUndefined();
    server.setFaults({ malformed: 'wrong-types' });
    const wrong = await call(server.url, '/v1/hello');
    expect(wrong.json).toBeTypeOf('object');
    expect(HelloReplySchema.safeParse(wrong.json).success).toBe(false);
    expect(PushReplySchema.safeParse(wrong.json).success).toBe(false);
  });

  it('malformed huge-body: more bytes than MAX_REPLY_BYTES, declared or chunked', async () => {
    const { server } = await setup();
    server.setFaults({ malformed: 'huge-body', seed: 5 });
    const framings = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const reply = await call(server.url, '/v1/hello', { maxBytes: MAX_REPLY_BYTES });
      expect(reply.body.length).toBeGreaterThan(MAX_REPLY_BYTES);
      framings.add(reply.headers['content-length'] ? 'declared' : 'chunked');
    }
    expect([...framings].sort()).toEqual(['chunked', 'declared']);
  });

  it('malformed redirect-other-host: a 307 to a host that is not the city', async () => {
    const { server } = await setup();
    server.setFaults({ malformed: 'redirect-other-host' });
    const reply = await call(server.url, '/v1/roster');
    expect(reply.status).toBe(307);
    expect(reply.headers.location).toBe(`${FOREIGN_HOST}/v1/roster`);
  });

  it('every reply keeps the protocol and Date headers, faults or not', async () => {
    const { server } = await setup();
    server.setFaults({ malformed: 'not-json' });
    const reply = await call(server.url, '/v1/hello');
    expect(reply.headers['esik-protocol']).toBe('1');
    expect(Number.isNaN(Date.parse(reply.headers.date ?? ''))).toBe(false);
  });

  it('the same seed gives the same faults in the same order; {} turns them off', async () => {
    const { server } = await setup();
    const run = async (): Promise<number[]> => {
      server.setFaults({ error500Rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await call(server.url, '/v1/hello')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
    server.setFaults({});
    expect((await call(server.url, '/v1/hello')).status).toBe(200);
  });
});
