// 10,000 events pushed through every fault the reference server can inject, mixed and seeded: the city ends with
// exactly that set of ids, none twice, and the kiosk with none pending.
import { describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../city-server/src/city-server.js';
import { mulberry32, type FaultCounts } from '../../city-server/src/faults.js';
import type { SyncErrorCode } from '../../shared/sync/sync-status.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { enroll, enrolledKioskDb, recordEvents, startCity } from './fixtures.js';

const EVENTS = 10_000;
const MALFORMED = ['not-json', 'wrong-types', 'huge-body', 'redirect-other-host'] as const;

/** One round's faults: every rate on at once, and now and then a slow body or a malformed mode on top. */
function planFor(round: number, random: () => number): FaultPlan {
  const plan: FaultPlan = {
    seed: 1000 + round,
    latencyMs: Math.floor(random() * 15),
    error500Rate: 0.1,
    dropBeforeCommitRate: 0.1,
    dropAfterCommitRate: 0.1,
    lostAckRate: 0.1,
    duplicateAckRate: 0.15,
  };
  const extra = random();
  // A trickled reply: a few KB/s cannot bring a push's results within the client's total timeout.
  if (extra < 0.12) plan.slowBodyBytesPerSecond = 4_000;
  else if (extra < 0.3) plan.malformed = MALFORMED[round % MALFORMED.length] ?? null;
  return plan;
}

describe('push under injected faults', () => {
  it(
    `delivers ${EVENTS} events exactly once through every kind of fault`,
    async () => {
      const city = await startCity();
      const enrollment = await enroll(city);
      const kiosk = enrolledKioskDb(enrollment);
      const ids = recordEvents(kiosk.log, EVENTS, Date.parse('2026-11-02T08:00:00.000+05:00'));
      const client = new CityClient({ serverUrl: city.url, token: enrollment.token, limits: { totalTimeoutMs: 1_500, connectTimeoutMs: 1_000 } });
      const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId, batchSize: 250 });

      const random = mulberry32(20261123);
      const codes = new Map<SyncErrorCode, number>();
      const injected: FaultCounts = { error500: 0, dropBeforeCommit: 0, dropAfterCommit: 0, lostAck: 0, duplicateAck: 0, malformed: 0, slowBody: 0 };
      let round = 0;
      // At least 60 rounds, so every malformed mode and the slow body come up even after the queue is empty.
      while ((engine.outbox.pendingCount() > 0 || round < 60) && round < 600) {
        city.setFaults(planFor(round, random));
        try {
          await engine.drain();
          await engine.reconcile();
        } catch (error) {
          if (!(error instanceof SyncError)) throw error;
          codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
        }
        for (const [kind, n] of Object.entries(city.faultsInjected())) injected[kind as keyof FaultCounts] += n;
        round += 1;
        // After the queue is empty, new events keep the pushes (and so the faults) coming.
        if (engine.outbox.pendingCount() === 0 && round < 60) ids.push(...recordEvents(kiosk.log, 3, Date.parse('2026-11-03T08:00:00.000+05:00') + round * 1e6, 3));
      }

      city.setFaults({});
      await engine.drain();
      expect(await engine.reconcile()).toBe(0);
      client.close();

      expect(engine.outbox.pendingCount()).toBe(0);
      expect(engine.outbox.rejectedCount()).toBe(0);
      const held = city.recordIds();
      expect(held.length).toBe(ids.length);
      expect(new Set(held)).toEqual(new Set(ids));
      expect(city.recordCount()).toBe(ids.length);
      // Every fault really happened, and each failure kind was named.
      for (const [kind, n] of Object.entries(injected)) expect({ kind, fired: n > 0 }).toEqual({ kind, fired: true });
      for (const code of ['SYNC_HTTP_STATUS', 'SYNC_NETWORK', 'SYNC_MALFORMED', 'SYNC_TIMEOUT', 'SYNC_TOO_LARGE', 'SYNC_REDIRECT'] as const) {
        expect({ code, seen: (codes.get(code) ?? 0) > 0 }).toEqual({ code, seen: true });
      }
      expect(engine.chainHeadMismatch()).toBeNull();
    },
    240_000,
  );
});
