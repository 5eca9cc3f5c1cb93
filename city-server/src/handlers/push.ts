// POST /v1/records: the kiosk's records, each judged on its own — one bad record is rejected with a reason while
// the rest go through — and the whole batch committed in one transaction before the reply is written.
import { z } from 'zod';
import {
  ChainHeadSchema,
  MAX_PUSH_RECORDS,
  SyncRecordSchema,
  type PushReply,
  type NeverComeCountRecord,
  type PushResult,
  type SyncRecord,
} from '../../../shared/sync/protocol.js';
import type { Device } from '../auth.js';
import { HttpError } from '../http/errors.js';
import { applyCredentialChange, credentialChangeProblem } from '../records/credential-change.js';
import { applyRosterChange, rosterChangeProblem } from '../records/roster-change.js';
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

/** A record after its one validation: parsed, or the reason it will be rejected. */
type Checked = { id: string; record: SyncRecord } | { id: string; invalid: string };

export const push: AuthedHandler = (parts, request) => {
  const envelope = parseBody(PushEnvelopeSchema, request.body);
  if (envelope.deviceId !== request.device.id) {
    throw new HttpError('DEVICE_MISMATCH', `this token belongs to device ${request.device.id}, not ${envelope.deviceId}`);
  }
  const checked = envelope.records.map(check);

  const reply = parts.db.transaction((): PushReply => {
    const judge = new BatchJudge(parts, request.device, checked.flatMap((entry) => ('record' in entry ? [entry.record] : [])), request.now);
    const results = checked.map((entry) => judge.judge(entry));
    const chainHead = parts.records.advanceChainHead(request.device.id, envelope.chainHead, judge.stored);
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

/** Each record is parsed once, before the transaction; only a record that fails is looked at again, for its id. */
function check(raw: unknown, index: number): Checked {
  const parsed = SyncRecordSchema.safeParse(raw);
  if (parsed.success) return { id: parsed.data.id, record: parsed.data };
  const id = RecordIdSchema.safeParse(raw);
  if (!id.success) throw new HttpError('VALIDATION_FAILED', `records.${index}: a record needs a uuid id to be answered by`);
  return { id: id.data.id, invalid: `not a valid record: ${describeIssues(parsed.error.issues, 460)}` };
}

/**
 * Judges one push's records in order against what the city holds. What that needs from the database — the ids already
 * held, the places of the device's chain already taken, the children named — is read in one query each for the whole
 * batch and kept up to date as records are accepted, so a record listed twice, or two at one place, are judged as
 * before. The attendance records stored are kept by place, for the chain head to walk in memory.
 */
class BatchJudge {
  private readonly heldHashes: Map<string, string>;
  private readonly idAtSeq: Map<number, string>;
  private readonly knownChildren: Set<string>;
  private readonly receivedAt: string;
  readonly stored = new Map<number, { hash: string; prevHash: string }>();

  constructor(
    private readonly parts: CityParts,
    private readonly device: Device,
    records: readonly SyncRecord[],
    now: Date,
  ) {
    this.heldHashes = parts.records.hashesOf(records.map((record) => record.id));
    const places = records.flatMap((record) => (record.type === 'attendance' && record.deviceId === device.id ? [record.deviceSeq] : []));
    this.idAtSeq = parts.records.idsAtSeqs(device.id, places);
    this.knownChildren = parts.roster.childrenEverHad(records.flatMap(childIdsOf));
    this.receivedAt = now.toISOString();
  }

  judge(entry: Checked): PushResult {
    if ('invalid' in entry) return rejected(entry.id, entry.invalid);
    const { record } = entry;
    if (record.deviceId !== this.device.id) return rejected(entry.id, `deviceId ${record.deviceId} is not the pushing device ${this.device.id}`);
    const held = this.heldHashes.get(record.id);
    if (held !== undefined) {
      // The id is the idempotency key; the same id with other content is a kiosk bug worth surfacing, not hiding.
      if (held === recordHash(record)) return { id: entry.id, status: 'duplicate' };
      return rejected(entry.id, `record id ${record.id} is already held with another hash`);
    }
    const problem = this.contentProblem(record);
    if (problem) return rejected(entry.id, problem);
    this.heldHashes.set(record.id, this.parts.records.insert(record, this.device.kindergartenId, this.receivedAt));
    if (record.type === 'attendance') {
      this.idAtSeq.set(record.deviceSeq, record.id);
      this.stored.set(record.deviceSeq, { hash: record.hash, prevHash: record.prevHash });
    }
    // A card change also changes the roster, in the same transaction as the record it came in.
    if (record.type === 'credential-change') applyCredentialChange(this.parts.roster, record);
    if (record.type === 'roster-change') {
      applyRosterChange(this.parts.roster, record);
      // A child added here may be named by a record later in this same push (the kiosk queued the change first).
      if (record.change.kind === 'child') this.knownChildren.add(record.change.child.id);
    }
    return { id: entry.id, status: 'accepted' };
  }

  private contentProblem(record: SyncRecord): string | null {
    // Staff records have no hash or chain position: checked for the child they name, then kept as they came.
    if (record.type === 'absence' || record.type === 'closing-resolution' || record.type === 'certificate-check') return this.childProblem(record.childId);
    if (record.type === 'credential-change') return credentialChangeProblem(this.parts.roster, record);
    if (record.type === 'roster-change') return rosterChangeProblem(this.parts.roster, record);
    if (record.type === 'never-come-count') return this.neverComeProblem(record);
    if (record.type !== 'attendance') return null;
    const childProblem = this.childProblem(record.childId);
    if (childProblem) return childProblem;
    const expected = attendanceRecordHash(record);
    if (expected !== record.hash) return `hash does not match the record's canonical event hash (expected ${expected})`;
    const atSeq = this.idAtSeq.get(record.deviceSeq);
    if (atSeq !== undefined) return `deviceSeq ${record.deviceSeq} of this device is already held as record ${atSeq}: a forked chain`;
    return null;
  }

  /** A month's count names groups and children the kindergarten has had, each group once, its count its ids. */
  private neverComeProblem(record: NeverComeCountRecord): string | null {
    const seen = new Set<string>();
    for (const { groupId, count, childIds } of record.groups) {
      if (seen.has(groupId)) return `group ${groupId} is counted twice`;
      seen.add(groupId);
      if (!this.parts.roster.hadGroup(groupId)) return `group ${groupId} is not in this kindergarten`;
      if (count !== childIds.length) return `group ${groupId} counts ${count} but names ${childIds.length} children`;
      for (const childId of childIds) {
        const problem = this.childProblem(childId);
        if (problem) return problem;
      }
    }
    return null;
  }

  private childProblem(childId: string): string | null {
    return this.knownChildren.has(childId) ? null : `child ${childId} is not in this kindergarten`;
  }
}

/** The children a record names: one for most, the listed ones for a month's never-come count. */
function childIdsOf(record: SyncRecord): string[] {
  if (record.type === 'never-come-count') return record.groups.flatMap((g) => g.childIds);
  return 'childId' in record ? [record.childId] : [];
}

function rejected(id: string, reason: string): PushResult {
  return { id, status: 'rejected', reason: reason.slice(0, 500) };
}
