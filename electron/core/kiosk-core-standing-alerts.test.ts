import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCards } from './demo/demo-roster.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';

const quiet = { log: () => undefined };

afterEach(() => {
  vi.useRealTimers();
});

describe('standing staff alerts', () => {
  it('keeps the closing-time alert for a screen that connects later, until no child is left', () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    // 08:10 in Almaty: Алиса comes in; then the evening, past the default 19:00 closing time.
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const { core, payloads } = watchedCore({ dataDir: tempDataDir(), demo: true, clock, ...quiet });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(5_000);
    expect(core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: [], kept: 0 } });

    clock.advance(11 * 3_600_000); // 19:10
    vi.advanceTimersByTime(5_000);
    const raised = payloads('staffAlert').filter((a) => a.kind === 'closing-time');
    expect(raised).toHaveLength(1);
    // A door screen opened (or reloaded) now asks, and sees it without waiting for the next re-raise.
    expect(core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: raised, kept: 0 } });

    // Her mother collects her: nothing is left, the alert is cleared and no longer stands.
    clock.advance(60_000);
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(5_000);
    expect(payloads('staffAlertCleared')).toEqual([{ id: raised[0]?.id }]);
    expect(core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: [], kept: 0 } });
    core.close();
  });
});
