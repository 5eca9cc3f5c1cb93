// Today's presence replayed from the raw records (shared/staff/presence.ts) equals what the services report — the
// staff screens (SQL in presence-store.ts) and the door (AttendanceLog.lastEventOn, which decides arrival or
// departure) — after any sequence of card taps, overrides, corrections, absences and withdrawals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextActionFor, type EventKind } from '../../../shared/domain/attendance.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { presenceOn, type DayRecords, type ReplayAbsence, type ReplayEvent } from '../../../shared/staff/presence.js';
import type { AbsenceReason } from '../../../shared/staff/staff-domain.js';
import { demoCards } from '../demo/demo-roster.js';
import { PresenceStore } from './presence-store.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

const CHILDREN = Object.values(demoChildren);
const CARDS = [demoCards.motherOneChild, demoCards.grandmotherTwoGroups, demoCards.fatherTwoGroups];

type Op =
  | { op: 'tap'; card: number; keep: boolean[] }
  | { op: 'override'; child: number; kind: EventKind }
  | { op: 'correct-event'; pick: number }
  | { op: 'absence'; child: number; from: number; days: number; reason: AbsenceReason }
  | { op: 'withdraw-absence'; pick: number }
  | { op: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('tap' as const), card: fc.nat(CARDS.length - 1), keep: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }) }),
  fc.record({ op: fc.constant('override' as const), child: fc.nat(CHILDREN.length - 1), kind: fc.constantFrom<EventKind>('arrival', 'departure') }),
  fc.record({ op: fc.constant('correct-event' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('absence' as const),
    child: fc.nat(CHILDREN.length - 1),
    from: fc.integer({ min: -2, max: 1 }),
    days: fc.integer({ min: 0, max: 3 }),
    reason: fc.constantFrom<AbsenceReason>('sick', 'vacation', 'sanatorium', 'family'),
  }),
  fc.record({ op: fc.constant('withdraw-absence' as const), pick: fc.nat() }),
  // Up to 50 minutes (within the hour-long idle time set below): long runs cross midnight, and a new day starts.
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 50 * 60_000 }) }),
);

function shiftDate(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('presence replay', () => {
  it('equals what the staff screens and the door report, after any sequence of records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 20 }), async (ops) => {
        const kit = staffKit();
        const duty = await kit.signIn();
        const admin = await kit.signIn('staff-admin', '2468');
        kit.settings.set('staffIdleSeconds', 3600);
        const presence = new PresenceStore(kit.db);
        const today = () => toLocalTime(kit.clock.now(), kit.clock.offsetMinutes).localDate;

        for (const step of ops) {
          // The same card within seconds is a repeat, not a new tap: leave room between steps.
          kit.clock.advance(11_000);
          switch (step.op) {
            case 'tap': {
              const outcome = kit.checkin.identifyCard(CARDS[step.card]!);
              if (outcome.ok && outcome.value.kind === 'choose') {
                const chosen = outcome.value.children.filter((_, i) => step.keep[i]).map((c) => c.id);
                if (chosen.length > 0) kit.checkin.confirm(outcome.value.offerId, chosen, []);
                else kit.checkin.cancel(outcome.value.offerId);
              }
              break;
            }
            case 'override':
              value(kit.call('staffOverride', { sessionId: duty, childId: CHILDREN[step.child], kind: step.kind, reason: 'forgot-card' }));
              break;
            case 'correct-event': {
              const events = kit.read<{ id: string }>('SELECT id FROM attendance_events ORDER BY device_seq');
              const target = events[step.pick % Math.max(events.length, 1)];
              if (target) kit.call('staffCorrect', { sessionId: admin, target: { type: 'attendance', id: target.id }, reason: 'mistake' });
              break;
            }
            case 'absence': {
              const firstDate = shiftDate(today(), step.from);
              value(kit.call('staffMarkAbsence', { sessionId: duty, childId: CHILDREN[step.child], firstDate, lastDate: shiftDate(firstDate, step.days), reason: step.reason }));
              break;
            }
            case 'withdraw-absence': {
              const absences = kit.read<{ id: string }>('SELECT id FROM absences ORDER BY id');
              const target = absences[step.pick % Math.max(absences.length, 1)];
              if (target) kit.call('staffCorrect', { sessionId: admin, target: { type: 'absence', id: target.id }, reason: 'mistake' });
              break;
            }
            case 'wait':
              kit.clock.advance(step.ms);
              break;
          }
          // Staff keep using the screen, so their sessions stay open across the waits.
          for (const sessionId of [duty, admin]) value(kit.call('staffGroups', { sessionId }));
        }

        const records: DayRecords = {
          events: kit
            .read<{ id: string; child_id: string; kind: EventKind; local_date: string; occurred_ms: number; device_seq: number }>('SELECT * FROM attendance_events')
            .map((e): ReplayEvent => ({ id: e.id, childId: e.child_id, kind: e.kind, localDate: e.local_date, occurredMs: e.occurred_ms, deviceSeq: e.device_seq })),
          absences: kit
            .read<{ id: string; child_id: string; first_date: string; last_date: string; reason: AbsenceReason }>('SELECT * FROM absences')
            .map((a): ReplayAbsence => ({ id: a.id, childId: a.child_id, firstDate: a.first_date, lastDate: a.last_date, reason: a.reason })),
          withdrawn: new Set(kit.read<{ target_id: string }>('SELECT target_id FROM corrections').map((c) => c.target_id)),
        };
        const day = today();
        for (const childId of CHILDREN) {
          const replayed = presenceOn(day, childId, records);
          const detail = value(kit.call('staffChildDetail', { sessionId: duty, childId }));
          expect(detail.child.state).toBe(replayed.state);
          expect(detail.child.absenceReason).toBe(replayed.absenceReason);
          expect(detail.nextAction).toBe(nextActionFor(replayed.lastEvent?.kind ?? null));
          // The door decides arrival or departure from the same last event.
          expect(kit.log.lastEventOn(childId, day)?.kind ?? null).toBe(replayed.lastEvent?.kind ?? null);
          // The whole-day view (headcount, closing, lists) agrees with the one-child view.
          expect(presence.day(day).get(childId)?.state ?? 'expected').toBe(replayed.state);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
