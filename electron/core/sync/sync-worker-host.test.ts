import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEVER_ENROLLED, type SyncStatus } from '../../../shared/sync/sync-status.js';
import { tempDataDir } from '../testing/fixtures.js';
import { SyncWorkerHost } from './sync-worker-host.js';

/** A worker that, like a push finishing its round, reports a status as it stops. */
const LATE_REPORTER = `
import { parentPort } from 'node:worker_threads';
const status = ${JSON.stringify({ ...NEVER_ENROLLED, state: 'online' })};
parentPort.postMessage({ type: 'status', status });
parentPort.on('message', (m) => {
  if (m.type !== 'stop') return;
  parentPort.postMessage({ type: 'status', status: { ...status, queued: 7 } });
  parentPort.postMessage({ type: 'stopped' });
  parentPort.close();
});
`;

describe('the sync worker host', () => {
  it('passes on no status once stopped: the core may have closed its connection by then', async () => {
    const script = join(tempDataDir(), 'late-reporter.mjs');
    writeFileSync(script, LATE_REPORTER);
    const heard: SyncStatus[] = [];
    let firstHeard: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (firstHeard = resolve));
    const host = new SyncWorkerHost({
      script,
      data: { databasePath: 'unused', nativeBinding: null, credentials: { serverUrl: 'http://127.0.0.1:1', deviceId: 'd', token: 'T'.repeat(43) }, doorActivity: new SharedArrayBuffer(8) },
      onStatus: (status) => {
        heard.push(status);
        firstHeard();
      },
      log: () => undefined,
    });
    host.start();
    await first;
    await host.stop();
    expect(heard.map((s) => s.queued)).toEqual([0]);
  });
});
