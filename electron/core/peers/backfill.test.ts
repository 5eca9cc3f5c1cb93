// The one-time backfill on real SQLite files (docs/peers.md §9 "Backfill, once"): the demo's seeded roster and staff
// become this device's peer log — staff accounts, PINs and cards, groups, children, companions, links and cards as
// records — chained and signed every 1000th row and at the last; a second run adds nothing; a past hand edit keeps the
// id and the text the outbox queued; and an empty machine that takes the log in holds the same roster and staff.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { BACKFILL_SIGN_EVERY } from '../ledger/backfill-writer.js';
import { memberAppliers } from '../ledger/member-apply.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { verifyPeerRows } from '../ledger/peer-chain.js';
import { PEER_GENESIS_HASH } from '../ledger/peer-hash.js';
import { peerLogOf, type PeerLogRow } from '../ledger/peer-log.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { bindTestPeerLog } from '../ledger/testing/peer-log-kit.js';
import { RosterEditor } from '../roster/edit/roster-editor.js';
import { rosterAppliers } from '../roster/peer-apply.js';
import { RosterStore } from '../roster/roster-store.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { tempDataDir } from '../testing/fixtures.js';
import { backfillPeerLog, BACKFILL_PIECES } from '../peer-backfill.js';
import { backfillDone, runBackfill } from './backfill.js';
import { exchange, peerMachine, pinAll, T0, tableText } from './testing/peer-machines.js';

const appliers = { ...ledgerAppliers, ...staffAppliers, ...rosterAppliers, ...memberAppliers };
const ZONE = 300;

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function ownRows(db: Database, deviceId: string): PeerLogRow[] {
  return db.prepare<[string], PeerLogRow>('SELECT * FROM peer_log WHERE device_id = ? ORDER BY seq').all(deviceId);
}

