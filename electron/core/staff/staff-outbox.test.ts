// A staff record and its outbox row (what sync pushes to the city) are written in one transaction: both or neither.
import { describe, expect, it } from 'vitest';
import { SyncRecordSchema } from '../../../shared/sync/protocol.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

const counts = (kit: ReturnType<typeof staffKit>) => ({
  absences: kit.read<{ n: number }>('SELECT count(*) AS n FROM absences')[0]?.n,
  headcounts: kit.read<{ n: number }>('SELECT count(*) AS n FROM headcounts')[0]?.n,
  outbox: kit.read<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]?.n,
  bodies: kit.read<{ n: number }>('SELECT count(*) AS n FROM sync_outbox_body')[0]?.n,
});

describe('staff records and the outbox', () => {
  it('queue an absence with its row, as the protocol record the city receives', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn('staff-nurse', '1357');
    const { absenceId } = value(
      kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.yerasyl, firstDate: '2026-11-23', lastDate: '2026-11-27', reason: 'sick', certificateNumber: '№ 412' }),
    );
    const [row] = kit.read<{ record_id: string; record_type: string; body: string }>(
      'SELECT o.record_id, o.record_type, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq',
    );
    expect(row).toMatchObject({ record_id: absenceId, record_type: 'absence' });
    expect(SyncRecordSchema.parse(JSON.parse(row?.body ?? '{}'))).toEqual({
      type: 'absence',
      id: absenceId,
      deviceId: kit.log.deviceId,
      childId: demoChildren.yerasyl,
      firstDate: '2026-11-23',
      lastDate: '2026-11-27',
      reason: 'sick',
      certificateNumber: '№ 412',
      certificateDate: null,
      note: null,
      staffId: 'staff-nurse',
      recordedAt: '2026-11-23T08:10:00.000+05:00',
      recordedMs: Date.parse('2026-11-23T03:10:00.000Z'),
    });
  });

  it('leave neither the absence nor its outbox row when queueing fails inside the transaction', async () => {
    const kit = staffKit();
    const sessionId = await kit.signIn();
    kit.db.exec(`CREATE TEMP TRIGGER outbox_refuses_absences BEFORE INSERT ON sync_outbox WHEN NEW.record_type = 'absence'
                 BEGIN SELECT RAISE(ABORT, 'outbox full'); END;`);
    expect(() => kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.alisa, firstDate: '2026-11-23', lastDate: '2026-11-23', reason: 'family' })).toThrow(
      /outbox full/,
    );
    expect(counts(kit)).toMatchObject({ absences: 0, outbox: 0, bodies: 0 });
  });

  it('leave neither the headcount nor its outbox row when a later write of the transaction fails', () => {
    const kit = staffKit();
    kit.db.exec(`CREATE TEMP TRIGGER audit_refuses_headcounts BEFORE INSERT ON staff_audit WHEN NEW.action = 'headcount'
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    // The cut-off headcount, due at once: the clock-driven jobs take it (no staff member behind it).
    kit.settings.set('headcountCutOff', '08:00');
    expect(() => kit.desk.tick()).toThrow(/disk full/);
    expect(counts(kit)).toMatchObject({ headcounts: 0, outbox: 0, bodies: 0 });
  });
});
