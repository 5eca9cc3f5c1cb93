// The kiosk process the SIGKILL test kills: it records new events (printing each id once it is durably committed)
// while pushing the outbox to the city in small batches, and prints DONE when nothing is pending. The test bundles
// it with esbuild and runs it with plain node; settings come from the environment (the token never on a command line).
import { z } from 'zod';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { recordEvents } from './fixtures-events.js';

const env = z
  .object({
    ESIK_DB: z.string().min(1),
    ESIK_CITY_URL: z.string().url(),
    ESIK_DEVICE_ID: z.string().min(1),
    ESIK_TOKEN: z.string().min(32),
    /** Events to record while pushing (0 for the final, unkilled run). */
    ESIK_RECORD: z.coerce.number().int().nonnegative(),
    ESIK_START_MS: z.coerce.number().int().nonnegative(),
  })
  .parse(process.env);

const db = openDatabase(env.ESIK_DB);
const log = new AttendanceLog(db, env.ESIK_DEVICE_ID);
const client = new CityClient({ serverUrl: env.ESIK_CITY_URL, token: env.ESIK_TOKEN, limits: { totalTimeoutMs: 2_000 } });
const engine = new PushEngine({ db, client, cityDeviceId: env.ESIK_DEVICE_ID, batchSize: 20 });
const say = (line: string): void => void process.stdout.write(`${line}\n`);

say('READY');
let recorded = 0;
const recorder = setInterval(() => {
  if (recorded >= env.ESIK_RECORD) return clearInterval(recorder);
  const [id] = recordEvents(log, 1, env.ESIK_START_MS + recorded * 60_000, 1);
  recorded += 1;
  say(`RECORDED ${id ?? ''}`);
}, 3);

for (;;) {
  try {
    await engine.drain();
    if (recorded >= env.ESIK_RECORD && engine.outbox.pendingCount() === 0) break;
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
}
client.close();
db.close();
say('DONE');
