// A bare HTTP client for the tests, on node:http so a test sees exactly what the server wrote: status, headers,
// the raw body (even when it is not JSON), and socket errors when the server drops the connection.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol.js';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface CallOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  body?: unknown;
  rawBody?: Buffer | string;
  token?: string;
  /** The protocol header's value; null sends none. */
  version?: string | null;
  headers?: Record<string, string>;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** Stop reading after this many bytes and report what came (for the huge-body fault). */
  maxBytes?: number;
}

export function call(baseUrl: string, path: string, options: CallOptions = {}): Promise<RawReply> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = { ...options.headers };
  const version = options.version === undefined ? String(PROTOCOL_VERSION) : options.version;
  if (version !== null) headers[PROTOCOL_HEADER] = version;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: Buffer | undefined;
  if (options.rawBody !== undefined) payload = Buffer.from(options.rawBody);
  else if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body));
  if (payload) {
    headers['content-type'] ??= 'application/json';
    if (!options.chunked) headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? (payload ? 'POST' : 'GET'), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) res.destroy();
      });
      const finish = (): void => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
      };
      res.on('end', finish);
      res.on('close', () => {
        if (!res.complete && options.maxBytes !== undefined && size > options.maxBytes) finish();
        else if (!res.complete) reject(new Error(`the reply was cut off after ${size} bytes`));
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
    if (options.chunked && payload) {
      for (let offset = 0; offset < payload.length; offset += 64 * 1024) req.write(payload.subarray(offset, offset + 64 * 1024));
      req.end();
    } else req.end(payload);
  });
}
