// Where other machines' city-bound changes stand here (peer_city_state), over a real SQLite file with a bound peer log:
// a change taken in is pending until a city-acks names it; the first answer stands; an answer heard before its record
// is kept for it; the ids of taps and other records a push names write nothing; a push this machine made for a relayed
// door settles that door's changes, its own pushes none.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { appendCityAcks } from './city-acks.js';
import { noteAwaitingCity, settleAwaitingCity } from './city-acks-awaiting.js';
import type { PeerLog } from './peer-log.js';
import { bindTestPeerLog } from './testing/peer-log-kit.js';

const OWN = 'office-1';
const DOOR = 'door-1';
const id = (n: number): string => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

function database(): { db: Database; log: PeerLog } {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  const log = bindTestPeerLog(db, OWN, () => 1_795_403_523_000, 0x21);
  return { db, log };
}

const states = (db: Database) => db.prepare('SELECT record_id, origin, state, reason FROM peer_city_state ORDER BY record_id').all();
const answers = (over: Partial<Parameters<typeof settleAwaitingCity>[1]> = {}) => ({ forDevice: DOOR, accepted: [], duplicate: [], rejected: [], ...over });

describe('other machines’ changes awaiting the city', () => {
  it('are pending until a city-acks names them; the first answer stands', () => {
    const { db } = database();
    db.transaction(() => {
      for (const n of [1, 2, 3, 4]) noteAwaitingCity(db, id(n), DOOR);
      settleAwaitingCity(db, answers({ accepted: [id(1)], duplicate: [id(2)], rejected: [{ id: id(3), reason: 'card held by another' }] }));
      // Told again otherwise (a second push of the same ids by a relay): what the city said first stands.
      settleAwaitingCity(db, answers({ rejected: [{ id: id(1), reason: 'late' }], accepted: [id(3)] }));
      // Noted again (a page taken twice): an answered change stays answered.
      noteAwaitingCity(db, id(1), DOOR);
    })();
    expect(states(db)).toEqual([
      { record_id: id(1), origin: DOOR, state: 'sent', reason: null },
      { record_id: id(2), origin: DOOR, state: 'sent', reason: null },
      { record_id: id(3), origin: DOOR, state: 'rejected', reason: 'card held by another' },
      { record_id: id(4), origin: DOOR, state: 'pending', reason: null },
    ]);
  });

  it('keeps an answer heard before its record, so the record is never awaited once applied', () => {
    const { db } = database();
    db.transaction(() => {
      settleAwaitingCity(db, answers({ accepted: [id(5)], rejected: [{ id: id(6), reason: 'no such companion' }] }));
      noteAwaitingCity(db, id(5), DOOR);
      noteAwaitingCity(db, id(6), DOOR);
    })();
    expect(states(db)).toEqual([
      { record_id: id(5), origin: DOOR, state: 'sent', reason: null },
      { record_id: id(6), origin: DOOR, state: 'rejected', reason: 'no such companion' },
    ]);
  });

  it('writes nothing for the ids of records held as other kinds (the taps and absences a push names)', () => {
    const { db, log } = database();
    db.transaction(() => {
      log.append('absence', id(7), { body: '{}' });
      log.append('credential-change', id(8), { body: '{}' });
      settleAwaitingCity(db, answers({ accepted: [id(7), id(8)] }));
    })();
    expect(states(db)).toEqual([{ record_id: id(8), origin: DOOR, state: 'sent', reason: null }]);
  });

  it('is settled by this machine’s push for a relayed door, not by its push of its own records', () => {
    const { db } = database();
    db.transaction(() => {
      noteAwaitingCity(db, id(9), DOOR);
      noteAwaitingCity(db, id(10), DOOR);
      appendCityAcks(db, OWN, { results: [{ id: id(10), status: 'accepted' }], chainHead: null }, 1_000);
    })();
    expect(states(db)).toEqual([
      { record_id: id(9), origin: DOOR, state: 'pending', reason: null },
      { record_id: id(10), origin: DOOR, state: 'pending', reason: null },
    ]);
    db.transaction(() => appendCityAcks(db, DOOR, { results: [{ id: id(9), status: 'accepted' }, { id: id(10), status: 'rejected', reason: 'x'.repeat(300) }], chainHead: null }, 2_000))();
    expect(states(db)).toEqual([
      { record_id: id(9), origin: DOOR, state: 'sent', reason: null },
      { record_id: id(10), origin: DOOR, state: 'rejected', reason: 'x'.repeat(200) },
    ]);
  });
});
