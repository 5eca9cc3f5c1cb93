// The reference city server: the whole of protocol v1 (shared/sync/protocol.ts, docs/sync-protocol.md) over
// node:http with its own SQLite file, plus the admin functions and fault switches tests and demos drive.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttendanceRecordSchema, type AttendanceRecord, type CitySettings } from '../../shared/sync/protocol.js';
import { Auth } from './auth.js';
import { FaultInjector, type FaultCounts, type FaultPlan } from './faults.js';
import type { CityParts } from './handlers/context.js';
import { handleRequest } from './http/pipeline.js';
import { RecordStore } from './records/record-store.js';
import { RosterStore, type Child, type RosterEntity, type SettingKey } from './roster/roster-store.js';
import { routes } from './routes.js';
import { openCityStore, serverEpoch } from './store/open-store.js';
import { seedIfNew, type SeedKind } from './store/seed.js';

export type { FaultPlan } from './faults.js';

export interface RunningCityServer {
  url: string; // http://127.0.0.1:<port>
  setFaults(plan: FaultPlan): void; // {} turns them off
  issueEnrollmentCode(): string;
  recordIds(): string[]; // every record id held, for assertions
  recordCount(): number;
  revokeCredential(credentialId: string): void; // produces a roster delta
  setCitySetting<K extends SettingKey>(key: K, value: CitySettings[K]): void;
  insertPeerRecord(record: AttendanceRecord): void; // as if another kiosk of the kindergarten pushed it
  close(): Promise<void>;
  // ---- beyond the agreed API: more roster changes, and what the fault switches actually did.
  /** Adds a child, or replaces one with the same id (a roster delta upsert). */
  upsertChild(child: Child): void;
  /** Removes a roster row (a roster delta removal); links are keyed by JSON [companionId, childId]. */
  removeRosterEntry(entity: RosterEntity, key: string): void;
  /** How many of each fault were injected since start or the last setFaults. */
  faultsInjected(): FaultCounts;
}

export interface CityServerOptions {
  dataDir: string;
  port?: number;
  seed?: 'demo' | 'empty';
  log?: (line: string) => void;
  /** The server's clock (Date headers, "today" for peers, revocation times); a test may skew it. */
  now?: () => Date;
  serverName?: string;
}

export async function startCityServer(options: CityServerOptions): Promise<RunningCityServer> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const db = openCityStore(options.dataDir);
  const epoch = serverEpoch(db);
  const roster = new RosterStore(db, epoch);
  seedIfNew(db, roster, options.seed ?? ('demo' satisfies SeedKind));
  const kindergarten = db.prepare('SELECT id, utc_offset_minutes AS offset FROM kindergarten LIMIT 1').get() as { id: string; offset: number };
  const parts: CityParts = {
    db,
    epoch,
    auth: new Auth(db),
    roster,
    records: new RecordStore(db),
    utcOffsetMinutes: kindergarten.offset,
    serverName: options.serverName ?? 'Esik reference city server',
    log,
  };
  const faults = new FaultInjector();
  const closing = new AbortController();

  const server = createServer((req, res) => {
    handleRequest({ parts, routes, faults, now, closing: closing.signal }, req, res).catch((error: unknown) => {
      log(`UNHANDLED ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;

  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (plan) => {
      faults.set(plan);
      faults.resetCounts();
      log(`faults ${JSON.stringify(plan)}`);
    },
    issueEnrollmentCode: () => parts.auth.issueEnrollmentCode(now()),
    recordIds: () => parts.records.ids(),
    recordCount: () => parts.records.count(),
    revokeCredential: (credentialId) => roster.revokeCredential(credentialId, now()),
    setCitySetting: (key, value) => roster.setSetting(key, value),
    insertPeerRecord: (record) => {
      const parsed = AttendanceRecordSchema.parse(record);
      // Straight into the store: the other kiosk need not be enrolled here, and a test may want any content.
      db.transaction(() => {
        if (parts.records.find(parsed.id) === null) parts.records.insert(parsed, kindergarten.id, now().toISOString());
      })();
    },
    upsertChild: (child) => roster.upsertChild(child),
    removeRosterEntry: (entity, key) => roster.remove(entity, key),
    faultsInjected: () => faults.injected(),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      })),
  };
}
