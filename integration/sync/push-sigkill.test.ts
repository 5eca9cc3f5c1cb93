// The kiosk process killed with SIGKILL at random points of a push, 100 times, restarted each time: every event
// that was durably recorded reaches the city exactly once, and at the end nothing is pending.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../city-server/src/faults.js';
import { enroll, enrolledKioskDb, recordEvents, startCity, type Enrollment } from './fixtures.js';

const CHILD_SOURCE = fileURLToPath(new URL('./push-child.ts', import.meta.url));
// Bundled once to plain JS beside node_modules (so its packages resolve): a child then starts in a fraction of the
// time tsx needs to compile it, and 100 restarts stay within a test's patience.
const CHILD = fileURLToPath(new URL('../../node_modules/.cache/esik-tests/push-child.mjs', import.meta.url));
const KILLS = 100;
const BACKLOG = 1_500;

interface ChildRun {
  recorded: string[];
  done: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** Runs the child kiosk; kills it `killAfterMs` after it is ready (null: lets it finish). */
function runChild(path: string, enrollment: Enrollment, record: number, startMs: number, killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        ESIK_DB: path,
        ESIK_CITY_URL: enrollment.serverUrl,
        ESIK_DEVICE_ID: enrollment.deviceId,
        ESIK_TOKEN: enrollment.token,
        ESIK_RECORD: String(record),
        ESIK_START_MS: String(startMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { recorded: [], done: false, signal: null, code: null };
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === 'READY' && killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('RECORDED ')) run.recorded.push(line.slice('RECORDED '.length));
        else if (line === 'DONE') run.done = true;
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe('push survives SIGKILL', () => {
  beforeAll(async () => {
    await build({ entryPoints: [CHILD_SOURCE], outfile: CHILD, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  });

  it(
    `loses and doubles nothing across ${KILLS} kills mid-push`,
    async () => {
      const city = await startCity();
      // A little latency so that a kill lands while a push is on the wire as often as between pushes.
      city.setFaults({ latencyMs: 8 });
      const enrollment = await enroll(city);
      const kiosk = enrolledKioskDb(enrollment);
      recordEvents(kiosk.log, BACKLOG, Date.parse('2026-11-02T08:00:00.000+05:00'));
      kiosk.db.close();

      const random = mulberry32(4242);
      const acknowledged: string[] = [];
      let killedMidway = 0;
      for (let i = 0; i < KILLS; i += 1) {
        const run = await runChild(kiosk.path, enrollment, 10, Date.parse('2026-11-20T08:00:00.000+05:00') + i * 3_600_000, Math.floor(random() * 120));
        acknowledged.push(...run.recorded);
        if (run.signal === 'SIGKILL' && !run.done) killedMidway += 1;
      }
      const final = await runChild(kiosk.path, enrollment, 0, 0, null);
      expect(final.done).toBe(true);

      const db = new BetterSqlite3(kiosk.path, { readonly: true });
      const stored = db.prepare('SELECT id FROM attendance_events WHERE device_id = ?').pluck().all(enrollment.deviceId) as string[];
      const pending = db.prepare("SELECT count(*) FROM sync_outbox WHERE state <> 'sent'").pluck().get();
      db.close();

      // Every event a child said was committed is on disk, and every event on disk is at the city, once.
      expect(stored.length).toBeGreaterThan(BACKLOG);
      expect(new Set(stored)).toEqual(new Set([...stored, ...acknowledged]));
      const held = city.recordIds();
      expect(held.length).toBe(stored.length);
      expect(new Set(held)).toEqual(new Set(stored));
      expect(pending).toBe(0);
      // The kills really interrupted the work, most of them before the queue was empty.
      expect(killedMidway).toBeGreaterThan(KILLS / 2);
    },
    300_000,
  );
});
