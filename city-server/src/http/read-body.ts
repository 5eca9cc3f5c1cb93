// Reads a JSON request body with a hard size limit: a declared length over the limit is refused before a byte is
// read, and a body that grows past it (chunked, or lying about its length) is cut off as soon as it does.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE', `a request body must be application/json, not ${type || 'untyped'}`);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError('MALFORMED_JSON', 'the request body is not valid JSON');
  }
}

function tooLarge(limitBytes: number): HttpError {
  // The rest of the body is not read, so the connection cannot be reused.
  return new HttpError('BODY_TOO_LARGE', `a request body may have at most ${limitBytes} bytes`, { connection: 'close' });
}
