// POST /v1/records: the kiosk's records, each judged on its own — one bad record is rejected with a reason while
// the rest go through — and the whole batch committed in one transaction before the reply is written.
import { z } from 'zod';
import {
  ChainHeadSchema,
  MAX_PUSH_RECORDS,
  SyncRecordSchema,
  type PushReply,
  type PushResult,
  type SyncRecord,
} from '../../../shared/sync/protocol.js';
import type { Device } from '../auth.js';
import { HttpError } from '../http/errors.js';
import { applyCredentialChange, credentialChangeProblem } from '../records/credential-change.js';
import { attendanceRecordHash } from '../records/event-hash.js';
import { recordHash } from '../records/record-store.js';
import { describeIssues, ok, parseBody, type AuthedHandler, type CityParts } from './context.js';

/** The envelope only: records stay unknown here so that one malformed record cannot sink the batch. */
const PushEnvelopeSchema = z.object({
  deviceId: z.string().min(1).max(64),
  records: z.array(z.unknown()).min(1).max(MAX_PUSH_RECORDS),
  chainHead: ChainHeadSchema,
});

/** Without a usable id there is nothing to answer the record by; such a push is refused whole. */
const RecordIdSchema = z.object({ id: z.uuid() });

export const push: AuthedHandler = (parts, request) => {
  const envelope = parseBody(PushEnvelopeSchema, request.body);
  if (envelope.deviceId !== request.device.id) {
    throw new HttpError('DEVICE_MISMATCH', `this token belongs to device ${request.device.id}, not ${envelope.deviceId}`);
  }
  const ids = envelope.records.map((raw, index) => {
    const parsed = RecordIdSchema.safeParse(raw);
    if (!parsed.success) throw new HttpError('VALIDATION_FAILED', `records.${index}: a record needs a uuid id to be answered by`);
    return parsed.data.id;
  });

  const reply = parts.db.transaction((): PushReply => {
    const results = envelope.records.map((raw, index) => judge(parts, request.device, raw, ids[index] ?? '', request.now));
    const chainHead = parts.records.advanceChainHead(request.device.id, envelope.chainHead);
    const heldAtClaim = parts.records.hashAtSeq(request.device.id, envelope.chainHead.deviceSeq);
    if (heldAtClaim !== null && heldAtClaim !== envelope.chainHead.hash) {
      parts.log(`CHAIN MISMATCH ${request.device.id}: kiosk claims seq ${envelope.chainHead.deviceSeq} = ${envelope.chainHead.hash}, city holds ${heldAtClaim}`);
    }
    return { results, chainHead };
  })();

  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const result of reply.results) counts[result.status] += 1;
  parts.log(`push ${request.device.id}: ${counts.accepted} accepted, ${counts.duplicate} duplicate, ${counts.rejected} rejected`);
  return ok(reply);
};

function judge(parts: CityParts, device: Device, raw: unknown, id: string, now: Date): PushResult {
  const rejected = (reason: string): PushResult => ({ id, status: 'rejected', reason: reason.slice(0, 500) });
  const parsed = SyncRecordSchema.safeParse(raw);
  if (!parsed.success) return rejected(`not a valid record: ${describeIssues(parsed.error.issues, 460)}`);
  const record = parsed.data;
  if (record.deviceId !== device.id) return rejected(`deviceId ${record.deviceId} is not the pushing device ${device.id}`);

  const held = parts.records.find(record.id);
  if (held) {
    // The id is the idempotency key; the same id with other content is a kiosk bug worth surfacing, not hiding.
    if (held.hash === recordHash(record)) return { id, status: 'duplicate' };
    return rejected(`record id ${record.id} is already held with another hash`);
  }
  const problem = contentProblem(parts, record);
  if (problem) return rejected(problem);
  parts.records.insert(record, device.kindergartenId, now);
  // A card change also changes the roster, in the same transaction as the record it came in.
  if (record.type === 'credential-change') applyCredentialChange(parts.roster, record);
  return { id, status: 'accepted' };
}

function contentProblem(parts: CityParts, record: SyncRecord): string | null {
  // Staff records have no hash or chain position: checked for the child they name, then kept as they came.
  if (record.type === 'absence' || record.type === 'closing-resolution') {
    return parts.roster.hasEverHadChild(record.childId) ? null : `child ${record.childId} is not in this kindergarten`;
  }
  if (record.type === 'credential-change') return credentialChangeProblem(parts.roster, record);
  if (record.type !== 'attendance') return null;
  if (!parts.roster.hasEverHadChild(record.childId)) return `child ${record.childId} is not in this kindergarten`;
  const expected = attendanceRecordHash(record);
  if (expected !== record.hash) return `hash does not match the record's canonical event hash (expected ${expected})`;
  const atSeq = parts.records.idAtSeq(record.deviceId, record.deviceSeq);
  if (atSeq !== null) return `deviceSeq ${record.deviceSeq} of this device is already held as record ${atSeq}: a forked chain`;
  return null;
}
