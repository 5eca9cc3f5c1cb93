// The city-acks record (docs/peers.md §5 "Exactly once to the city"): after every push reply the pushing machine
// appends what the city said of each record, so every machine of the kindergarten knows what the city holds. Written
// in the settle's own transaction, beside the rows it marks; a database with no peer log bound appends nothing.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { CityAcksBodySchema } from '../../../shared/peers/peer-record.js';
import type { PushReply } from '../../../shared/sync/protocol.js';
import { peerLogOf } from './peer-log.js';

/** The reason as the record keeps it: the city's may be longer than the body allows. */
const MAX_REASON = 200;

/** The city-acks body of one push reply, or null when the reply acknowledged nothing. */
export function cityAcksBody(forDevice: string, reply: PushReply, atMs: number): string | null {
  if (reply.results.length === 0) return null;
  const accepted: string[] = [];
  const duplicate: string[] = [];
  const rejected: { id: string; reason: string }[] = [];
  for (const result of reply.results) {
    if (result.status === 'accepted') accepted.push(result.id);
    else if (result.status === 'duplicate') duplicate.push(result.id);
    else rejected.push({ id: result.id, reason: result.reason.slice(0, MAX_REASON) });
  }
  // Parsed before it is written: a body its readers would refuse is not signed into the log.
  return JSON.stringify(CityAcksBodySchema.parse({ forDevice, accepted, duplicate, rejected, atMs: Math.trunc(atMs) }));
}

/** Appends the reply's city-acks to this machine's peer log, inside the caller's transaction. */
export function appendCityAcks(db: Database, forDevice: string, reply: PushReply, atMs: number): void {
  const log = peerLogOf(db);
  if (log === null) return;
  const body = cityAcksBody(forDevice, reply, atMs);
  if (body !== null) log.append('city-acks', uuidv7(), { body });
}
