import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROTOCOL_HEADER } from '../../../shared/sync/protocol.js';
import { CityClient, parseServerUrl, queuedRecords } from './city-client.js';
import { SyncError } from './sync-error.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback server that answers however the test says, and remembers what it was asked. */
async function hostile(handler: Handler): Promise<{ url: string; requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] }> {
  const requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A port nothing listens on (it did a moment ago). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const v1 = { [PROTOCOL_HEADER]: '1', 'content-type': 'application/json' };
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = v1): void => {
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
};

const client = (url: string, limits: Partial<{ connectTimeoutMs: number; totalTimeoutMs: number; maxReplyBytes: number }> = {}): CityClient => {
  const c = new CityClient({ serverUrl: url, token: 'T'.repeat(43), limits });
  onTestFinished(() => c.close());
  return c;
};

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('city client', () => {
  it('sends the protocol header and the bearer token, parses the reply and exposes its Date header', async () => {
    const city = await hostile((_req, res) =>
      json(res, 200, { missing: [] }, { ...v1, date: 'Mon, 23 Nov 2026 03:00:00 GMT' }),
    );
    const reply = await client(city.url).missing(['0190f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e5f']);
    expect(reply.value).toEqual({ missing: [] });
    expect(reply.serverDateMs).toBe(Date.parse('2026-11-23T03:00:00Z'));
    expect(reply.finishedMs).toBeGreaterThanOrEqual(reply.startedMs);
    const [request] = city.requests;
    expect(request?.headers[PROTOCOL_HEADER]).toBe('1');
    expect(request?.headers.authorization).toBe(`Bearer ${'T'.repeat(43)}`);
    expect(request?.url).toBe('/v1/records/missing');
    expect(JSON.parse(request?.body ?? '')).toEqual({ ids: ['0190f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e5f'] });
  });

  it('pushes the queued records byte for byte as they were queued, inside the envelope, and never an empty batch', async () => {
    const city = await hostile((_req, res) => json(res, 200, { results: [], chainHead: null }));
    // As the outbox holds them: JSON text written once, with Kazakh letters and an escape the kiosk must not touch.
    const texts = ['{"id":"a","note":"Бибігүл әжесі"}', '{"id":"b","note":"line\\nbreak"}'];
    const chainHead = { deviceSeq: 7, hash: 'f'.repeat(64) };
    await client(city.url).push({ deviceId: 'dev-1', records: queuedRecords(texts), chainHead });
    expect(city.requests[0]?.body).toBe(`{"deviceId":"dev-1","records":[${texts.join(',')}],"chainHead":${JSON.stringify(chainHead)}}`);
    expect(JSON.parse(city.requests[0]?.body ?? '')).toEqual({ deviceId: 'dev-1', records: texts.map((t) => JSON.parse(t) as unknown), chainHead });
    expect(city.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(city.requests[0]?.body ?? '')));

    expect(() => client(city.url).push({ deviceId: 'dev-1', records: queuedRecords([]), chainHead })).toThrow(/too_small|>=1/);
    expect(city.requests).toHaveLength(1);
  });

  it('keeps a path prefix of the server URL and sends no token when enrolling', async () => {
    const city = await hostile((_req, res) => json(res, 200, { deviceId: 'dev-1', kindergartenId: 'kg-1', token: 'x'.repeat(43) }));
    await client(`${city.url}/esik/`).enroll({ enrollmentCode: 'ABCD-EFGH-JKMN', deviceId: 'kiosk-1', publicKey: 'A'.repeat(43), deviceName: 'Door 1' });
    expect(city.requests[0]?.url).toBe('/esik/v1/enroll');
    expect(city.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('never follows a redirect, to another host or its own', async () => {
    const elsewhere = await hostile((_req, res) => json(res, 200, { missing: [] }));
    const city = await hostile((req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}${req.url ?? ''}` });
      res.end();
    });
    const error = await failure(client(city.url).missing(['0190f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e5f']));
    expect(error.code).toBe('SYNC_REDIRECT');
    expect(error.status).toBe(307);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('refuses a reply larger than the cap, declared or streamed, without reading it all', async () => {
    const declared = await hostile((_req, res) => {
      res.writeHead(200, { ...v1, 'content-length': String(10_000_000) });
      res.write('{"missing":[');
    });
    expect((await failure(client(declared.url, { maxReplyBytes: 4096 }).hello())).code).toBe('SYNC_TOO_LARGE');

    let written = 0;
    const streamed = await hostile((_req, res) => {
      res.writeHead(200, v1);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const more = (): void => {
        while (written < 50_000_000 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    expect((await failure(client(streamed.url, { maxReplyBytes: 64 * 1024 }).hello())).code).toBe('SYNC_TOO_LARGE');
    expect(written).toBeLessThan(50_000_000);
  });

  it('gives up on a server that never answers, and on one that trickles', async () => {
    const silent = await hostile(() => undefined);
    const started = Date.now();
    expect((await failure(client(silent.url, { totalTimeoutMs: 300 }).hello())).code).toBe('SYNC_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);

    const trickle = await hostile((_req, res) => {
      res.writeHead(200, v1);
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
    });
    expect((await failure(client(trickle.url, { totalTimeoutMs: 400 }).hello())).code).toBe('SYNC_TIMEOUT');
  });

  it('reports a refused connection, a dropped one and a reply cut off mid-body as network failures', async () => {
    const refused = await freePort();
    expect((await failure(client(`http://127.0.0.1:${refused}`).hello())).code).toBe('SYNC_NETWORK');
    const dropped = await hostile((req) => req.socket.destroy());
    expect((await failure(client(dropped.url).hello())).code).toBe('SYNC_NETWORK');
    const cut = await hostile((_req, res) => {
      res.writeHead(200, { ...v1, 'content-length': '100' });
      res.write('{"protocolVersions":[1],');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect((await failure(client(cut.url).hello())).code).toBe('SYNC_NETWORK');
  });

  it('names not-JSON, wrong types, a missing protocol header, 426, 401 and a 500 each by its own code', async () => {
    const cases: [Handler, string, number | null, string | null][] = [
      [(_q, res) => (res.writeHead(200, v1), res.end('<html>502 Bad Gateway</html>')), 'SYNC_MALFORMED', 200, null],
      [(_q, res) => json(res, 200, { protocolVersions: '1', serverName: 5 }), 'SYNC_MALFORMED', 200, null],
      [(_q, res) => json(res, 200, { protocolVersions: [1], serverName: 'x' }, { 'content-type': 'application/json' }), 'SYNC_PROTOCOL_UNSUPPORTED', 200, null],
      [(_q, res) => json(res, 426, { error: { code: 'PROTOCOL_UNSUPPORTED', message: 'v2 only' } }), 'SYNC_PROTOCOL_UNSUPPORTED', 426, 'PROTOCOL_UNSUPPORTED'],
      [(_q, res) => json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'no' } }), 'SYNC_UNAUTHORIZED', 401, 'UNAUTHORIZED'],
      [(_q, res) => json(res, 500, { error: { code: 'INTERNAL', message: 'boom' } }), 'SYNC_HTTP_STATUS', 500, 'INTERNAL'],
      [(_q, res) => (res.writeHead(503), res.end('busy')), 'SYNC_HTTP_STATUS', 503, null],
    ];
    for (const [handler, code, status, serverCode] of cases) {
      const city = await hostile(handler);
      const error = await failure(client(city.url).hello());
      expect({ code: error.code, status: error.status, serverCode: error.serverCode }).toEqual({ code, status, serverCode });
    }
  });

  it('accepts only plain http(s) server URLs', () => {
    expect(parseServerUrl('https://esik.city.kz/api').href).toBe('https://esik.city.kz/api');
    for (const bad of ['ftp://city.kz', 'file:///etc/passwd', 'https://user:pw@city.kz', 'https://city.kz/?x=1', 'not a url', 'javascript:alert(1)']) {
      expect(() => parseServerUrl(bad)).toThrow(SyncError);
    }
  });
});
