import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';

const quiet = { log: () => undefined };

async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Records queued before the test's own tap: none, or the day's headcount when the core starts after the cut-off. */
function queuedNow(core: KioskCore): number {
  const status = core.handlers.getSyncStatus({});
  if (!status.ok) throw new Error('no sync status');
  expect(status.value.queued).toBeLessThanOrEqual(1);
  return status.value.queued;
}

describe('sync in the kiosk core', () => {
  it('reports never-enrolled with the records waiting, and nothing starts', () => {
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, ...quiet });
    onTestFinished(() => core.close());
    // After the cut-off the core takes the day's headcount at start, and that record is queued too.
    const before = queuedNow(core);
    expect(core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'never-enrolled', rejected: 0 } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    expect(core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'never-enrolled', queued: before + 1 } });
    expect(core.handlers.nudgeSync({})).toEqual({ ok: true, value: {} });
  });

  it('starts once told the credentials appeared, in its worker, and says offline with the code when the city cannot be reached', async () => {
    const port = await refusedPort();
    let deviceId: string | null = null;
    const statuses: SyncStatus[] = [];
    const core = new KioskCore({
      dataDir: tempDataDir(),
      demo: true,
      ...quiet,
      sync: {
        credentials: () => (deviceId ? { serverUrl: `http://127.0.0.1:${port}`, deviceId, token: 'T'.repeat(43) } : null),
        tuning: { networkPollMs: 0, queuePollMs: 20, backoff: { baseMs: 50, capMs: 100 } },
      },
    });
    onTestFinished(() => core.close());
    core.onEvent((name, payload) => {
      if (name === 'syncStatusChanged') statuses.push(payload as SyncStatus);
    });
    const before = queuedNow(core);
    core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    const status = core.handlers.getStatus({});
    deviceId = status.ok && status.value.state === 'ready' ? status.value.deviceId : null;
    core.syncCredentialsChanged();
    const started = Date.now();
    while (!statuses.some((s) => s.lastErrorCode !== null) && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
    expect(statuses.at(-1)).toMatchObject({ state: 'offline', queued: before + 1, lastErrorCode: 'SYNC_NETWORK' });
    expect(core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'offline', queued: before + 1, lastErrorCode: 'SYNC_NETWORK' } });
  });
});
