// Closing time: the children still checked in are listed for staff, who resolve each one — left (with whom: a
// departure override) or still here (with a note). Nothing is cleared silently.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { ChildDirectory, ChildRow } from './child-directory.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { OverrideService } from './override-service.js';
import { presenceIn, type PresenceStore } from './presence-store.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

export type ClosingOutcome = { kind: 'left'; companionId?: string | undefined; companionName?: string | undefined } | { kind: 'still-here'; note: string };

export class ClosingService {
  private readonly outbox: OutboxWriter;
  /** Read for every child present at every tick of the clock after closing time: compiled once. */
  private readonly lastStillHereNote: Statement<[string, string], { note: string }>;

  constructor(
    private readonly deps: {
      db: Database;
      directory: ChildDirectory;
      presence: PresenceStore;
      overrides: OverrideService;
      audit: StaffAudit;
      deviceId: string;
    },
  ) {
    this.outbox = new OutboxWriter(deps.db);
    this.lastStillHereNote = deps.db.prepare(
      `SELECT note FROM closing_resolutions WHERE local_date = ? AND child_id = ? AND outcome = 'still-here' ORDER BY occurred_ms DESC LIMIT 1`,
    );
  }

  /** Children present now, with the note of today's last "still here" for each. */
  stillIn(localDate: string): { child: ChildRow; stillHereNote: string | null }[] {
    const day = this.deps.presence.day(localDate);
    const note = this.lastStillHereNote;
    return this.deps.directory
      .all()
      .filter((c) => presenceIn(day, c.id).state === 'present')
      .map((child) => ({ child, stillHereNote: note.get(localDate, child.id)?.note ?? null }));
  }

  /** How many children are checked in with no staff answer yet today (a "still here" answers for its child). */
  unresolvedCount(localDate: string): number {
    return this.stillIn(localDate).filter((s) => s.stillHereNote === null).length;
  }

  resolve(actor: StaffMember, childId: string, outcome: ClosingOutcome, at: LocalTime): Result<{ eventId: string | null }> {
    const { db, presence, overrides, audit } = this.deps;
    if (presence.of(childId, at.localDate).state !== 'present') return fail('INVALID_REQUEST', `child ${childId} is not checked in`);
    return db
      .transaction((): Result<{ eventId: string | null }> => {
        let eventId: string | null = null;
        if (outcome.kind === 'left') {
          const departure = overrides.record(
            actor,
            { childId, kind: 'departure', reason: 'closing-time', companionId: outcome.companionId, companionName: outcome.companionName },
            at,
          );
          if (!departure.ok) return departure;
          eventId = departure.value.id;
        }
        const id = uuidv7();
        const note = outcome.kind === 'still-here' ? outcome.note : null;
        db.prepare(
          `INSERT INTO closing_resolutions (id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, at.localDate, childId, outcome.kind, eventId, note, actor.id, at.iso, at.ms);
        this.outbox.enqueue(
          {
            type: 'closing-resolution',
            id,
            deviceId: this.deps.deviceId,
            localDate: at.localDate,
            childId,
            outcome: outcome.kind,
            departureEventId: eventId,
            note,
            staffId: actor.id,
            occurredAt: at.iso,
            occurredMs: at.ms,
          },
          at.ms,
        );
        audit.record('closing-resolution', actor.id, at, { childId, outcome: outcome.kind, note, departureEventId: eventId }, id);
        return ok({ eventId });
      })
      .immediate();
  }
}
