// The kiosk's typed client for the city server (protocol v1, shared/sync/protocol.ts): one method per endpoint,
// outgoing bodies checked against the protocol's schemas, every reply parsed with them, every failure a SyncError.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { z } from 'zod';
import {
  ChainPageQuerySchema,
  ChainPageReplySchema,
  EnrollReplySchema,
  EnrollRequestSchema,
  ErrorReplySchema,
  HelloReplySchema,
  MissingReplySchema,
  MissingRequestSchema,
  PATHS,
  PeersReplySchema,
  PushReplySchema,
  PushRequestSchema,
  MAX_PUSH_RECORDS,
  RosterReplySchema,
  type ChainPageReply,
  type EnrollReply,
  type EnrollRequest,
  type HelloReply,
  type MissingReply,
  type PeersReply,
  type PushReply,
  type PushRequest,
  type RosterReply,
} from '../../../shared/sync/protocol.js';
import { DEFAULT_LIMITS, exchange, type HttpLimits, type HttpReply } from './http-request.js';
import { SyncError } from './sync-error.js';

/**
 * Queued records ready to go: each the JSON text the outbox queued it as (OutboxWriter), joined once into the bytes
 * between a JSON array's brackets. Made when the batch is read, so a batch read while the one before it is at the
 * city is ready to go the moment that one is answered.
 */
export interface QueuedRecords {
  count: number;
  json: Buffer;
}

export function queuedRecords(texts: readonly string[]): QueuedRecords {
  return { count: texts.length, json: Buffer.from(texts.join(','), 'utf8') };
}

/** A push as the outbox holds it: the records spliced in unparsed. */
export interface QueuedPush {
  deviceId: PushRequest['deviceId'];
  records: QueuedRecords;
  chainHead: PushRequest['chainHead'];
}

/** The envelope around the queued records: they are checked by the city, one by one, each answered on its own. */
const PushEnvelopeSchema = PushRequestSchema.omit({ records: true }).extend({
  records: z.object({ count: z.number().int().min(1).max(MAX_PUSH_RECORDS), json: z.instanceof(Buffer) }),
});

export interface CityClientOptions {
  /** The enrolled server's base URL, e.g. https://esik.city.kz or http://127.0.0.1:4100/prefix. */
  serverUrl: string;
  /** The device's bearer token; null before enrollment. */
  token: string | null;
  limits?: Partial<HttpLimits>;
  now?: () => number;
}

/** A parsed reply with the timing the clock-offset estimate needs. */
export interface CityReply<T> {
  value: T;
  /** The city's Date header in epoch ms (second resolution), or null. */
  serverDateMs: number | null;
  /** Kiosk epoch ms when the request started and when its reply was complete. */
  startedMs: number;
  finishedMs: number;
}

export class CityClient {
  private readonly base: URL;
  private readonly limits: HttpLimits;
  private readonly now: () => number;
  /** Keep-alive: a backlog of many pushes reuses one connection. */
  private readonly agent: HttpAgent | HttpsAgent;

  constructor(private readonly options: CityClientOptions) {
    this.base = parseServerUrl(options.serverUrl);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    // One connection: pushes go one at a time (docs/sync-protocol.md, "one in flight").
    const agentOptions = { keepAlive: true, maxSockets: 1 };
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  }

  get serverUrl(): string {
    return this.base.href;
  }

  hello(): Promise<CityReply<HelloReply>> {
    return this.call('GET', PATHS.hello, null, HelloReplySchema);
  }

  enroll(request: EnrollRequest): Promise<CityReply<EnrollReply>> {
    return this.call('POST', PATHS.enroll, JSON.stringify(EnrollRequestSchema.parse(request)), EnrollReplySchema, { auth: false });
  }

