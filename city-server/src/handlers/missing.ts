// POST /v1/records/missing: which of these ids the city does not hold. Asked after an outage, so a record whose
// acknowledgement was lost but which never arrived is pushed again.
import { MissingRequestSchema, type MissingReply } from '../../../shared/sync/protocol.js';
import { ok, parseBody, type AuthedHandler } from './context.js';

export const missing: AuthedHandler = (parts, request) => {
  const { ids } = parseBody(MissingRequestSchema, request.body);
  const held = parts.records.hashesOf(ids);
  const reply: MissingReply = { missing: [...new Set(ids)].filter((id) => !held.has(id)) };
  return ok(reply);
};
