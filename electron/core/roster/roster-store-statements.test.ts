// What the door reads of the roster at every card and every QR code (the credential, its companion, their children,
// and whose kindergarten signed a code) is compiled once for the connection, never once per check-in.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { demoCards, demoRoster } from '../demo/demo-roster.js';
import { sqlCompiledDuring } from '../testing/compiled-sql.js';
import { tempDataDir } from '../testing/fixtures.js';
import { RosterStore } from './roster-store.js';

describe("the door's roster reads", () => {
  it('compile no SQL per check-in', () => {
    const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
    onTestFinished(() => {
      db.close();
    });
    const store = new RosterStore(db);
    store.seed(demoRoster());
    const compiled = sqlCompiledDuring(db, () => {
      for (let i = 0; i < 5; i++) {
        const credential = store.credential('rfid', demoCards.motherOneChild.replace(/^0+/, ''));
        expect(credential).toBeDefined();
        expect(store.companion(credential?.companion_id ?? '')).toBeDefined();
        expect(store.childrenOf(credential?.companion_id ?? '')).not.toEqual([]);
        expect(store.kindergarten()?.demo).toBe(true);
      }
    });
    expect(compiled).toEqual([]);
  });
});
