// A month with the city unreachable: taps through the kiosk core over 30 days (a manual clock), sync in its worker
// thread failing and backing off; the city comes back and the whole month drains, each event once.
import { createServer } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SyncStatus } from '../../shared/sync/sync-status.js';
import { startCityServer } from '../../city-server/src/city-server.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { DEV_SYNC_WORKER_SCRIPT } from '../../electron/core/sync/dev-worker-script.js';
import { manualClock, tempDataDir } from '../../electron/core/testing/fixtures.js';
import { enroll } from './fixtures.js';

const DAYS = 30;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One tap of a card, confirming every offered child when the kiosk asks. */
function tap(core: KioskCore, card: string): number {
  const outcome = core.handlers.identifyCard({ raw: card, source: 'keyboard-wedge' });
  if (!outcome.ok) throw new Error(`tap refused: ${outcome.error.code}`);
  if (outcome.value.kind === 'recorded') return outcome.value.receipt.entries.length;
  if (outcome.value.kind !== 'choose') throw new Error(`unexpected ${outcome.value.kind}`);
  const ids = outcome.value.children.filter((c) => c.allowed).map((c) => c.id);
  const receipt = core.handlers.confirmOffer({ offerId: outcome.value.offerId, childIds: ids, answers: { leavingNow: [] } });
  if (!receipt.ok) throw new Error(`confirm refused: ${receipt.error.code}`);
  return receipt.value.entries.length;
}

describe('a month offline', () => {
  it(
    'queues 30 days of taps while the city is unreachable and drains them all once it is back',
    async () => {
      const port = await freePort();
      const cityDir = tempDataDir();
      const first = await startCityServer({ dataDir: cityDir, port, seed: 'demo' });
      const enrollment = await enroll(first);
      await first.close(); // the Internet is gone for a month

      const dataDir = tempDataDir();
      const seed = openDatabase(join(dataDir, 'esik.sqlite'));
      seed.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(enrollment.deviceId, '2026-11-01T00:00:00.000Z');
      seed.close();

      const clock = manualClock('2026-11-02T03:00:00.000Z');
      const statuses: SyncStatus[] = [];
      const core = new KioskCore({
        dataDir,
        demo: true,
        clock,
        log: () => undefined,
        sync: {
          credentials: () => enrollment,
          workerScript: DEV_SYNC_WORKER_SCRIPT,
          tuning: { backoff: { baseMs: 100, capMs: 800 }, networkPollMs: 0, queuePollMs: 50 },
        },
      });
      onTestFinished(async () => {
        core.close();
        await core.closed();
      });
      core.onEvent((name, payload) => {
        if (name === 'syncStatusChanged') statuses.push(payload as SyncStatus);
      });

      let recorded = 0;
      const cards = [demoCards.motherOneChild, demoCards.grandmotherTwoGroups, demoCards.fatherTwoGroups];
      for (let day = 0; day < DAYS; day += 1) {
        clock.set(new Date(Date.parse('2026-11-02T03:00:00.000Z') + day * 86_400_000).toISOString()); // 08:00 in Almaty
        for (const card of cards) recorded += tap(core, card);
        clock.advance(9 * 3_600_000); // 17:00
        for (const card of cards) recorded += tap(core, card);
      }

      await until('the queue to be reported offline', () =>
        statuses.some((s) => s.state === 'offline' && s.queued === recorded && s.lastErrorCode === 'SYNC_NETWORK'),
      );
      const offline = core.handlers.getSyncStatus({});
      expect(offline).toMatchObject({ ok: true, value: { state: 'offline', queued: recorded, lastErrorCode: 'SYNC_NETWORK', lastSuccessMs: null } });

      const city = await startCityServer({ dataDir: cityDir, port, seed: 'demo' });
      onTestFinished(() => city.close());
      core.handlers.nudgeSync({});
      await until('the month to drain', () => statuses.at(-1)?.state === 'online' && statuses.at(-1)?.queued === 0);

      const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
      const ids = db.prepare('SELECT id FROM attendance_events ORDER BY device_seq').pluck().all() as string[];
      const days = db
        .prepare("SELECT count(DISTINCT json_extract(b.body, '$.localDate')) FROM sync_outbox o JOIN sync_outbox_body b USING (seq) WHERE o.state = 'sent'")
        .pluck()
        .get();
      db.close();
      expect(ids.length).toBe(recorded);
      expect(days).toBe(DAYS);
      const held = city.recordIds();
      expect(held.length).toBe(recorded);
      expect(new Set(held)).toEqual(new Set(ids));
      expect(core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'online', queued: 0, rejected: 0, lastErrorCode: null } });
    },
    120_000,
  );
});
