// The city-acks record (docs/peers.md §5 "Exactly once to the city"): after every push reply the pushing machine
// appends what the city said of each record, so every machine of the kindergarten knows what the city holds. Written
// in the settle's own transaction, beside the rows it marks; a database with no peer log bound appends nothing.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { CityAcksBodySchema } from '../../../shared/peers/peer-record.js';
import type { PushReply } from '../../../shared/sync/protocol.js';
import { settleAwaitingCity } from './city-acks-awaiting.js';
import { peerLogOf } from './peer-log.js';

type CityAcksBody = z.infer<typeof CityAcksBodySchema>;

/** The reason as the record keeps it: the city's may be longer than the body allows. */
const MAX_REASON = 200;

/** The city-acks body of one push reply, or null when the reply acknowledged nothing. */
export function cityAcksBody(forDevice: string, reply: PushReply, atMs: number): string | null {
  const acks = cityAcksOf(forDevice, reply, atMs);
  return acks === null ? null : JSON.stringify(acks);
}

function cityAcksOf(forDevice: string, reply: PushReply, atMs: number): CityAcksBody | null {
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
  return CityAcksBodySchema.parse({ forDevice, accepted, duplicate, rejected, atMs: Math.trunc(atMs) });
}

/** Appends the reply's city-acks to this machine's peer log, inside the caller's transaction. */
export function appendCityAcks(db: Database, forDevice: string, reply: PushReply, atMs: number): void {
  const log = peerLogOf(db);
  if (log === null) return;
  const acks = cityAcksOf(forDevice, reply, atMs);
  if (acks === null) return;
  log.append('city-acks', uuidv7(), { body: JSON.stringify(acks) });
  // A relayed door's changes are held here as another machine's: this push answered them (this machine's own city
  // changes have their outbox rows, which the push settles).
  if (forDevice !== log.deviceId) settleAwaitingCity(db, acks);
}
