// Staff records reach the city like attendance events: an override with its reason, an absence, the 09:00 headcount,
// a correction and a closing resolution, made through the core's staff desk, are each queued with their row and
// held by the reference city server exactly once, however often they are pushed.
import { describe, expect, it, onTestFinished } from 'vitest';
import { demoChildren, staffKit, value } from '../../electron/core/staff/testing/staff-kit.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { enroll, startCity } from './fixtures.js';

describe('staff records pushed to the reference city server', () => {
  it('are queued with their rows, accepted once each, and a repeat push answers duplicate', async () => {
    const kit = staffKit();
    const city = await startCity();
    const enrollment = await enroll(city, kit.log.deviceId);
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    onTestFinished(() => client.close());
    const engine = new PushEngine({ db: kit.db, client, cityDeviceId: enrollment.deviceId });
    // Enrolled as the admin screen records it: an unenrolled kiosk keeps its automatic headcount to itself.
    const state = new SyncStateStore(kit.db);
    state.set(SYNC_KEYS.serverUrl, city.url);
    state.set(SYNC_KEYS.cityDeviceId, enrollment.deviceId);

    const sessionId = await kit.signIn();
    const override = value(kit.call('staffOverride', { sessionId, childId: demoChildren.alikhan, kind: 'arrival', reason: 'no-phone', companionName: 'Соседка Галина' }));
    const { absenceId } = value(kit.call('staffMarkAbsence', { sessionId, childId: demoChildren.yerasyl, firstDate: '2026-11-23', lastDate: '2026-11-24', reason: 'family' }));
    const { correctionId } = value(kit.call('staffCorrect', { sessionId, target: { type: 'absence', id: absenceId }, reason: 'Wrong child' }));
    kit.clock.set('2026-11-23T04:00:00.000Z'); // 09:00: the kiosk takes the day's headcount by itself
    kit.desk.tick();
    const resolveSession = await kit.signIn();
    value(kit.call('staffResolveClosing', { sessionId: resolveSession, childId: demoChildren.alikhan, outcome: { kind: 'still-here', note: 'Father is on his way' } }));

    const queued = kit.read<{ record_id: string; record_type: string }>('SELECT record_id, record_type FROM sync_outbox ORDER BY seq');
    expect(queued.map((r) => r.record_type)).toEqual(['attendance', 'override-reason', 'absence', 'correction', 'headcount', 'closing-resolution']);
    const [headcount] = kit.read<{ id: string }>("SELECT id FROM headcounts WHERE trigger = 'cut-off'");
    const [resolution] = kit.read<{ id: string }>('SELECT id FROM closing_resolutions');
    const ids = queued.map((r) => r.record_id);
    expect(ids).toEqual([override.eventId, expect.any(String), absenceId, correctionId, headcount?.id, resolution?.id]);

    expect(await engine.drain()).toEqual({ batches: 1, sent: 6, rejected: 0 });
    expect(engine.chainHeadMismatch()).toBeNull();
    const held = city.recordIds();
    expect(held.length).toBe(6);
    expect(new Set(held)).toEqual(new Set(ids));

    // Everything sent again (a lost acknowledgement): the city answers duplicate and still holds each once.
    expect(engine.outbox.requeue(ids)).toBe(6);
    expect(await engine.drain()).toEqual({ batches: 1, sent: 6, rejected: 0 });
    expect(city.recordIds().filter((id) => ids.includes(id)).length).toBe(6);
    expect(city.recordCount()).toBe(6);
    expect(engine.outbox.rejected()).toEqual([]);
  });
});
