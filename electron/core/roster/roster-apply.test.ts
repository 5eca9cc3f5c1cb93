import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import type { RosterDelta, RosterReply, RosterSnapshot } from '../../../shared/sync/protocol.js';
import { TrustedKeys } from '../credentials/trusted-keys.js';
import { openDatabase } from '../db/open-database.js';
import { DEMO_CITY_KEY_ID, trustDemoCityKey } from '../demo/demo-city-key.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AttendanceLog, ensureDeviceId } from '../ledger/attendance-log.js';
import { RosterStore } from './roster-store.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { applyRosterReply, RosterRejectedError } from './roster-apply.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { RosterEditor } from './edit/roster-editor.js';

const NOW = new Date('2026-11-23T03:12:00.000Z');
const CITY_KEY = { id: 'city-2026', publicKey: randomBytes(32).toString('base64url') };

/** A demo kiosk with a morning's history: Елена brought Алиса (ch0003), Айгерім recorded Ерасыл by override. */
function kiosk() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  const roster = new RosterStore(db);
  db.transaction(() => {
    roster.seed(demoRoster());
    trustDemoCityKey(new TrustedKeys(db), NOW);
  })();
  const log = new AttendanceLog(db, ensureDeviceId(db, NOW));
  log.append(
    [
      { childId: 'ch0003', kind: 'arrival', method: 'rfid', companionId: 'cp0002', credentialId: 'cr00002', staffId: null },
      { childId: 'ch0004', kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: 'staff-duty' },
    ],
    toLocalTime(NOW, 300),
  );
  return { db, roster, log, state: new SyncStateStore(db) };
}

/** The city's roster: the demo families, as the city lists them after a few changes. */
function citySnapshot(change: (r: RosterSnapshot) => void = () => undefined): RosterSnapshot {
  const r: RosterSnapshot = { ...demoRoster(), kindergarten: { id: 'kg-demo', name: 'Балабақша № 1 «Ақбота»', demo: false }, cityKeys: [CITY_KEY], settings: {} };
  change(r);
  return r;
}

const snapshot = (roster: RosterSnapshot, cursor = 'c1'): RosterReply => ({ kind: 'snapshot', cursor, roster });
const delta = (changes: RosterDelta, cursor = 'c2'): RosterReply => ({ kind: 'delta', cursor, changes });
const apply = (db: Database, reply: unknown, kindergartenId: string | null = 'kg-demo') => applyRosterReply(db, reply, { now: NOW, kindergartenId });

function without<T extends { id: string }>(rows: T[], ...ids: string[]): T[] {
  return rows.filter((row) => !ids.includes(row.id));
}

