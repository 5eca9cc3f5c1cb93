// Versioning, hello, enrollment (single-use codes, the lost-reply retry), bearer tokens and the HTTP edges.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnrollReplySchema, ErrorReplySchema, HelloReplySchema, MAX_REQUEST_BYTES } from '../../shared/sync/protocol.js';
import { CITY_DB_FILE } from '../src/store/open-store.js';
import { enrollDevice, kioskPublicKey, startTestServer } from './fixtures.js';
import { call } from './http-client.js';

describe('protocol version and hello', () => {
  it('answers hello with the versions it speaks, and a Date header from its clock', async () => {
    const server = await startTestServer({ now: () => new Date('2026-11-23T03:00:00Z') });
    const reply = await call(server.url, '/v1/hello');
    expect(reply.status).toBe(200);
    expect(HelloReplySchema.parse(reply.json).protocolVersions).toEqual([1]);
    expect(reply.headers['esik-protocol']).toBe('1');
    expect(reply.headers.date).toBe('Mon, 23 Nov 2026 03:00:00 GMT');
  });

  it.each([['2'], [null], ['1.0']])('refuses protocol header %s with 426 PROTOCOL_UNSUPPORTED', async (version) => {
    const server = await startTestServer();
    const reply = await call(server.url, '/v1/hello', { version });
    expect(reply.status).toBe(426);
    expect(ErrorReplySchema.parse(reply.json).error.code).toBe('PROTOCOL_UNSUPPORTED');
    expect(reply.headers['esik-protocol']).toBe('1');
  });
});

describe('enrollment', () => {
  it('turns a code into a device of the kindergarten, once', async () => {
    const server = await startTestServer();
    const code = server.issueEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const body = { enrollmentCode: code.toLowerCase(), publicKey: kioskPublicKey(), deviceName: 'Door 1', deviceId: randomUUID() };
    const first = await call(server.url, '/v1/enroll', { body });
    expect(first.status).toBe(200);
    const enrolled = EnrollReplySchema.parse(first.json);
    expect(enrolled.kindergartenId).toBe('kg-demo');
    expect(enrolled.deviceId).toBe(body.deviceId);

    const second = await call(server.url, '/v1/enroll', { body: { ...body, publicKey: kioskPublicKey(), deviceId: randomUUID() } });
    expect(second.status).toBe(403);
    expect(ErrorReplySchema.parse(second.json).error.code).toBe('ENROLLMENT_CODE_INVALID');
    const unknown = await call(server.url, '/v1/enroll', { body: { ...body, enrollmentCode: 'AAAA-BBBB-CCCC' } });
    expect(unknown.status).toBe(403);
  });

  it('registers the id the kiosk brings; the same device re-enrolls with a new code, another key may not take its id', async () => {
    const server = await startTestServer();
    const body = { enrollmentCode: server.issueEnrollmentCode(), publicKey: kioskPublicKey(), deviceName: 'Door 1', deviceId: randomUUID() };
    const first = EnrollReplySchema.parse((await call(server.url, '/v1/enroll', { body })).json);
    const again = EnrollReplySchema.parse((await call(server.url, '/v1/enroll', { body: { ...body, enrollmentCode: server.issueEnrollmentCode() } })).json);
    expect(again.deviceId).toBe(first.deviceId);
    expect((await call(server.url, '/v1/roster', { token: first.token })).status).toBe(401);
    const impostor = await call(server.url, '/v1/enroll', {
      body: { ...body, enrollmentCode: server.issueEnrollmentCode(), publicKey: kioskPublicKey() },
    });
    expect(impostor.status).toBe(409);
    expect(ErrorReplySchema.parse(impostor.json).error.code).toBe('DEVICE_ID_TAKEN');
  });

  it('gives a kiosk whose reply was lost its device back with a new token, and the old token stops working', async () => {
    const server = await startTestServer();
    const body = { enrollmentCode: server.issueEnrollmentCode(), publicKey: kioskPublicKey(), deviceName: 'Door 1', deviceId: randomUUID() };
    const lost = EnrollReplySchema.parse((await call(server.url, '/v1/enroll', { body })).json);
    const retry = EnrollReplySchema.parse((await call(server.url, '/v1/enroll', { body })).json);
    expect(retry.deviceId).toBe(lost.deviceId);
    expect(retry.token).not.toBe(lost.token);
    expect((await call(server.url, '/v1/roster', { token: lost.token })).status).toBe(401);
    expect((await call(server.url, '/v1/roster', { token: retry.token })).status).toBe(200);
  });

  it('keeps neither codes nor tokens in the database, only their hashes', async () => {
    const server = await startTestServer();
    const code = server.issueEnrollmentCode();
    const reply = EnrollReplySchema.parse(
      (await call(server.url, '/v1/enroll', { body: { enrollmentCode: code, publicKey: kioskPublicKey(), deviceName: 'Door 1', deviceId: randomUUID() } })).json,
    );
    await server.close();
    const files = ['', '-wal'].map((suffix) => {
      try {
        return readFileSync(join(server.dataDir, CITY_DB_FILE + suffix)).toString('latin1');
      } catch {
        return '';
      }
    });
    const bytes = files.join('');
    expect(bytes).toContain(reply.deviceId);
    expect(bytes).not.toContain(reply.token);
    expect(bytes).not.toContain(code.replace(/-/g, ''));
  });

  it('refuses a malformed enrollment with 400 VALIDATION_FAILED', async () => {
    const server = await startTestServer();
    const reply = await call(server.url, '/v1/enroll', { body: { enrollmentCode: server.issueEnrollmentCode(), publicKey: 'short', deviceName: '' } });
    expect(reply.status).toBe(400);
    const { error } = ErrorReplySchema.parse(reply.json);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/publicKey/);
  });
});

