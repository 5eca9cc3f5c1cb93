// Which accounts a joined computer brought (its own, listed after the join to keep or deactivate) and which of them
// the group has by name, read from a real migrated file whose peer log holds the staff-account records as a join
// leaves them: this computer's before its broughtSeq, after it, and another member's.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { hlcAt } from '../peers/testing/peer-chain-kit.js';
import { deactivationRefusal, joinAccounts } from './join-accounts.js';

const SELF = 'office-1';
const DOOR = 'door-1';
const HASH = 'a'.repeat(64);

/** `broughtSeq` undefined: this computer has no member record at all. */
function file(broughtSeq: number | null | undefined) {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.prepare("INSERT INTO device (id, created_at) VALUES (?, '2026-11-20T08:00:00+05:00')").run(SELF);
  const member = db.prepare(
    `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, paired_at, member_record_id, brought_seq)
     VALUES (?, ?, 'office', ?, ?, 'qr', ?, '2026-11-20T08:00:00+05:00', ?, ?)`,
  );
  if (broughtSeq !== undefined) member.run(SELF, 'Office', Buffer.alloc(32, 1), Buffer.alloc(32, 1), Buffer.alloc(32, 1), 'm-self', broughtSeq);
  member.run(DOOR, 'Door', Buffer.alloc(32, 2), Buffer.alloc(32, 2), Buffer.alloc(32, 2), 'm-door', null);
  const seqs = new Map<string, number>();
  /** A staff account as its register's record (from `device`) and as the row the projection left. */
  const account = (device: string, staffId: string, firstName: string, lastName: string, role: 'admin' | 'staff', active = true): void => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    const body = { staffId, firstName, lastName, role, active, origin: 'local' };
    db.prepare(
      `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
       VALUES (?, ?, 'staff-account', ?, ?, NULL, ?, ?, ?, NULL, ?, 0)`,
    ).run(device, seq, `${device}-${seq}`, hlcAt(1_795_403_523_000 + seq), HASH, HASH, HASH, JSON.stringify(body));
    db.prepare(
      `INSERT INTO staff (id, first_name, last_name, role, active, origin) VALUES (?, ?, ?, ?, ?, 'local')
       ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role, active = excluded.active`,
    ).run(staffId, firstName, lastName, role, active ? 1 : 0);
  };
  return { db, account };
}

describe('the accounts a joined computer brought', () => {
  it('are those only it wrote before joining, still active; a group account of the same name ticks one for deactivation', () => {
    const { db, account } = file(3);
    account(SELF, 'own-head', 'Жанна', 'Сейітова', 'admin'); // seq 1: the office's first admin
    account(SELF, 'own-nurse', 'Раиса', 'Ким', 'staff'); // seq 2
    account(SELF, 'own-gone', 'Гүлмира', 'Ахметова', 'staff', false); // seq 3: deactivated before: not listed
    account(DOOR, 'door-head', 'ЖАННА ', ' Сейітова', 'admin');
    account(DOOR, 'door-duty', 'Айгерім', 'Омарова', 'staff');
    account(SELF, 'post-join', 'Раиса', 'Ким', 'staff'); // seq 4: made after the join, a group account like the others
    expect(joinAccounts(db)).toEqual({
      accounts: [
        { staffId: 'own-head', firstName: 'Жанна', lastName: 'Сейітова', role: 'admin', sameNameInGroup: true },
        // A post-join account of the same name is the group's too: the nurse is ticked.
        { staffId: 'own-nurse', firstName: 'Раиса', lastName: 'Ким', role: 'staff', sameNameInGroup: true },
      ],
      groupAccounts: 3,
      groupAdmins: 1,
    });
  });

  it('leave the list once another member edited them, or before the group’s records come, nothing matches', () => {
    const { db, account } = file(2);
    account(SELF, 'own-head', 'Жанна', 'Сейітова', 'admin');
    account(SELF, 'own-duty', 'Айгерім', 'Омарова', 'staff');
    expect(joinAccounts(db)).toMatchObject({ accounts: [{ staffId: 'own-head', sameNameInGroup: false }, { staffId: 'own-duty', sameNameInGroup: false }], groupAccounts: 0, groupAdmins: 0 });
    // The door renamed the duty account (the same id: both held it): it is the group's now, and no longer listed.
    account(DOOR, 'own-duty', 'Айгерім', 'Омарова-Сейітова', 'staff');
    expect(joinAccounts(db)).toMatchObject({ accounts: [{ staffId: 'own-head' }], groupAccounts: 1, groupAdmins: 0 });
  });

  it('are none on a computer that never joined (no broughtSeq: a founder, or no member record at all)', () => {
    for (const brought of [null, undefined] as const) {
      const { db, account } = file(brought);
      account(SELF, 'own-head', 'Жанна', 'Сейітова', 'admin');
      account(DOOR, 'door-head', 'Жанна', 'Сейітова', 'admin');
      expect(joinAccounts(db).accounts, String(brought)).toEqual([]);
    }
  });

  it('may be deactivated only themselves, and only once an admin of the group is held here', () => {
    const { db, account } = file(2);
    account(SELF, 'own-head', 'Жанна', 'Сейітова', 'admin');
    account(SELF, 'own-duty', 'Айгерім', 'Омарова', 'staff');
    account(DOOR, 'door-duty', 'Айгерім', 'Омарова', 'staff');
    expect(deactivationRefusal(joinAccounts(db), ['own-duty'])).toMatch(/no admin of the group/);
    account(DOOR, 'door-head', 'Жанна', 'Сейітова', 'admin');
    expect(deactivationRefusal(joinAccounts(db), ['own-duty', 'own-head'])).toBeNull();
    expect(deactivationRefusal(joinAccounts(db), ['own-duty', 'door-head'])).toMatch(/door-head is not an account/);
    expect(deactivationRefusal(joinAccounts(db), ['nobody'])).toMatch(/nobody is not an account/);
  });
});
