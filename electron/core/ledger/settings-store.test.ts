// The one settings store over a real SQLite file: defaults, values parsed once and kept until written, statements
// prepared once, one store per connection, and damaged values read as their fallback with a coded log line.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { settingDeclarations, SettingsStore, type SettingKey } from './settings-store.js';

function database(): Database {
  return openDatabase(join(tempDataDir(), 'esik.sqlite'));
}

function storeWithLog(db: Database): { store: SettingsStore; lines: string[] } {
  const lines: string[] = [];
  return { store: SettingsStore.of(db, (line) => lines.push(line)), lines };
}

const putRaw = (db: Database, key: string, value: string): void => {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
};

describe('the settings store', () => {
  it('reads every declared key as its default on a new database, and every default passes its own schema', () => {
    const { store } = storeWithLog(database());
    for (const key of Object.keys(settingDeclarations) as SettingKey[]) {
      const declared = settingDeclarations[key];
      expect(store.get(key)).toEqual(declared.default);
      expect(declared.schema.safeParse(declared.default).success).toBe(true);
    }
  });

  it('prepares its statements once, however often it is read and written', () => {
    const db = database();
    let prepared = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => {
      prepared += 1;
      return prepare(source);
    });
    const store = SettingsStore.of(db);
    const afterConstruction = prepared;
    for (let i = 0; i < 20; i += 1) {
      store.get('keyboardReader');
      store.get('repeatWindowSeconds');
      store.set('autoConfirmSeconds', i % 60);
      store.get('autoConfirmSeconds');
    }
    expect(prepared - afterConstruction).toBe(0);
  });

  it('parses a value once and answers the same value until it is written', () => {
    const db = database();
    const store = SettingsStore.of(db);
    store.set('hidReaders', [{ vendorId: 0xffff, productId: 0x35, name: 'Кіреберіс', report: 'keyboard', reportId: null, format: 'auto', displayFormat: 'canonical' }]);
    const first = store.get('hidReaders');
    expect(store.get('hidReaders')).toBe(first);
    // Shared by every caller, so nobody may change it for the others.
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    store.set('hidReaders', []);
    expect(store.get('hidReaders')).toEqual([]);
  });

  it('sees a value another connection commits (the sync worker applying a roster), and still caches between', () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    const db = openDatabase(path);
    const store = SettingsStore.of(db);
    expect(store.get('closingTime')).toBe('19:00');
    const other = openDatabase(path);
    putRaw(other, 'closingTime', JSON.stringify('18:30'));
    other.close();
    expect(store.get('closingTime')).toBe('18:30');
    const cached = store.get('hidReaders');
    expect(store.get('hidReaders')).toBe(cached);
  });

  it('forgets a write rolled back with its transaction', () => {
    const db = database();
    const store = SettingsStore.of(db);
    expect(store.get('closingTime')).toBe('19:00');
    expect(() =>
      db.transaction(() => {
        store.set('closingTime', '18:30');
        expect(store.get('closingTime')).toBe('18:30');
        throw new Error('the rest of the change failed');
      })(),
    ).toThrow(/failed/);
    expect(store.get('closingTime')).toBe('19:00');
    db.transaction(() => store.set('closingTime', '18:45'))();
    expect(store.get('closingTime')).toBe('18:45');
  });

  it('is one store per connection: a write through any holder is seen by every other at once', () => {
    const db = database();
    const door = SettingsStore.of(db);
    const staff = SettingsStore.of(db);
    expect(staff).toBe(door);
    expect(staff.get('staffSignInMode')).toBe('name-or-card');
    door.set('staffSignInMode', 'card-only');
    expect(staff.get('staffSignInMode')).toBe('card-only');
    expect(SettingsStore.of(database())).not.toBe(door);
  });

  it('reads a value that is not JSON as its default and says why, once', () => {
    const db = database();
    putRaw(db, 'autoConfirmSeconds', '{not json');
    const { store, lines } = storeWithLog(db);
    expect(store.get('autoConfirmSeconds')).toBe(5);
    expect(store.get('autoConfirmSeconds')).toBe(5);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SETTING_NOT_JSON autoConfirmSeconds/);
  });

  it('reads a value its schema refuses as its default and says why', () => {
    const db = database();
    putRaw(db, 'hidReaders', JSON.stringify([{ vendorId: 'x' }]));
    putRaw(db, 'closingTime', JSON.stringify('25:99'));
    const { store, lines } = storeWithLog(db);
    expect(store.get('hidReaders')).toEqual([]);
    expect(store.get('closingTime')).toBe('19:00');
    expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['[settings] SETTING_INVALID hidReaders', '[settings] SETTING_INVALID closingTime']);
  });

  it("reads a damaged card-management value as the city's, so no card changes by mistake", () => {
    const db = database();
    putRaw(db, 'cardsManagedBy', JSON.stringify('the neighbours'));
    const { store, lines } = storeWithLog(db);
    expect(store.get('cardsManagedBy')).toBe('city');
    expect(lines[0]).toMatch(/SETTING_INVALID cardsManagedBy/);
    expect(storeWithLog(database()).store.get('cardsManagedBy')).toBe('kindergarten');
  });

  it('refuses to write a value its schema refuses, and keeps the old one', () => {
    const { store } = storeWithLog(database());
    store.set('repeatWindowSeconds', 30);
    expect(() => store.set('repeatWindowSeconds', 10_000)).toThrow();
    expect(store.get('repeatWindowSeconds')).toBe(30);
  });
});
