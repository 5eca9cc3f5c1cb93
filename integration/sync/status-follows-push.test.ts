// The status the screen shows follows a push as soon as its rows are settled: records sent leave "queued", records
// the city refused count in "rejected" at once, not a minute later at the next probe.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SyncStatus } from '../../shared/sync/sync-status.js';
import { SyncService } from '../../electron/core/sync/sync-service.js';
import { enroll, enrolledKioskDb, recordEvents, startCity } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

async function until(what: () => boolean, ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (what()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return what();
}

describe('the sync status after a push', () => {
  it('counts what was sent and what the city refused as soon as the push is settled', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    const statuses: SyncStatus[] = [];
    // The idle poll is a minute, as at the kiosk: nothing but the push itself may refresh the status here.
    const service = new SyncService({ db: kiosk.db, credentials: enrollment, idlePollMs: 60_000, networkPollMs: 0, queuePollMs: 0, onStatus: (s) => statuses.push(s) });
    onTestFinished(() => service.stop());
    recordEvents(kiosk.log, 3, MORNING);
    service.start();
    expect(await until(() => statuses.at(-1)?.queued === 0 && city.recordCount() === 3, 10_000)).toBe(true);

    // A child this kiosk knows and the city does not: the city will refuse that record.
    kiosk.db.prepare("INSERT INTO children (id, group_id, first_name, last_name) SELECT 'ch-local-only', group_id, 'Айсана', 'Нұрова' FROM children LIMIT 1").run();
    kiosk.log.append([{ childId: 'ch-local-only', kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: null }], {
      iso: '2026-11-23T09:30:00.000+05:00',
      ms: MORNING + 5_400_000,
      localDate: '2026-11-23',
      hhmm: '09:30',
      offsetMinutes: 300,
    });
    recordEvents(kiosk.log, 2, MORNING + 7_200_000);
    service.nudge('queued');
    expect(statuses.at(-1)).toMatchObject({ queued: 3, rejected: 0 });

    expect(await until(() => city.recordCount() === 5 && kiosk.db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get() === 0, 10_000)).toBe(true);
    // Settled on disk: the status already says so (a minute before the next probe would).
    expect(await until(() => statuses.at(-1)?.queued === 0, 2_000)).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: 'online', queued: 0, rejected: 1, lastErrorCode: null });
    expect(service.status()).toMatchObject({ queued: 0, rejected: 1 });
  });
});
