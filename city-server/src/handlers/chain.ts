// GET /v1/records/chain?after=…&limit=…: the asking device's own chain after an event it names by hash. A kiosk
// restored from an older copy puts back what it pushed after that copy was taken (docs/sync-protocol.md).
import { ChainPageQuerySchema, type ChainPageReply } from '../../../shared/sync/protocol.js';
import { ok, parseBody, type AuthedHandler } from './context.js';

export const chain: AuthedHandler = (parts, request) => {
  const { after, limit } = parseBody(ChainPageQuerySchema, Object.fromEntries(request.query));
  const deviceId = request.device.id;
  // One read transaction: the head and the page describe the same moment.
  return parts.db.transaction(() => {
    const chainHead = parts.records.chainHead(deviceId);
    const afterSeq = parts.records.seqOfHash(deviceId, after);
    const reply: ChainPageReply =
      afterSeq === null
        ? { afterHeld: false, chainHead, records: [] }
        : { afterHeld: true, chainHead, records: parts.records.chainAfter(deviceId, afterSeq, limit) };
    return ok(reply);
  })();
};
