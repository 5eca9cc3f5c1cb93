// Overrides: staff record a child's arrival or departure in their own name when the card is at home or the phone is
// dead. The event is an ordinary attendance event (method 'override', the staff id) appended through the chained
// log, so it syncs like a tap; the reason and the companion go in a linked row; the audit row says who and why.
import type { Database } from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { EventKind } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { OverrideReason } from '../../../shared/staff/staff-domain.js';
import { v7 as uuidv7 } from 'uuid';
import type { AttendanceLog, StoredEvent } from '../ledger/attendance-log.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { ChildDirectory } from './child-directory.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

export interface OverrideRequest {
  childId: string;
  kind: EventKind;
  reason: OverrideReason;
  note?: string | undefined;
  /** A companion on the roster, linked to the child... */
  companionId?: string | undefined;
  /** ...or just the name said at the door (a neighbour, a relative not on the roster). */
  companionName?: string | undefined;
}

export class OverrideService {
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly deps: { db: Database; log: AttendanceLog; directory: ChildDirectory; audit: StaffAudit },
  ) {
    this.outbox = new OutboxWriter(deps.db);
  }

  /** Runs inside the caller's transaction when there is one (closing time records its resolution with it). */
  record(actor: StaffMember, request: OverrideRequest, at: LocalTime): Result<StoredEvent> {
    const { db, log, directory, audit } = this.deps;
    if (!directory.child(request.childId)) return fail('INVALID_REQUEST', `no child ${request.childId}`);
    // Staff name who came; a roster companion must be one the roster lets do it (a nanny who may only bring a child
    // is never recorded as collecting them). Someone else is typed as a name, on the staff member's own account.
    if (request.companionId !== undefined && !directory.companionMay(request.childId, request.companionId, request.kind)) {
      return fail('INVALID_REQUEST', `companion ${request.companionId} may not ${request.kind === 'arrival' ? 'bring' : 'collect'} child ${request.childId}`);
    }
    if (request.reason === 'other' && !request.note) return fail('INVALID_REQUEST', 'the reason "other" needs a note');
    const event = db
      .transaction(() => {
        const [stored] = log.append(
          [{ childId: request.childId, kind: request.kind, method: 'override', companionId: request.companionId ?? null, credentialId: null, staffId: actor.id }],
          at,
        );
        if (!stored) throw new Error('the log appended no event');
        db.prepare('INSERT INTO override_reasons (event_id, reason, note, companion_id, companion_name) VALUES (?, ?, ?, ?, ?)').run(
          stored.id,
          request.reason,
          request.note ?? null,
          request.companionId ?? null,
          request.companionName ?? null,
        );
        // The reason goes to the city as its own record, queued with the row (the event's record is already queued).
        this.outbox.enqueue(
          {
            type: 'override-reason',
            id: uuidv7(),
            deviceId: log.deviceId,
            eventId: stored.id,
            reason: request.reason,
            note: request.note ?? null,
            companionId: request.companionId ?? null,
            companionName: request.companionName ?? null,
            occurredAt: at.iso,
            occurredMs: at.ms,
            localDate: at.localDate,
          },
          at.ms,
        );
        audit.record(
          'override',
          actor.id,
          at,
          {
            childId: request.childId,
            kind: request.kind,
            reason: request.reason,
            note: request.note ?? null,
            companionId: request.companionId ?? null,
            companionName: request.companionName ?? null,
          },
          stored.id,
        );
        return stored;
      })
      .immediate();
    return ok(event);
  }
}
