// One request, start to finish: protocol version, route, token, body, the handler, and on the way out the faults
// the test asked for. Every reply carries the protocol header and a Date header from the server's clock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_BYTES, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol.js';
import { NO_COMMIT_FAULTS, type FaultInjector } from '../faults.js';
import type { CityParts } from '../handlers/context.js';
import type { Route } from '../routes.js';
import { HttpError } from './errors.js';
import { malformedWire, writeHugeBody } from './malformed.js';
import { readJsonBody } from './read-body.js';
import { duplicateAck, errorReply, jsonWire, lostAck, type WireReply } from './wire-reply.js';
import { sleep, writeWire } from './write-reply.js';

export interface PipelineOptions {
  parts: CityParts;
  routes: readonly Route[];
  faults: FaultInjector;
  now: () => Date;
  /** Aborted when the server closes: latency waits and trickles end at once. */
  closing: AbortSignal;
}

/** What became of a request, for the log. */
type Outcome = { kind: 'wire'; wire: WireReply } | { kind: 'dropped'; why: string };

export async function handleRequest(options: PipelineOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://city.local');
  const outcome = await decide(options, req, url).catch(
    (error: unknown): Outcome => ({ kind: 'wire', wire: jsonWire(errorReply(asHttpError(error, options.parts))) }),
  );
  if (outcome.kind === 'dropped') {
    // Mid-request, as a crashed server or a cut cable would: no status line, no bytes.
    req.socket.destroy();
    options.parts.log(`${req.method} ${url.pathname} DROPPED (${outcome.why})`);
    return;
  }
  await sleep(options.faults.latencyMs(), options.closing);
  res.setHeader(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
  res.setHeader('date', options.now().toUTCString());
  res.setHeader('cache-control', 'no-store');
  const malformed = options.faults.malformed();
  if (malformed) {
    options.faults.countMalformed();
    options.parts.log(`${req.method} ${url.pathname} MALFORMED ${malformed}`);
    if (malformed === 'huge-body') await writeHugeBody(res, options.faults.hugeBodyDeclaresLength());
    else await writeWire(res, malformedWire(malformed, url.pathname), null, options.closing);
    return;
  }
  const trickle = options.faults.slowBodyBytesPerSecond();
  if (trickle !== null) options.faults.countSlowBody();
  options.parts.log(`${req.method} ${url.pathname} ${outcome.wire.status} ${Date.now() - started}ms`);
  await writeWire(res, outcome.wire, trickle, options.closing);
}

async function decide(options: PipelineOptions, req: IncomingMessage, url: URL): Promise<Outcome> {
  const { parts, faults } = options;
  const version = req.headers[PROTOCOL_HEADER];
  if (version !== String(PROTOCOL_VERSION)) {
    throw new HttpError(
      'PROTOCOL_UNSUPPORTED',
      `this server speaks ${PROTOCOL_HEADER} ${PROTOCOL_VERSION}; the request said ${typeof version === 'string' ? version : 'nothing'}`,
    );
  }
  const route = findRoute(options.routes, req.method ?? 'GET', url.pathname);
  const device = route.auth ? parts.auth.authenticate(req.headers.authorization) : null;
  if (route.auth && !device) throw new HttpError('UNAUTHORIZED', 'a valid bearer token is needed', { 'www-authenticate': 'Bearer' });
  const body = route.method === 'POST' ? await readJsonBody(req, MAX_REQUEST_BYTES) : undefined;

  if (faults.error500()) throw new HttpError('INTERNAL', 'injected fault: internal server error');
  const commit = route.commits ? faults.commitFaults() : NO_COMMIT_FAULTS;
  if (commit.dropBeforeCommit) return { kind: 'dropped', why: 'injected before commit' };

  const request = { body, query: url.searchParams, now: options.now() };
  const reply = route.auth ? route.handle(parts, { ...request, device: device ?? unreachable() }) : route.handle(parts, request);

  if (commit.dropAfterCommit) return { kind: 'dropped', why: 'injected after commit' };
  if (commit.lostAck) return { kind: 'wire', wire: lostAck(jsonWire(reply), commit.lostAck) };
  if (commit.duplicateAck) return { kind: 'wire', wire: duplicateAck(reply, commit.duplicateAck) };
  return { kind: 'wire', wire: jsonWire(reply) };
}

function findRoute(routes: readonly Route[], method: string, path: string): Route {
  const atPath = routes.filter((route) => route.path === path);
  if (atPath.length === 0) throw new HttpError('NOT_FOUND', `no endpoint ${path}`);
  const route = atPath.find((candidate) => candidate.method === method);
  if (!route) throw new HttpError('METHOD_NOT_ALLOWED', `${path} does not take ${method}`, { allow: atPath.map((r) => r.method).join(', ') });
  return route;
}

function unreachable(): never {
  throw new Error('an authenticated route without a device');
}

function asHttpError(error: unknown, parts: CityParts): HttpError {
  if (error instanceof HttpError) return error;
  parts.log(`INTERNAL ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new HttpError('INTERNAL', 'the server failed to handle the request');
}
