// The city's roster against this kiosk's own cards where the two cannot both stand: a companion's card the city gives a
// number that is a staff card here (staff cards are the kiosk's own, other entrances cannot see them), and a city card
// on a number this kiosk enrolled for someone else and the city has not answered yet.
import { describe, expect, it } from 'vitest';
import type { EnrolOutcome } from '../../../shared/admin/card-contract.js';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import type { Roster } from '../../../shared/domain/roster.js';
import type { RosterReply } from '../../../shared/sync/protocol.js';
import { adminKit, at, value } from '../admin/testing/admin-kit.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { applyRosterReply, RosterRejectedError } from '../roster/roster-apply.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

const NOW = new Date('2027-01-05T06:00:00.000Z');

type Credential = Roster['credentials'][number];

function kit() {
  const k = adminKit();
  const apply = (reply: RosterReply) => applyRosterReply(k.db, reply, { now: NOW, kindergartenId: 'kg1', zone: 300 });
  const credential = (id: string) => k.db.prepare('SELECT id, companion_id, value, revoked_at, origin FROM credentials WHERE id = ?').get(id);
  const cursor = () => new SyncStateStore(k.db).get(SYNC_KEYS.rosterCursor);
  const delta = (cursor: string, credentials: Credential[], groupName = 'Балапан'): RosterReply => ({
    kind: 'delta',
    cursor,
    changes: { upserts: { groups: [{ id: 'g1', name: groupName, sortOrder: 0 }], credentials }, removals: {} },
  });
  return { ...k, apply, credential, cursor, delta };
}

describe('roster credentials against the kiosk’s own cards', () => {
  it('withdraws a staff card whose number the city gives to a companion, and says why in the staff audit', () => {
    const k = kit();
    k.accounts.addCard('duty', '4512400', at('2026-11-23T04:00:00.000Z'));
    const applied = k.apply(k.delta('c1', [{ id: 'cr-city', companionId: 'elena', kind: 'rfid', value: '4512400', version: 1, revokedAt: null }]));
    expect(applied.notes).toEqual([expect.stringMatching(/^staff card 4512400 of duty withdrawn: .*elena \(credential cr-city\)$/)]);

    expect(k.credential('cr-city')).toMatchObject({ value: '4512400', revoked_at: null });
    const staffCard = k.db.prepare<[string], { id: string; staff_id: string; revoked_at: string | null }>('SELECT id, staff_id, revoked_at FROM staff_cards WHERE value = ?').get('4512400');
    expect(staffCard).toMatchObject({ staff_id: 'duty', revoked_at: '2027-01-05T11:00:00.000+05:00' });
    const card = normalizeCardNumber('0004512400');
    if (!card) throw new Error('unreadable');
    expect(k.accounts.staffIdForCard(card)).toBeNull();
    const trail = k.db.prepare<[], { staff_id: string | null; subject_id: string; detail: string; occurred_at: string }>(
      "SELECT staff_id, subject_id, detail, occurred_at FROM staff_audit WHERE action = 'card-withdrawn'",
    ).all();
    expect(trail.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }))).toEqual([
      {
        staff_id: null,
        subject_id: staffCard?.id,
        occurred_at: '2027-01-05T11:00:00.000+05:00',
        detail: { memberId: 'duty', card: '4512400', reason: 'companion-card-from-city', credentialId: 'cr-city', companionId: 'elena' },
      },
    ]);
    // A revoked credential with that number, or a staff card already withdrawn, changes nothing more.
    k.accounts.addCard('duty', '4512401', at('2026-11-23T04:00:00.000Z'));
    k.apply(k.delta('c2', [{ id: 'cr-old', companionId: 'elena', kind: 'rfid', value: '4512401', version: 1, revokedAt: '2027-01-01T09:00:00.000+05:00' }]));
    expect(k.db.prepare('SELECT revoked_at FROM staff_cards WHERE value = ?').get('4512401')).toEqual({ revoked_at: null });
    k.apply(k.delta('c3', [{ id: 'cr-city', companionId: 'elena', kind: 'rfid', value: '4512400', version: 2, revokedAt: null }]));
    expect(k.db.prepare("SELECT count(*) AS n FROM staff_audit WHERE action = 'card-withdrawn'").get()).toEqual({ n: 1 });
  });

  it('defers a city card on a number enrolled here and not yet answered, instead of refusing the whole roster', () => {
    const k = kit();
    const outcome: EnrolOutcome = value(k.cards.enrol('head', 'elena', '0004512400', 'keyboard-wedge', at('2027-01-05T10:00:00.000+05:00')));
    if (outcome.outcome !== 'enrolled') throw new Error(`refused: ${outcome.reason}`);
    const ours = outcome.card.credentialId;
    k.apply(k.delta('c1', []));
    expect(k.cursor()).toBe('c1');

    // Meanwhile the city gave 4512400 to Нұрлан (another entrance enrolled it first).
    const theirs: Credential[] = [{ id: 'cr-city', companionId: 'nurlan', kind: 'rfid', value: '4512400', version: 1, revokedAt: null }];
    const applied = k.apply(k.delta('c2', theirs, 'Балапан-2'));
    expect(applied).toMatchObject({ deferred: 1, cursor: 'c1', notes: [expect.stringContaining(`credential cr-city left for the next pull`)] });
    // The rest of the roster is applied; the cursor stays, so the city's card comes again with the next delta.
    expect(k.db.prepare("SELECT name FROM groups WHERE id = 'g1'").get()).toEqual({ name: 'Балапан-2' });
    expect(k.cursor()).toBe('c1');
    expect(k.credential('cr-city')).toBeUndefined();
    expect(k.credential(ours)).toMatchObject({ companion_id: 'elena', value: '4512400', revoked_at: null });

    // The city refuses our enrolment; the next pull settles it: the city's card takes the number, ours leaves service.
    const outbox = new OutboxStore(k.db);
    const seqs = k.db.prepare<[], { seq: number }>("SELECT seq FROM sync_outbox WHERE record_type = 'credential-change' AND state = 'pending'").all();
    outbox.settle(seqs.map(({ seq }) => ({ seq, status: 'rejected' as const, reason: 'card 4512400 is already held by live credential cr-city' })), NOW.getTime());
    const settled = k.apply(k.delta('c3', theirs, 'Балапан-2'));
    expect(settled).toMatchObject({ deferred: 0, cursor: 'c3', notes: [] });
    expect(k.credential('cr-city')).toMatchObject({ companion_id: 'nurlan', value: '4512400', revoked_at: null });
    expect(k.credential(ours)).toMatchObject({ value: `retired:${ours}:4512400`, revoked_at: NOW.toISOString() });
  });

  it('still refuses a roster with two live city cards on one number', () => {
    const k = kit();
    const clash: Credential = { id: 'cr-clash', companionId: 'elena', kind: 'rfid', value: '4512345', version: 1, revokedAt: null };
    expect(() => k.apply(k.delta('c1', [clash]))).toThrow(RosterRejectedError);
    expect(k.cursor()).toBeNull();
  });
});
