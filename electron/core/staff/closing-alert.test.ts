// The closing-time alert on the door, driven by the staff desk's clock tick over a real kiosk store: raised once
// closing time has passed with children still in, raised again while nobody resolves them, its count following the
// answers, and cleared when none is left.
import { describe, expect, it } from 'vitest';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { demoCards } from '../demo/demo-roster.js';
import { RE_RAISE_MS } from './closing-alert.js';
import { demoChildren, staffKit, value } from './testing/staff-kit.js';

/** 08:10 and 18:50 in Almaty on Monday 23 November 2026: the morning's arrivals, ten minutes before closing time. */
const MORNING = '2026-11-23T03:10:00.000Z';
const EVENING = '2026-11-23T13:50:00.000Z';

type Heard = { raised: StaffAlert } | { cleared: string };

function alertKit() {
  const heard: Heard[] = [];
  const kit = staffKit(MORNING, { alerts: { raise: (alert) => heard.push({ raised: alert }), clear: (id) => heard.push({ cleared: id }) } });
  /** What the strip heard since the last look. */
  const news = (): Heard[] => heard.splice(0);
  return { ...kit, news };
}

/** In the morning, Алиса by her mother's card and Әлихан by hand (his grandmother forgot her card); then 18:50. */
async function twoChildrenIn(kit: ReturnType<typeof alertKit>): Promise<void> {
  value(kit.checkin.identifyCard(demoCards.motherOneChild));
  value(kit.call('staffOverride', { sessionId: await kit.signIn(), childId: demoChildren.alikhan, kind: 'arrival', reason: 'forgot-card' }));
  kit.clock.set(EVENING);
}

describe('the closing-time alert', () => {
  it('says nothing before closing time, then raises the count of children still in', async () => {
    const kit = alertKit();
    await twoChildrenIn(kit);
    kit.desk.tick();
    expect(kit.news()).toEqual([]);

    kit.clock.set('2026-11-23T14:00:00.000Z'); // 19:00
    kit.desk.tick();
    expect(kit.news()).toEqual([{ raised: { id: 'closing-time-2026-11-23', kind: 'closing-time', count: 2, closingTime: '19:00', at: '19:00' } }]);
  });

  it('comes back while nobody resolves the children, follows each answer, and clears when none is left', async () => {
    const kit = alertKit();
    await twoChildrenIn(kit);
    kit.clock.set('2026-11-23T14:00:00.000Z');
    kit.desk.tick();
    kit.news();

    // The next ticks within the re-raise time add nothing to the strip.
    kit.clock.advance(5_000);
    kit.desk.tick();
    kit.clock.advance(RE_RAISE_MS - 10_000);
    kit.desk.tick();
    expect(kit.news()).toEqual([]);
    // Still unresolved: the alert is raised again (a "Seen" on the strip is not an answer).
    kit.clock.advance(5_000);
    kit.desk.tick();
    expect(kit.news()).toMatchObject([{ raised: { kind: 'closing-time', count: 2, at: '19:10' } }]);

    const sessionId = await kit.signIn();
    value(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.alisa, outcome: { kind: 'still-here', note: 'Mother called: 19:30' } }));
    kit.desk.tick();
    expect(kit.news()).toMatchObject([{ raised: { id: 'closing-time-2026-11-23', count: 1 } }]);

    value(kit.call('staffResolveClosing', { sessionId, childId: demoChildren.alikhan, outcome: { kind: 'left', companionName: 'Бибігүл' } }));
    kit.desk.tick();
    expect(kit.news()).toEqual([{ cleared: 'closing-time-2026-11-23' }]);
    kit.clock.advance(RE_RAISE_MS);
    kit.desk.tick();
    expect(kit.news()).toEqual([]);
  });

  it('follows the closing time an admin sets, and a new day ends the old alert', async () => {
    const kit = alertKit();
    await twoChildrenIn(kit);
    kit.settings.set('closingTime', '18:30');
    kit.desk.tick();
    expect(kit.news()).toMatchObject([{ raised: { count: 2, closingTime: '18:30', at: '18:50' } }]);

    kit.settings.set('closingTime', '20:00');
    kit.desk.tick();
    expect(kit.news()).toEqual([{ cleared: 'closing-time-2026-11-23' }]);

    kit.settings.set('closingTime', '18:30');
    kit.desk.tick();
    kit.news();
    kit.clock.set('2026-11-24T01:00:00.000Z'); // 06:00 the next morning: nobody is in yet
    kit.desk.tick();
    expect(kit.news()).toEqual([{ cleared: 'closing-time-2026-11-23' }]);
  });

  it('runs on the desk timer once started', async () => {
    const kit = alertKit();
    await twoChildrenIn(kit);
    kit.clock.set('2026-11-23T14:01:00.000Z');
    kit.desk.start();
    // start() runs the jobs once at once; the interval then keeps them going.
    await Promise.resolve();
    expect(kit.news()).toMatchObject([{ raised: { count: 2 } }]);
  });
});