  /**
   * Only the envelope is checked here. Parsing and serializing every queued record again cost the kiosk more than
   * the rest of a push together; the outbox wrote each one with JSON.stringify from a typed record.
   */
  push(request: QueuedPush): Promise<CityReply<PushReply>> {
    const { deviceId, records, chainHead } = PushEnvelopeSchema.parse(request);
    const body = Buffer.concat([
      Buffer.from(`{"deviceId":${JSON.stringify(deviceId)},"records":[`, 'utf8'),
      records.json,
      Buffer.from(`],"chainHead":${JSON.stringify(chainHead)}}`, 'utf8'),
    ]);
    return this.call('POST', PATHS.push, body, PushReplySchema);
  }

  missing(ids: readonly string[]): Promise<CityReply<MissingReply>> {
    return this.call('POST', PATHS.missing, JSON.stringify(MissingRequestSchema.parse({ ids })), MissingReplySchema);
  }

  /** A delta from the cursor when the server still knows it, else a full snapshot. */
  roster(cursor: string | null): Promise<CityReply<RosterReply>> {
    return this.call('GET', withQuery(PATHS.roster, 'cursor', cursor), null, RosterReplySchema);
  }

  /** Records of the kindergarten's other kiosks since the cursor. */
  peers(since: string | null): Promise<CityReply<PeersReply>> {
    return this.call('GET', withQuery(PATHS.peers, 'since', since), null, PeersReplySchema);
  }

  /** This device's own chain after the event with that hash (64 zeros: from the first), at most `limit` records. */
  chainPage(after: string, limit: number): Promise<CityReply<ChainPageReply>> {
    const query = ChainPageQuerySchema.parse({ after, limit });
    const search = new URLSearchParams({ after: query.after, limit: String(query.limit) });
    return this.call('GET', `${PATHS.chain}?${search.toString()}`, null, ChainPageReplySchema);
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: string | Buffer | null,
    schema: S,
    { auth }: { auth: boolean } = { auth: true },
  ): Promise<CityReply<z.output<S>>> {
    const url = new URL(this.base.pathname.replace(/\/$/, '') + path, this.base);
    const reply = await exchange({ method, url, token: auth ? this.options.token : null, body, limits: this.limits, agent: this.agent }, this.now);
    return { value: parseReply(reply, schema), serverDateMs: reply.serverDateMs, startedMs: reply.startedMs, finishedMs: reply.finishedMs };
  }
}

/** Only http(s) URLs without credentials, query or fragment name a city server. */
export function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncError('SYNC_NETWORK', `not a URL: ${text}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new SyncError('SYNC_NETWORK', `not a city server URL: ${url.protocol}//${url.host}`);
  }
  return url;
}

function withQuery(path: string, name: string, value: string | null): string {
  return value === null ? path : `${path}?${new URLSearchParams({ [name]: value }).toString()}`;
}

/** Turns a complete HTTP reply into the protocol value, or the SyncError that explains why not. */
export function parseReply<S extends z.ZodType>(reply: HttpReply, schema: S): z.output<S> {
  const { status } = reply;
  if (status === 426) throw new SyncError('SYNC_PROTOCOL_UNSUPPORTED', 'the server does not speak this protocol version', status, serverCodeOf(reply.body));
  if (status === 401 || status === 403) throw new SyncError('SYNC_UNAUTHORIZED', 'the device token was refused', status, serverCodeOf(reply.body));
  if (status < 200 || status >= 300) throw new SyncError('SYNC_HTTP_STATUS', `HTTP ${status}`, status, serverCodeOf(reply.body));
  if (!reply.protocolOk) throw new SyncError('SYNC_PROTOCOL_UNSUPPORTED', 'the reply does not declare protocol v1', status);
  let json: unknown;
  try {
    json = JSON.parse(reply.body.toString('utf8'));
  } catch {
    throw new SyncError('SYNC_MALFORMED', 'the reply is not JSON', status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('SYNC_MALFORMED', `the reply does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, status);
  return parsed.data;
}

function serverCodeOf(body: Buffer): string | null {
  try {
    const parsed = ErrorReplySchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data.error.code : null;
  } catch {
    return null;
  }
}
