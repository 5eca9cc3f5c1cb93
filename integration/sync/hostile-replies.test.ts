// Hostile replies from the reference server (wrong types, a huge body, a redirect to another host, not JSON): each
// gets its own clear error code and nothing is marked sent — though the city did commit the records, so the next
// clean push is answered "duplicate" and settles them.
import { describe, expect, it } from 'vitest';
import type { SyncErrorCode } from '../../shared/sync/sync-status.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { enroll, enrolledKioskDb, recordEvents, startCity } from './fixtures.js';

const MODES: [mode: 'not-json' | 'wrong-types' | 'huge-body' | 'redirect-other-host', code: SyncErrorCode][] = [
  ['not-json', 'SYNC_MALFORMED'],
  ['wrong-types', 'SYNC_MALFORMED'],
  ['huge-body', 'SYNC_TOO_LARGE'],
  ['redirect-other-host', 'SYNC_REDIRECT'],
];

describe('hostile replies', () => {
  for (const [mode, code] of MODES) {
    it(`${mode}: ${code}, nothing marked sent`, async () => {
      const city = await startCity();
      const enrollment = await enroll(city);
      const kiosk = enrolledKioskDb(enrollment);
      const ids = recordEvents(kiosk.log, 40, Date.parse('2026-11-23T08:00:00.000+05:00'));
      const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
      const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId });

      city.setFaults({ malformed: mode, seed: 7 });
      const error: unknown = await engine.drain().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).code).toBe(code);
      expect(engine.outbox.pendingCount()).toBe(40);
      const rows = kiosk.db.prepare('SELECT DISTINCT state, attempts, last_error FROM sync_outbox').all();
      expect(rows).toEqual([{ state: 'pending', attempts: 1, last_error: code }]);

      city.setFaults({});
      await engine.drain();
      client.close();
      expect(engine.outbox.pendingCount()).toBe(0);
      expect(new Set(city.recordIds())).toEqual(new Set(ids));
      expect(city.recordCount()).toBe(40);
    });
  }

  it('a malformed answer to "which do you lack?" requeues nothing and is an error', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    recordEvents(kiosk.log, 10, Date.parse('2026-11-23T08:00:00.000+05:00'));
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId });
    await engine.drain();
    city.setFaults({ malformed: 'wrong-types' });
    const error: unknown = await engine.reconcile().catch((e: unknown) => e);
    client.close();
    expect((error as SyncError).code).toBe('SYNC_MALFORMED');
    expect(engine.outbox.pendingCount()).toBe(0);
  });
});