function kindCounts(db: Database): Record<string, number> {
  return Object.fromEntries(db.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM peer_log GROUP BY kind').all().map((r) => [r.kind, r.n]));
}

const count = (db: Database, table: string): number => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;

describe('backfill, once', () => {
  it('is served in pages a head proves even when the asker takes 100 at a time (a paced catch-up), though it is signed only every 1000th row', () => {
    const a = peerMachine(0x11);
    opened.push(a.db);
    expect(backfillPeerLog(a.db, T0, ZONE)).not.toBeNull();
    const log = peerLogOf(a.db);
    if (log === null) throw new Error('no peer log bound');
    const held = log.haveVector()[a.deviceId] ?? 0;
    expect(held).toBeGreaterThan(BACKFILL_SIGN_EVERY);
    // Each page ends on the next signed row, so the asker can check it; and page after page reaches the end.
    let after = 0;
    for (let pages = 0; after < held && pages < 10; pages++) {
      const page = log.page({ [a.deviceId]: after }, 100);
      expect(page.length, `the page after seq ${String(after)}`).toBeGreaterThan(0);
      const last = page.at(-1);
      expect(last === undefined ? null : log.headOf(a.deviceId, last.seq)).not.toBeNull();
      after = last?.seq ?? after;
    }
    expect(after).toBe(held);
  });

  it("turns the demo's seeded roster and staff into chained records, signed every 1000th and at the last", () => {
    const a = peerMachine(0x11);
    opened.push(a.db);
    const done = backfillPeerLog(a.db, T0, ZONE);
    const roster = demoRoster();
    expect(done).not.toBeNull();
    expect(kindCounts(a.db)).toEqual({
      'staff-account': roster.staff.length,
      'roster-change': roster.groups.length + roster.children.length + roster.companions.length + roster.links.length,
      'credential-change': roster.credentials.length + roster.credentials.filter((c) => c.revokedAt !== null).length,
    });
    const rows = ownRows(a.db, a.deviceId);
    expect(done?.rows).toBe(rows.length);
    const walk = verifyPeerRows(rows, { seq: 0, hash: PEER_GENESIS_HASH }, { publicKey: a.log.publicKey, eventHashOf: (id) => a.log.eventHashOf(id) });
    expect(walk).toEqual({ intact: true, rows: rows.length, brokenAtSeq: null });
    const signed = rows.filter((r) => r.sig !== null).map((r) => r.seq);
    const expected = rows.filter((r) => r.seq % BACKFILL_SIGN_EVERY === 0 || r.seq === rows.length).map((r) => r.seq);
    expect(signed).toEqual(expected);
    // Every register the backfill wrote has its winner, so the next edit made here names it as its base.
    expect(count(a.db, 'peer_registers')).toBe(rows.length - roster.credentials.filter((c) => c.revokedAt !== null).length);
  });

  it('runs once: a second start adds nothing, and a run with its mark gone skips every record and register held', () => {
    const a = peerMachine(0x12);
    opened.push(a.db);
    backfillPeerLog(a.db, T0, ZONE);
    const before = count(a.db, 'peer_log');
    expect(backfillDone(a.db)).toBe(true);
    expect(backfillPeerLog(a.db, T0 + 1000, ZONE)).toBeNull();
    a.db.prepare('DELETE FROM sync_state WHERE key = ?').run(SYNC_KEYS.peerBackfill);
    expect(runBackfill(a.db, BACKFILL_PIECES, { nowMs: T0 + 2000, zone: ZONE })).toMatchObject({ rows: 0 });
    expect(count(a.db, 'peer_log')).toBe(before);
  });

  it('does nothing without a peer log bound, and leaves the mark for the start that has one', () => {
    const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
    opened.push(db);
    new RosterStore(db).seed(demoRoster());
    expect(backfillPeerLog(db, T0, ZONE)).toBeNull();
    expect(new SyncStateStore(db).get(SYNC_KEYS.peerBackfill)).toBeNull();
  });

  it('keeps a past hand edit under its own id, with the very text the outbox queued', () => {
    const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
    opened.push(db);
    new RosterStore(db).seed(demoRoster());
    const child = demoRoster().children[0];
    if (child === undefined) throw new Error('the demo has children');
    // Written before the peer log existed: no log is bound yet, so the edit is a roster_changes row and an outbox row only.
    const editor = new RosterEditor({ db, audit: new AdminAudit(db), deviceId: 'kiosk-past', settings: SettingsStore.of(db, () => undefined), sync: new SyncStateStore(db) });
    const at = toLocalTime(new Date(T0 - 86_400_000), ZONE);
    expect(editor.apply('staff-admin', 'console', [{ kind: 'child', child: { ...child, firstName: 'Әмина' } }], at)).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 1 } });
    const past = db.prepare<[], { id: string }>('SELECT id FROM roster_changes').get();
    const queued = db.prepare<[], { body: string }>('SELECT body FROM sync_outbox_body').get();
    expect(count(db, 'peer_log')).toBe(0);
    const log = bindTestPeerLog(db, 'kiosk-past', () => T0, 0x13);
    backfillPeerLog(db, T0, ZONE);
    const row = db.prepare<[string], PeerLogRow>('SELECT * FROM peer_log WHERE record_id = ?').get(past?.id ?? '');
    expect(row?.body).toBe(queued?.body);
    // The child's register is the past edit's: the roster as it stands restates no second record for it.
    const ofChild = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM peer_log WHERE kind = 'roster-change' AND json_extract(body, '$.change.child.id') = ?`).get(child.id);
    expect(ofChild?.n).toBe(1);
    expect(log.newest()?.seq).toBe(count(db, 'peer_log'));
  });

  it('gives an empty machine that takes the log in the same groups, children, companions, links, cards and staff', () => {
    const a = peerMachine(0x14);
    const b = peerMachine(0x15, { empty: true });
    opened.push(a.db, b.db);
    backfillPeerLog(a.db, T0, ZONE);
    backfillPeerLog(b.db, T0, ZONE);
    pinAll([a, b]);
    exchange([a, b], appliers);
    expect(count(b.db, 'peer_waiting')).toBe(0);
    for (const sql of [
      'SELECT id, name, sort_order, active FROM groups ORDER BY id',
      'SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id',
      'SELECT id, first_name, last_name, relation, active FROM companions ORDER BY id',
      'SELECT companion_id, child_id, may_bring, may_collect, blocked FROM companion_children ORDER BY companion_id, child_id',
      'SELECT id, companion_id, kind, value, revoked_at IS NOT NULL AS revoked FROM credentials ORDER BY id',
      'SELECT id, first_name, last_name, role, active, origin FROM staff ORDER BY id',
      'SELECT child_id, from_day, until_day FROM child_enrolments ORDER BY child_id, id',
    ]) {
      expect(tableText(b.db, sql), sql).toBe(tableText(a.db, sql));
    }
    expect(peerLogOf(b.db)?.haveVector()).toEqual(peerLogOf(a.db)?.haveVector());
  });
});