/** Everything a roster reply may touch, to compare before and after. */
function dump(db: Database): unknown {
  const tables = ['kindergarten', 'groups', 'children', 'companions', 'companion_children', 'credentials', 'staff', 'trusted_keys', 'settings', 'sync_state'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

/** The card number as the roster stores it (canonical: no leading zeros). */
function cardValue(credentialId: string): string {
  const found = demoRoster().credentials.find((c) => c.id === credentialId);
  if (!found) throw new Error(`no demo credential ${credentialId}`);
  return found.value;
}

const row = (db: Database, sql: string, ...params: string[]): unknown => db.prepare(sql).get(...params);

describe('applying the city roster', () => {
  it('replaces the demo roster with a snapshot, keeping inert what the history still names', () => {
    const { db, roster, log, state } = kiosk();
    const g12 = demoRoster().children.filter((c) => c.groupId === 'g12').map((c) => c.id);
    const gone = ['ch0001', 'ch0003', ...g12];
    const applied = apply(
      db,
      snapshot(
        citySnapshot((r) => {
          r.children = without(r.children, ...gone);
          r.links = r.links.filter((l) => !gone.includes(l.childId) && l.companionId !== 'cp0002' && l.companionId !== 'cp0005');
          r.groups = without(r.groups, 'g12');
          r.companions = without(r.companions, 'cp0002', 'cp0005');
          r.credentials = r.credentials.filter((c) => c.companionId !== 'cp0002' && c.companionId !== 'cp0005');
          r.staff = without(r.staff, 'staff-nurse', 'staff-duty');
          r.settings = { cutoffTime: '08:45', unexcusedLimitPerMonth: 4 };
        }),
      ),
    );

    expect(applied).toMatchObject({ kind: 'snapshot', cursor: 'c1' });
    expect(roster.kindergarten()).toEqual({ id: 'kg-demo', name: 'Балабақша № 1 «Ақбота»', demo: false });
    // Алиса has an arrival on record, Әлихан none; both were enrolled (the табель counted their days): deactivated, not
    // deleted, their last enrolled day today.
    expect(row(db, 'SELECT active FROM children WHERE id = ?', 'ch0003')).toEqual({ active: 0 });
    expect(row(db, 'SELECT active FROM children WHERE id = ?', 'ch0001')).toEqual({ active: 0 });
    expect(row(db, 'SELECT from_day, until_day FROM child_enrolments WHERE child_id = ?', 'ch0001')).toEqual({ from_day: null, until_day: '2026-11-23' });
    // Елена's card is named by that arrival: revoked and kept; she keeps her row but no child and no working card.
    expect(row(db, 'SELECT revoked_at FROM credentials WHERE id = ?', 'cr00002')).toEqual({ revoked_at: NOW.toISOString() });
    expect(roster.companion('cp0002')).toBeDefined();
    expect(roster.childrenOf('cp0002')).toEqual([]);
    // Асқар was never named by an event: gone with his card.
    expect(roster.companion('cp0005')).toBeUndefined();
    expect(row(db, 'SELECT id FROM credentials WHERE id = ?', 'cr00005')).toBeUndefined();
    // Айгерім recorded an override: deactivated. The nurse: deleted. Group 12 keeps the children who left it (their
    // past days are its табель's): taken out of service, not deleted.
    expect(row(db, 'SELECT active FROM staff WHERE id = ?', 'staff-duty')).toEqual({ active: 0 });
    expect(row(db, 'SELECT id FROM staff WHERE id = ?', 'staff-nurse')).toBeUndefined();
    expect(row(db, 'SELECT active FROM groups WHERE id = ?', 'g12')).toEqual({ active: 0 });
    expect(applied.kept).toBe(4 + gone.length);
    // The demo city key goes, the city's own comes.
    const keys = new TrustedKeys(db);
    expect(keys.find(DEMO_CITY_KEY_ID)).toBeUndefined();
    expect(keys.find(CITY_KEY.id)?.owner).toBe('city');
    // Settings the city sent land where the staff side reads them; the others keep the kiosk's values.
    const settings = SettingsStore.of(db);
    expect([settings.get('headcountCutOff'), settings.get('unexcusedDaysPerMonth'), settings.get('closingTime')]).toEqual(['08:45', 4, '19:00']);
    expect(state.get(SYNC_KEYS.rosterCursor)).toBe('c1');
    // The history is untouched and still checks out.
    expect(log.verify()).toEqual({ intact: true, events: 2, brokenAtSeq: null });
  });

  it('applies a delta: a revocation, a new child, a removed link, a new city key and a setting', () => {
    const { db, roster } = kiosk();
    apply(db, snapshot(citySnapshot()));
    const applied = apply(
      db,
      delta({
        upserts: {
          children: [{ id: 'ch9001', groupId: 'g01', firstName: 'Айша', lastName: 'Жұмабаева' }],
          links: [{ companionId: 'cp0003', childId: 'ch9001', mayBring: true, mayCollect: true, blocked: false }],
          credentials: [{ id: 'cr00003', companionId: 'cp0003', kind: 'rfid', value: cardValue('cr00003'), version: 1, revokedAt: '2026-11-23T03:00:00.000Z' }],
          cityKeys: [{ id: 'city-2027', publicKey: randomBytes(32).toString('base64url') }],
        },
        removals: { links: [{ companionId: 'cp0004', childId: 'ch0004' }], cityKeys: [CITY_KEY.id] },
        settings: { closingTime: '18:30' },
      }),
    );
    expect(applied).toMatchObject({ kind: 'delta', cursor: 'c2', upserted: 4, removed: 2, kept: 0 });
    expect(roster.credential('rfid', cardValue('cr00003'))?.revoked_at).toBe('2026-11-23T03:00:00.000Z');
    expect(roster.childrenOf('cp0003').map((c) => c.id)).toContain('ch9001');
    expect(roster.childrenOf('cp0004').map((c) => c.id)).toEqual(['ch0005']);
    expect(new TrustedKeys(db).find(CITY_KEY.id)).toBeUndefined();
    expect(new TrustedKeys(db).find('city-2027')).toBeDefined();
    expect(SettingsStore.of(db).get('closingTime')).toBe('18:30');
  });

  it("leaves the kiosk's own first admin alone: the city's snapshot replaces only the city's staff", () => {
    const { db } = kiosk();
    db.prepare("INSERT INTO staff (id, first_name, last_name, role, origin) VALUES ('staff-local', 'Жанар', 'Әлиева', 'admin', 'local')").run();
    apply(db, snapshot(citySnapshot((r) => (r.staff = r.staff.slice(0, 1)))));
    const active = (id: string) => db.prepare<[string], { active: number }>('SELECT active FROM staff WHERE id = ?').get(id)?.active;
    expect(active('staff-local')).toBe(1);
    const dropped = demoRoster().staff[1];
    expect(dropped).toBeDefined();
    if (dropped) expect(active(dropped.id) ?? 0).toBe(0);
  });

  it('brings back a child the city listed again', () => {
    const { db, roster } = kiosk();
    apply(db, snapshot(citySnapshot((r) => (r.children = without(r.children, 'ch0003')))));
    expect(roster.childrenOf('cp0002')).toEqual([]);
    apply(db, delta({ upserts: { children: [{ id: 'ch0003', groupId: 'g02', firstName: 'Алиса', lastName: 'Иванова' }], links: [{ companionId: 'cp0002', childId: 'ch0003', mayBring: true, mayCollect: true, blocked: false }] }, removals: {} }));
    expect(roster.childrenOf('cp0002')).toMatchObject([{ id: 'ch0003', first_name: 'Алиса' }]);
  });

  it("records a child the city removed as leaving today and one it lists again as joining today, for the табель's days", () => {
    const { db } = kiosk();
    const periods = () => db.prepare("SELECT from_day, until_day FROM child_enrolments WHERE child_id = 'ch0003' ORDER BY id").all();
    apply(db, snapshot(citySnapshot((r) => (r.children = without(r.children, 'ch0003')))));
    expect(periods()).toEqual([{ from_day: null, until_day: '2026-11-23' }]);
    const back = { id: 'ch0003', groupId: 'g02', firstName: 'Алиса', lastName: 'Иванова' };
    applyRosterReply(db, delta({ upserts: { children: [back] }, removals: {} }), { now: new Date('2026-12-10T03:00:00.000Z'), kindergartenId: 'kg-demo', zone: 300 });
    expect(periods()).toEqual([
      { from_day: null, until_day: '2026-11-23' },
      { from_day: '2026-12-10', until_day: null },
    ]);
  });

  it("leaves the rows edited here as the kiosk has them until the city has the change, where the kindergarten keeps its roster", () => {
    const { db, roster } = kiosk();
    apply(db, snapshot(citySnapshot((r) => (r.settings = { rosterManagedBy: 'kindergarten' }))));
    const editor = new RosterEditor({ db, audit: new AdminAudit(db), deviceId: 'kiosk-1', settings: SettingsStore.of(db), sync: new SyncStateStore(db) });
    const child = { id: 'ch-new', groupId: 'g02', firstName: 'Ару', lastName: 'Омарова' };
    const link = { companionId: 'cp0002', childId: 'ch-new', mayBring: true, mayCollect: true, blocked: false };
    const at = toLocalTime(NOW, 300);
    expect(editor.apply('staff-admin', 'console', [{ kind: 'child', child }, { kind: 'link', link }, { kind: 'child-left', childId: 'ch0003', lastDay: '2026-11-23' }], at)).toMatchObject({
      ok: true,
      value: { changed: 3 },
    });
    // A snapshot made before the city heard of the edits: the new child and her right stay, Алиса stays gone.
    apply(db, snapshot(citySnapshot((r) => (r.settings = { rosterManagedBy: 'kindergarten' })), 'c3'));
    expect(roster.childrenOf('cp0002').map((c) => c.id)).toEqual(['ch-new']);
    expect(row(db, 'SELECT active FROM children WHERE id = ?', 'ch0003')).toEqual({ active: 0 });
    // Once the city has them, its roster decides again (here it never took them: they leave).
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1").run();
    apply(db, snapshot(citySnapshot((r) => (r.settings = { rosterManagedBy: 'kindergarten' })), 'c4'));
    expect(row(db, 'SELECT active FROM children WHERE id = ?', 'ch-new')).toEqual({ active: 0 });
    expect(row(db, 'SELECT active FROM children WHERE id = ?', 'ch0003')).toEqual({ active: 1 });
  });

  it('moves a card from a revoked credential to a new live one, but refuses two live ones', () => {
    const { db, roster } = kiosk();
    // Асқар's withdrawn card goes to Елена as a new credential; the old one stays revoked under a retired value.
    const card = cardValue('cr00005');
    apply(db, snapshot(citySnapshot((r) => r.credentials.push({ id: 'cr09999', companionId: 'cp0002', kind: 'rfid', value: card, version: 1, revokedAt: null }))));
    expect(roster.credential('rfid', card)).toMatchObject({ id: 'cr09999', revoked_at: null });
    expect(row(db, 'SELECT value, revoked_at IS NOT NULL AS revoked FROM credentials WHERE id = ?', 'cr00005')).toEqual({ value: `retired:cr00005:${card}`, revoked: 1 });

    const before = dump(db);
    const twoLive = delta({ upserts: { credentials: [{ id: 'cr09998', companionId: 'cp0003', kind: 'rfid', value: cardValue('cr00002'), version: 1, revokedAt: null }] }, removals: {} });
    expect(() => apply(db, twoLive)).toThrow(RosterRejectedError);
    expect(dump(db)).toEqual(before);
  });

  it('changes nothing, cursor included, for a reply that does not match the protocol', () => {
    const { db, state } = kiosk();
    apply(db, snapshot(citySnapshot()));
    const before = dump(db);
    const broken = { kind: 'snapshot', cursor: 'c9', roster: { ...citySnapshot(), children: [{ id: 'ch0001', groupId: 'g01', lastName: 'Жұмабаев' }] } };
    expect(() => apply(db, broken)).toThrow(/firstName/);
    expect(() => apply(db, { kind: 'delta', cursor: 'c9' })).toThrow(RosterRejectedError);
    expect(dump(db)).toEqual(before);
    expect(state.get(SYNC_KEYS.rosterCursor)).toBe('c1');
  });

  it('leaves the old roster whole when the apply fails half-way through its transaction', () => {
    const { db, state } = kiosk();
    const before = dump(db);
    // Everything else would go in first (kindergarten, groups, 299 children, links…); the last child names a group
    // nobody has, and its foreign key fails deep inside the transaction.
    const failing = citySnapshot((r) => r.children.push({ id: 'ch9999', groupId: 'g-nowhere', firstName: 'Тимур', lastName: 'Ахметов' }));
    failing.children = failing.children.map((c, i) => (i === 0 ? { ...c, firstName: 'Renamed' } : c));
    expect(() => apply(db, snapshot(failing))).toThrow(/FOREIGN KEY/);
    expect(dump(db)).toEqual(before);
    expect(state.get(SYNC_KEYS.rosterCursor)).toBeNull();
  });

  it('refuses a snapshot of another kindergarten, and a city key id that names another key', () => {
    const { db } = kiosk();
    const before = dump(db);
    expect(() => apply(db, snapshot(citySnapshot()), 'kg-other')).toThrow(/kg-other/);
    const clash = snapshot(citySnapshot((r) => (r.cityKeys = [{ id: DEMO_CITY_KEY_ID, publicKey: randomBytes(32).toString('base64url') }])));
    expect(() => apply(db, clash)).toThrow(RosterRejectedError);
    expect(dump(db)).toEqual(before);
  });
});
