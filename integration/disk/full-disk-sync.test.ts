// The push on a real full disk (tmpfs): the city takes a batch, but the kiosk cannot write what the reply says (the
// rows sent, the clock offset). The push must not loop on it nor fill the log with a stack at every try, and must
// settle everything once there is room.
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { SyncService } from '../../electron/core/sync/sync-service.js';
import { enroll, enrolledKioskDb, recordEvents, startCity } from '../sync/fixtures.js';
import { mountSmallDisk } from './small-tmpfs.js';

const mounted = mountSmallDisk(8);
if (mounted.reason !== null) console.log(`[full-disk-sync] skipped: ${mounted.reason}`);
afterAll(() => mounted.disk?.unmount());

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(mounted.disk === null)('the push on a full disk (tmpfs)', () => {
  it('backs off and says so once, then settles every record once there is room', async () => {
    const disk = mounted.disk;
    if (!disk) return;
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment, disk.dir);
    recordEvents(kiosk.log, 30, MORNING);
    const lines: string[] = [];
    disk.fill();
    // A quick back-off (the kiosk's own is 1 s to 5 min): several tries within the test's wait.
    const sync = new SyncService({ db: kiosk.db, credentials: enrollment, backoff: { baseMs: 20, capMs: 50 }, networkPollMs: 0, queuePollMs: 0, log: (line) => lines.push(line) });
    onTestFinished(() => sync.stop());
    sync.start();
    // The first refusal (a slow machine may take a while for the first exchange), then several back-off tries more.
    for (let i = 0; i < 200 && !lines.some((l) => l.includes('the disk refuses')); i++) await wait(50);
    await wait(500);
    const disked = lines.filter((l) => l.includes('the disk refuses'));
    expect(disked).toHaveLength(1);
    expect(disked[0]).toMatch(/DISK_FULL/);
    // No stack at every try; the tries themselves are spaced by the back-off, not a hot loop.
    expect(lines.filter((l) => l.includes('unexpected failure'))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(sync.status()).toMatchObject({ queued: 30, lastErrorCode: 'SYNC_LOCAL' });

    disk.free();
    sync.nudge('manual');
    for (let i = 0; i < 200 && sync.status().queued > 0; i++) await wait(50);
    expect(sync.status()).toMatchObject({ queued: 0, lastErrorCode: null });
    expect(city.recordCount()).toBe(30);
    expect(lines.filter((l) => l.includes('takes the push'))).toHaveLength(1);
  });
});
