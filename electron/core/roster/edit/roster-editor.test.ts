// The roster kept by hand, on a real SQLite database migrated to the newest schema: each set of changes lands whole or
// not at all, attributed, audited and queued for the city; the same set twice changes nothing; the city's authority
// refuses every hand edit.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { SyncRecordSchema } from '../../../../shared/sync/protocol.js';
import { migratedDatabase } from '../../db/migrations/testing/migration-kit.js';
import { migrations } from '../../db/migrations/index.js';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { SettingsStore } from '../../ledger/settings-store.js';
import { SYNC_KEYS, SyncStateStore } from '../../ledger/sync-state.js';
import { RosterEditor } from './roster-editor.js';

const ALMATY = 300;
const at = (iso: string) => toLocalTime(new Date(iso), ALMATY);
const NOV_23 = at('2026-11-23T04:00:00.000Z');

function setUp(): { db: Database; editor: RosterEditor; sync: SyncStateStore; settings: SettingsStore } {
  const db = migratedDatabase(migrations, "INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
  const settings = SettingsStore.of(db);
  const sync = new SyncStateStore(db);
  const editor = new RosterEditor({ db, audit: new AdminAudit(db), deviceId: 'kiosk-1', settings, sync });
  return { db, editor, sync, settings };
}

const all = <T>(db: Database, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

const NEW_FAMILY: RosterChange[] = [
  { kind: 'group', group: { id: 'g-kun', name: 'Күншуақ', sortOrder: 1 } },
  { kind: 'child', child: { id: 'ch-aru', groupId: 'g-kun', firstName: 'Ару', lastName: 'Омарова' }, joinedOn: '2026-11-10' },
  { kind: 'companion', companion: { id: 'cp-ata', firstName: 'Серік', lastName: 'Омаров', relation: 'grandfather' } },
  { kind: 'link', link: { companionId: 'cp-ata', childId: 'ch-aru', mayBring: true, mayCollect: true, blocked: false } },
];

describe('the roster kept by hand', () => {
  it('adds a group, a child from the day they joined, a companion and their rights: attributed, audited and queued for the city', () => {
    const { db, editor } = setUp();
    const result = editor.apply('s-admin', 'console', NEW_FAMILY, NOV_23);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 4, unchanged: 0 } });

    expect(all(db, 'SELECT active FROM children WHERE id = ?', 'ch-aru')).toEqual([{ active: 1 }]);
    expect(all(db, 'SELECT from_day, until_day FROM child_enrolments WHERE child_id = ?', 'ch-aru')).toEqual([{ from_day: '2026-11-10', until_day: null }]);
    expect(all(db, 'SELECT may_collect FROM companion_children WHERE companion_id = ? AND child_id = ?', 'cp-ata', 'ch-aru')).toEqual([{ may_collect: 1 }]);

    const changes = all<{ id: string; entity: string; staff_id: string; source: string }>(db, 'SELECT id, entity, staff_id, source FROM roster_changes ORDER BY rowid');
    expect(changes.map((c) => [c.entity, c.staff_id, c.source])).toEqual([
      ['group', 's-admin', 'console'],
      ['child', 's-admin', 'console'],
      ['companion', 's-admin', 'console'],
      ['link', 's-admin', 'console'],
    ]);
    // One record per change, in order, each one the protocol accepts, named by its change's id.
    const queued = all<{ record_id: string; record_type: string; body: string }>(
      db,
      'SELECT o.record_id, o.record_type, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq ORDER BY o.seq',
    );
    expect(queued.map((q) => q.record_id)).toEqual(changes.map((c) => c.id));
    const records = queued.map((q) => SyncRecordSchema.parse(JSON.parse(q.body)));
    expect(records[1]).toMatchObject({ type: 'roster-change', deviceId: 'kiosk-1', staffId: 's-admin', change: { kind: 'child', joinedOn: '2026-11-10' } });
    const audit = all<{ action: string; staff_id: string; detail: string }>(db, 'SELECT action, staff_id, detail FROM admin_audit ORDER BY rowid');
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.action === 'roster-changed' && a.staff_id === 's-admin')).toBe(true);
    expect(JSON.parse(audit[3]?.detail ?? '{}')).toMatchObject({ kind: 'link', entity: 'link', key: JSON.stringify(['cp-ata', 'ch-aru']) });
  });

  it('changes nothing when the same changes come again, and writes only what differs', () => {
    const { db, editor } = setUp();
    editor.apply('s-admin', 'spreadsheet', NEW_FAMILY, NOV_23);
    const count = () => all<{ n: number }>(db, 'SELECT (SELECT count(*) FROM roster_changes) + (SELECT count(*) FROM sync_outbox) + (SELECT count(*) FROM admin_audit) AS n')[0]?.n;
    const before = count();
    expect(editor.apply('s-admin', 'spreadsheet', NEW_FAMILY, NOV_23)).toEqual({ ok: true, value: { outcome: 'applied', batchId: null, changed: 0, unchanged: 4 } });
    expect(count()).toBe(before);

    const renamed: RosterChange = { kind: 'child', child: { id: 'ch-aru', groupId: 'g-kun', firstName: 'Аружан', lastName: 'Омарова' }, joinedOn: '2026-11-20' };
    expect(editor.apply('s-admin', 'console', [...NEW_FAMILY.slice(0, 1), renamed], NOV_23)).toMatchObject({ ok: true, value: { changed: 1, unchanged: 1 } });
    // An enrolled child's days do not move with an edit of their name.
    expect(all(db, 'SELECT from_day FROM child_enrolments WHERE child_id = ?', 'ch-aru')).toEqual([{ from_day: '2026-11-10' }]);
  });

  it('refuses the whole set with every problem and its place, writing nothing', () => {
    const { db, editor } = setUp();
    const result = editor.apply(
      's-admin',
      'spreadsheet',
      [
        { kind: 'group', group: { id: 'g-kun', name: 'Күншуақ', sortOrder: 1 } },
        { kind: 'child', child: { id: 'ch-x', groupId: 'g-none', firstName: 'Әлихан', lastName: 'Ахметов' } },
        { kind: 'link', link: { companionId: 'cp-none', childId: 'ch-x', mayBring: true, mayCollect: true, blocked: false } },
        { kind: 'child-left', childId: 'ch-none' },
      ],
      NOV_23,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: 'refused',
        problems: [
          { index: 1, reason: 'group-unknown' },
          { index: 2, reason: 'companion-unknown' },
          { index: 3, reason: 'child-unknown' },
        ],
      },
    });
    expect(all(db, 'SELECT id FROM groups')).toEqual([]);
    expect(all(db, 'SELECT 1 FROM roster_changes UNION ALL SELECT 1 FROM sync_outbox UNION ALL SELECT 1 FROM admin_audit')).toEqual([]);
  });

  it('lets a child leave on a past day: their rights go, their days stay; a day to come or before joining is refused', () => {
    const { db, editor } = setUp();
    editor.apply('s-admin', 'console', NEW_FAMILY, NOV_23);
    const leave = (lastDay: string) => editor.apply('s-admin', 'console', [{ kind: 'child-left', childId: 'ch-aru', lastDay }], NOV_23);
    expect(leave('2026-11-24')).toMatchObject({ ok: true, value: { outcome: 'refused', problems: [{ reason: 'day-in-future' }] } });
    expect(leave('2026-11-09')).toMatchObject({ ok: true, value: { outcome: 'refused', problems: [{ reason: 'day-before-joining' }] } });
    expect(leave('2026-11-20')).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 1 } });
    expect(all(db, 'SELECT active FROM children WHERE id = ?', 'ch-aru')).toEqual([{ active: 0 }]);
    expect(all(db, 'SELECT from_day, until_day FROM child_enrolments WHERE child_id = ?', 'ch-aru')).toEqual([{ from_day: '2026-11-10', until_day: '2026-11-20' }]);
    expect(all(db, 'SELECT 1 FROM companion_children WHERE child_id = ?', 'ch-aru')).toEqual([]);
    // Rights for a child who left are refused; they come back only after the last day they were enrolled.
    expect(editor.apply('s-admin', 'console', NEW_FAMILY.slice(3), NOV_23)).toMatchObject({ ok: true, value: { problems: [{ reason: 'child-not-enrolled' }] } });
    const back = (joinedOn: string): RosterChange => ({ kind: 'child', child: { id: 'ch-aru', groupId: 'g-kun', firstName: 'Ару', lastName: 'Омарова' }, joinedOn });
    expect(editor.apply('s-admin', 'console', [back('2026-11-20')], NOV_23)).toMatchObject({ ok: true, value: { problems: [{ reason: 'day-not-after-leaving' }] } });
    expect(editor.apply('s-admin', 'console', [back('2026-11-23')], NOV_23)).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 1 } });
    expect(all(db, 'SELECT from_day, until_day FROM child_enrolments WHERE child_id = ? ORDER BY id', 'ch-aru')).toEqual([
      { from_day: '2026-11-10', until_day: '2026-11-20' },
      { from_day: '2026-11-23', until_day: null },
    ]);
  });

  it('closes a group only once no child is enrolled in it, and takes a companion out of service with every right', () => {
    const { db, editor } = setUp();
    editor.apply('s-admin', 'console', NEW_FAMILY, NOV_23);
    expect(editor.apply('s-admin', 'console', [{ kind: 'group-closed', groupId: 'g-kun' }], NOV_23)).toMatchObject({
      ok: true,
      value: { problems: [{ index: 0, reason: 'group-has-children' }] },
    });
    expect(editor.apply('s-admin', 'console', [{ kind: 'companion-removed', companionId: 'cp-ata' }], NOV_23)).toMatchObject({ ok: true, value: { changed: 1 } });
    expect(all(db, 'SELECT active FROM companions WHERE id = ?', 'cp-ata')).toEqual([{ active: 0 }]);
    expect(all(db, 'SELECT 1 FROM companion_children WHERE companion_id = ?', 'cp-ata')).toEqual([]);
    expect(editor.apply('s-admin', 'console', NEW_FAMILY.slice(3), NOV_23)).toMatchObject({ ok: true, value: { problems: [{ reason: 'companion-inactive' }] } });
    expect(
      editor.apply('s-admin', 'console', [{ kind: 'child-left', childId: 'ch-aru' }, { kind: 'group-closed', groupId: 'g-kun' }], NOV_23),
    ).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 2 } });
    expect(all(db, 'SELECT active FROM groups WHERE id = ?', 'g-kun')).toEqual([{ active: 0 }]);
  });

  it('refuses every hand edit where the city keeps the roster, and takes them where the city leaves it to the kindergarten', () => {
    const { db, editor, sync, settings } = setUp();
    sync.set(SYNC_KEYS.serverUrl, 'https://city.example');
    expect(editor.apply('s-admin', 'console', NEW_FAMILY, NOV_23)).toEqual({ ok: false, error: { code: 'ROSTER_MANAGED_BY_CITY' } });
    expect(all(db, 'SELECT id FROM groups')).toEqual([]);
    settings.set('rosterManagedBy', 'kindergarten');
    expect(editor.apply('s-admin', 'console', NEW_FAMILY, NOV_23)).toMatchObject({ ok: true, value: { outcome: 'applied', changed: 4 } });
  });
});
