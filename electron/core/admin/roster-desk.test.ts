// The roster kept by hand through the real kiosk core (demo kindergarten, a SQLite file in a temp folder) and KioskApi:
// a child added to a group and a companion given the right to bring and collect her; the door then takes that
// companion's card for her at once; once she leaves, the card opens nothing and the табель keeps her past days.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

describe('the roster kept by hand, through KioskApi', () => {
  it('adds a child and a companion with rights the door honours at once, and a child who leaves keeps her days in the табель', async () => {
    const clock = manualClock('2026-12-10T03:10:00.000Z'); // 08:10 in Almaty, Thursday 10 December
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, log: () => undefined, cityPullIntervalMs: 0 });
    const h = core.handlers;
    const signIn = async (): Promise<string> => {
      const outcome = value(await h.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' }));
      if (outcome.outcome !== 'signed-in') throw new Error(`sign-in: ${outcome.outcome}`);
      return outcome.session.sessionId;
    };
    let sessionId = await signIn();
    const view = value(h.adminRoster({ sessionId }));
    expect(view).toMatchObject({ editable: true, cityEnrolled: false });
    const groupId = view.groups[0]?.id ?? '';

    const child = { id: '0196f3a4-1a2a-7c3d-8e4f-5a6b7c8d9e21', groupId, firstName: 'Ару', lastName: 'Омарова' };
    const companion = { id: '0196f3a4-1a2a-7c3d-8e4f-5a6b7c8d9e22', firstName: 'Серік', lastName: 'Омаров', relation: 'grandfather' as const };
    const edited = value(
      h.adminEditRoster({
        sessionId,
        changes: [
          { kind: 'child', child },
          { kind: 'companion', companion },
          { kind: 'link', link: { companionId: companion.id, childId: child.id, mayBring: true, mayCollect: true, blocked: false } },
        ],
      }),
    );
    expect(edited).toMatchObject({ outcome: 'applied', changed: 3 });
    expect(value(h.adminEnrolCard({ sessionId, companionId: companion.id, raw: '0004512400', source: 'keyboard-wedge' })).outcome).toBe('enrolled');

    // The door: the grandfather's card brings Ару in.
    const tapped = value(h.identifyCard({ raw: '0004512400\r\n', source: 'keyboard-wedge' }));
    if (tapped.kind !== 'recorded') throw new Error(`expected recorded, got ${tapped.kind}`);
    expect(tapped.receipt.entries.map((e) => [e.firstName, e.kind])).toEqual([['Ару', 'arrival']]);

    // She leaves after today: the card opens nothing any more, and December still lists her with her day.
    clock.advance(3 * 60 * 60 * 1000);
    sessionId = await signIn();
    expect(value(h.adminEditRoster({ sessionId, changes: [{ kind: 'child-left', childId: child.id }] }))).toMatchObject({ outcome: 'applied', changed: 1 });
    const after = h.identifyCard({ raw: '0004512400\r\n', source: 'keyboard-wedge' });
    expect(after.ok ? after.value.kind : after.error.code).toBe('NO_CHILDREN');
    const sheet = value(h.adminTabel({ sessionId, groupId, month: '2026-12', language: 'kk' }));
    const row = sheet.rows.find((r) => r.childId === child.id);
    expect(row?.marks[9]).toBe('present');
    expect(row?.marks[10]).toBe('not-enrolled');
    expect(row?.marks.slice(0, 9).every((m) => m === 'not-enrolled')).toBe(true);
    expect(value(h.adminRoster({ sessionId })).children.find((c) => c.id === child.id)).toMatchObject({ active: false, enrolledFrom: '2026-12-10', enrolledUntil: '2026-12-10' });
    core.close();
  });
});