describe('bearer tokens and HTTP edges', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    const server = await startTestServer();
    for (const token of [undefined, 'x'.repeat(43)]) {
      const reply = await call(server.url, '/v1/roster', token ? { token } : {});
      expect(reply.status).toBe(401);
      expect(ErrorReplySchema.parse(reply.json).error.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers 413 to a body over the limit, declared or not', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const huge = Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20);
    for (const chunked of [false, true]) {
      const reply = await call(server.url, '/v1/records/missing', { token: device.token, rawBody: huge, chunked });
      expect(reply.status).toBe(413);
      expect(ErrorReplySchema.parse(reply.json).error.code).toBe('BODY_TOO_LARGE');
    }
  });

  it('checks version, path and token before the body, and answers every refusal with the protocol header', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const plain = { rawBody: 'hi', headers: { 'content-type': 'text/plain' } };
    const cases = [
      [await call(server.url, '/v1/nothing', { ...plain, version: null }), 426, 'PROTOCOL_UNSUPPORTED'],
      [await call(server.url, '/v1/nothing', plain), 404, 'NOT_FOUND'],
      [await call(server.url, '/v1/hello', { ...plain, method: 'POST' }), 405, 'METHOD_NOT_ALLOWED'],
      [await call(server.url, '/v1/records/missing', plain), 401, 'UNAUTHORIZED'],
      // A path that does not percent-decode is an unknown path like any other.
      [await call(server.url, '/v1/%zz'), 404, 'NOT_FOUND'],
      [await call(server.url, '/v1/%zz', { version: null }), 426, 'PROTOCOL_UNSUPPORTED'],
      // Neither a body nor its type: still not application/json.
      [await call(server.url, '/v1/records/missing', { method: 'POST', token: device.token, headers: { 'content-length': '0' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [await call(server.url, '/v1/records/missing', { token: device.token, rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON'],
      [await call(server.url, '/v1/records/missing', { token: device.token, rawBody: '{}', headers: { 'content-type': 'not a media type' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ] as const;
    for (const [reply, status, code] of cases) {
      expect({ status: reply.status, code: ErrorReplySchema.parse(reply.json).error.code }).toEqual({ status, code });
      expect(reply.headers['esik-protocol']).toBe('1');
    }
  });

  it('has no HEAD twin of a GET endpoint, and names the methods a path takes', async () => {
    const server = await startTestServer();
    for (const method of ['HEAD', 'PUT'] as const) {
      const reply = await call(server.url, '/v1/hello', { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET');
    }
  });

  it('sends exactly the protocol headers and the framing, nothing of its own', async () => {
    const server = await startTestServer();
    const reply = await call(server.url, '/v1/hello');
    expect(Object.keys(reply.headers).sort()).toEqual(['cache-control', 'connection', 'content-length', 'content-type', 'date', 'esik-protocol']);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers 400, 404, 405 and 415 with ErrorReply bodies', async () => {
    const server = await startTestServer();
    const device = await enrollDevice(server);
    const cases = [
      [await call(server.url, '/v1/records/missing', { token: device.token, rawBody: '{"ids": [' }), 400, 'MALFORMED_JSON'],
      [await call(server.url, '/v1/nothing'), 404, 'NOT_FOUND'],
      [await call(server.url, '/v1/hello', { method: 'POST', body: {} }), 405, 'METHOD_NOT_ALLOWED'],
      [await call(server.url, '/v1/records/missing', { token: device.token, rawBody: '{}', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ] as const;
    for (const [reply, status, code] of cases) {
      expect(reply.status).toBe(status);
      expect(ErrorReplySchema.parse(reply.json).error.code).toBe(code);
    }
  });
});
