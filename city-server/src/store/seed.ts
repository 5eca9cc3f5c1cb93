// What a fresh city database starts with. 'demo' is the kiosk's own demo kindergarten, id for id (the same
// deterministic generator), with the demo city key, so a demo kiosk enrolled here keeps its cards and QR codes.
import type { Database } from 'better-sqlite3';
import { createPublicKey } from 'node:crypto';
import { demoCitySigner, DEMO_CITY_KEY_ID } from '../../../electron/core/demo/demo-city-key.js';
import { demoRoster } from '../../../electron/core/demo/demo-roster.js';
import type { CityKey } from '../../../shared/sync/protocol.js';
import type { RosterStore } from '../roster/roster-store.js';

export type SeedKind = 'demo' | 'empty';

/** The kiosk's region (Almaty) for the demo: UTC+5. */
export const DEMO_UTC_OFFSET_MINUTES = 300;
export const EMPTY_KINDERGARTEN = { id: 'kg-city', name: 'Балабақша (бос)' } as const;

/** Seeds only a database that has no kindergarten yet; an existing one is left as it is. */
export function seedIfNew(db: Database, roster: RosterStore, kind: SeedKind): void {
  const existing = db.prepare('SELECT COUNT(*) AS n FROM kindergarten').get() as { n: number };
  if (existing.n > 0) return;
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO kindergarten (id, name, demo, utc_offset_minutes) VALUES (?, ?, ?, ?)');
    if (kind === 'empty') {
      insert.run(EMPTY_KINDERGARTEN.id, EMPTY_KINDERGARTEN.name, 0, DEMO_UTC_OFFSET_MINUTES);
      return;
    }
    const demo = demoRoster();
    insert.run(demo.kindergarten.id, demo.kindergarten.name, demo.kindergarten.demo ? 1 : 0, DEMO_UTC_OFFSET_MINUTES);
    roster.seed(demo, [demoCityKey()], {});
  })();
}

/** The demo city key's public half, as the roster's cityKeys carry it (raw 32 bytes, base64url). */
export function demoCityKey(): CityKey {
  const { x } = createPublicKey(demoCitySigner().privateKey).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('the demo city key is not an Ed25519 key');
  return { id: DEMO_CITY_KEY_ID, publicKey: x };
}
