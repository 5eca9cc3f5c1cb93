// What every request handler gets: the parsed request and the server's parts. Handlers are synchronous (SQLite
// is), so a push is validated, committed and answered without another request interleaving.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Auth, Device } from '../auth.js';
import { HttpError } from '../http/errors.js';
import type { Reply } from '../http/wire-reply.js';
import type { RecordStore } from '../records/record-store.js';
import type { RosterStore } from '../roster/roster-store.js';

export interface CityParts {
  db: Database;
  epoch: string;
  auth: Auth;
  roster: RosterStore;
  records: RecordStore;
  /** The kindergarten's offset from UTC; "today" for peers is its local day. */
  utcOffsetMinutes: number;
  serverName: string;
  log: (line: string) => void;
}

export interface Request {
  body: unknown;
  query: URLSearchParams;
  now: Date;
}

export interface AuthedRequest extends Request {
  device: Device;
}

export type Handler = (parts: CityParts, request: Request) => Reply;
export type AuthedHandler = (parts: CityParts, request: AuthedRequest) => Reply;

/** Parses with a protocol schema; a failure is a 400 that names the first few problems. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError('VALIDATION_FAILED', describeIssues(parsed.error.issues));
  return parsed.data;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 500): string {
  const text = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
