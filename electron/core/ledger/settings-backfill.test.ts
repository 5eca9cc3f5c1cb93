// The kindergarten settings in the one-time backfill (docs/peers.md §9), on real SQLite files: the keys written before
// the kiosk had a peer log become one `setting` record each where the value differs from the default, with the body
// SettingsStore.set appends; a key at its default, a door-only key and a key set since the log existed are not
// restated; a second run writes nothing; a machine that takes the log in reads the same settings.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { runBackfill } from '../peers/backfill.js';
import { exchange, peerMachine, pinAll, T0, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { tempDataDir } from '../testing/fixtures.js';
import type { BackfillPiece } from './backfill-writer.js';
import { ledgerAppliers } from './peer-apply.js';
import { KINDERGARTEN_SETTING_KEYS, SettingsStore, type Settings } from './settings-store.js';
import { settingsBackfill } from './settings-backfill.js';
import { SYNC_KEYS } from './sync-state.js';
import { bindTestPeerLog } from './testing/peer-log-kit.js';

const PIECES: readonly (readonly [string, BackfillPiece])[] = [['settings', settingsBackfill]];
const quiet = (): void => undefined;

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function file(): Database {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  opened.push(db);
  return db;
}

/** What an admin changed before the peer log: four kindergarten decisions, one key set to its default, one door key. */
const PAST: Partial<Settings> = {
  timeZone: 'Asia/Almaty',
  collectCheckFrom: null,
  autoConfirmSeconds: 5,
  perCapitaNormTenge: 45_000,
  actCountedReasons: ['sick', 'sanatorium'],
  sound: 'loud',
};

function writePast(db: Database): void {
  const settings = SettingsStore.of(db, quiet);
  for (const [key, value] of Object.entries(PAST)) settings.set(key as keyof Settings, value);
}

const settingRecords = (db: Database): { record_id: string; body: string | null }[] =>
  db.prepare<[], { record_id: string; body: string | null }>("SELECT record_id, body FROM peer_log WHERE kind = 'setting' ORDER BY seq").all();

describe('kindergarten settings in the backfill', () => {
  it('restates each decided key that differs from its default, with the body the live writer appends', () => {
    const door = file();
    writePast(door);
    expect(tableText(door, 'SELECT count(*) AS n FROM peer_log')).toBe('[{"n":0}]');
    bindTestPeerLog(door, 'door-past', () => T0, 0x41);
    expect(runBackfill(door, PIECES, { nowMs: T0 })?.byPiece).toEqual({ settings: 4 });

    // The same admin's changes made with the peer log on: the bodies the live writer appends.
    const live = file();
    bindTestPeerLog(live, 'door-live', () => T0, 0x42);
    writePast(live);
    const bodies = (db: Database): string[] => settingRecords(db).map((r) => r.body ?? '').sort();
    expect(bodies(door)).toEqual(bodies(live).filter((b) => !b.includes('"autoConfirmSeconds"')));
    expect(bodies(door).map((b) => (JSON.parse(b) as { key: string }).key).sort()).toEqual(['actCountedReasons', 'collectCheckFrom', 'perCapitaNormTenge', 'timeZone']);

    // Run again with its mark gone: every key's register is held now, nothing is written.
    door.prepare('DELETE FROM sync_state WHERE key = ?').run(SYNC_KEYS.peerBackfill);
    expect(runBackfill(door, PIECES, { nowMs: T0 + 1000 })).toMatchObject({ rows: 0 });
  });

  it('leaves a key whose register already has a record to that record', () => {
    const db = file();
    writePast(db);
    bindTestPeerLog(db, 'door-past', () => T0, 0x43);
    // Set again after the peer log existed: the newer state is in the log, and the past value is not restated after it.
    SettingsStore.of(db, quiet).set('perCapitaNormTenge', 47_000);
    runBackfill(db, PIECES, { nowMs: T0 });
    const ofKey = settingRecords(db).filter((r) => r.body?.includes('"perCapitaNormTenge"'));
    expect(ofKey.map((r) => JSON.parse(r.body ?? '') as unknown)).toEqual([{ key: 'perCapitaNormTenge', value: 47_000 }]);
  });

  it('gives a machine that takes the log in the same kindergarten settings, and none of the door-only ones', () => {
    const db = file();
    writePast(db);
    const log = bindTestPeerLog(db, 'door-past', () => T0, 0x44);
    runBackfill(db, PIECES, { nowMs: T0 });
    const door: PeerMachine = { db, log, deviceId: 'door-past', seed: 0x44, clock: { ms: T0 } };
    const office = peerMachine(0x45, { empty: true });
    opened.push(office.db);
    pinAll([door, office]);
    exchange([door, office], ledgerAppliers);
    const decided = (of: Database): unknown[] => KINDERGARTEN_SETTING_KEYS.map((key) => SettingsStore.of(of, quiet).get(key));
    expect(decided(office.db)).toEqual(decided(db));
    expect(SettingsStore.of(office.db, quiet).get('collectCheckFrom')).toBeNull();
    expect(SettingsStore.of(office.db, quiet).get('sound')).toBe('normal');
  });
});
