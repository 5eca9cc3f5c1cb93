// GET /v1/records/peers?since=…: today's records from the kindergarten's other kiosks (a child who came in by the
// second entrance must not look absent at this one). The cursor is the city's arrival order.
import { MAX_PUSH_RECORDS, type PeersReply } from '../../../shared/sync/protocol.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { localDate } from '../local-day.js';
import { ok, type AuthedHandler } from './context.js';

export const peers: AuthedHandler = (parts, request) =>
  parts.db.transaction(() => {
    const last = parts.records.lastArrival();
    const after = decodeCursor(parts.epoch, request.query.get('since'), last) ?? 0;
    const today = localDate(request.now, parts.utcOffsetMinutes);
    const page = parts.records.peersPage(request.device.kindergartenId, today, request.device.id, after, MAX_PUSH_RECORDS);
    // A full page resumes after its last row; a short page has seen everything up to the newest arrival.
    const position = page.length === MAX_PUSH_RECORDS ? (page.at(-1)?.arrival ?? after) : last;
    const reply: PeersReply = { cursor: encodeCursor(parts.epoch, position), records: page.map((row) => row.record) };
    return ok(reply);
  })();
