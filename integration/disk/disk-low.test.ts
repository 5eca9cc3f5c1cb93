// The early warning on a real small disk (a 64 MiB tmpfs): free space falling under the threshold raises a standing
// alert for the admin, the diagnostics page shows it, and it clears by itself once space returns.
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticsSchema } from '../../shared/admin/diagnostics-contract.js';
import { dispatch } from '../../electron/core/api/dispatch.js';
import { watchedCore } from '../../electron/core/testing/watched-core.js';
import { mountSmallDisk } from './small-tmpfs.js';

const mounted = mountSmallDisk(64);
if (mounted.reason !== null) console.log(`[disk-low] skipped: ${mounted.reason}`);
afterAll(() => mounted.disk?.unmount());

const CHECK_MS = 50;
const MIB = 1024 * 1024;

describe.skipIf(mounted.disk === null)('the early disk warning (tmpfs)', () => {
  it('warns the admin below the threshold, shows it on the diagnostics page, and clears when space returns', async () => {
    const disk = mounted.disk;
    if (!disk) return;
    const watched = watchedCore({ dataDir: disk.dir, demo: true, log: () => undefined, diskCheckMs: CHECK_MS });
    const { core } = watched;
    try {
      const call = (name: string, args: unknown) => dispatch(core.handlers, name, args, () => undefined);
      const signedIn = (await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' })) as { ok: true; value: { session: { sessionId: string } } };
      const diagnostics = async () => DiagnosticsSchema.parse(((await call('adminDiagnostics', { sessionId: signedIn.value.session.sessionId })) as { value: unknown }).value);

      // A fresh small disk: plenty of room, no warning. A quarter of 64 MiB is the cushion (1 GiB would never clear here).
      // The first look at the disk comes with the watch's first tick (bounded: 200 tries, 20 ms apart).
      let calm = (await diagnostics()).disk.watch;
      for (let i = 0; i < 200 && calm === null; i++) {
        await new Promise((wake) => setTimeout(wake, 20));
        calm = (await diagnostics()).disk.watch;
      }
      expect(calm).toMatchObject({ warnBelowBytes: 16 * MIB, lowSinceMs: null, growthBytesPerDay: null });
      expect(watched.payloads('staffAlert').filter((a) => a.kind === 'disk-low')).toEqual([]);

      // 8 MiB left: under the threshold, long before the door runs out of room (it still records).
      disk.fill(8 * MIB);
      await watched.until(() => watched.payloads('staffAlert').some((a) => a.kind === 'disk-low'));
      const [alert] = watched.payloads('staffAlert').filter((a) => a.kind === 'disk-low');
      expect(alert).toMatchObject({ kind: 'disk-low', warnBelowBytes: 16 * MIB, at: expect.stringMatching(/^\d\d:\d\d$/) as string });
      expect(alert?.freeBytes).toBeLessThan(16 * MIB);
      expect(core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { alerts: [{ kind: 'disk-low' }] } });
      expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready' } });
      const low = (await diagnostics()).disk.watch;
      expect(low?.lowSinceMs).toEqual(expect.any(Number));

      disk.free();
      await watched.until(() => watched.payloads('staffAlertCleared').some((c) => c.id === alert?.id));
      expect(core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: [], kept: 0 } });
      expect((await diagnostics()).disk.watch?.lowSinceMs).toBeNull();
      // Raised once, cleared once: no flapping while the disk stayed low.
      expect(watched.payloads('staffAlert').filter((a) => a.kind === 'disk-low')).toHaveLength(1);
    } finally {
      core.close();
      await core.closed();
    }
  });
});
