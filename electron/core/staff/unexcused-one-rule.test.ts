// The staff screens count a child's unexcused days by the табель's rule: 'family' absences and working days nobody
// explained, on the kindergarten's calendar (holidays and the admin's transfers), not on Monday-to-Friday alone.
import { describe, expect, it } from 'vitest';
import { december } from '../admin/testing/december.js';
import { value } from '../admin/testing/admin-kit.js';

describe('unexcused days, one rule for the staff screens and the табель', () => {
  it('agree on the fixture month: unmarked days count, a transfer moves them, the limit flag follows', async () => {
    const kit = december();
    const sessionId = await kit.signIn();
    const staffSees = (today: string) => {
      const detail = value(kit.staff.childDetail('yerasyl', today));
      const listed = kit.staff.children({ groupId: 'g1' }, today).find((c) => c.id === 'yerasyl');
      return { detail: detail.unexcusedDaysThisMonth, listed: listed?.unexcusedLimitReached };
    };
    const tabelSays = (today: string, childId = 'yerasyl') => kit.admin.tabel('g1', '2026-12', today, 'ru')?.rows.find((r) => r.childId === childId)?.totals.unexcused;

    // Ерасыл: 'family' on Tuesday 8 and Wednesday 9, nothing on Thursday 10 (a withdrawn absence) and Friday 11.
    expect(tabelSays('2026-12-14')).toBe(4);
    expect(staffSees('2026-12-14')).toEqual({ detail: 4, listed: true });

    // The admin makes Friday the 11th a day off and Saturday the 12th a working day, with nothing recorded on it.
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-11', kind: 'day-off', note: 'перенос' }));
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-12', kind: 'working-day', note: 'перенос' }));
    expect(tabelSays('2026-12-14')).toBe(4);
    expect(staffSees('2026-12-14')).toEqual({ detail: 4, listed: true });

    // Earlier in the month the days not over yet count nothing: as of the 10th only the two 'family' days.
    expect(tabelSays('2026-12-10')).toBe(2);
    expect(staffSees('2026-12-10')).toEqual({ detail: 2, listed: false });

    // Әлихан: three sick days (excused), a withdrawn arrival on Independence Day (no absence on a holiday), and the
    // Saturday made a working day, when nobody came: that one is his only unexcused day, on both screens.
    expect(tabelSays('2026-12-18', 'alikhan')).toBe(1);
    expect(value(kit.staff.childDetail('alikhan', '2026-12-18')).unexcusedDaysThisMonth).toBe(1);
  });
});
