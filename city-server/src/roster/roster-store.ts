// The kindergarten's roster as the city keeps it: one row per roster entry with the revision of its last
// change. A snapshot is every live row; a delta since revision r is every row changed after r, live rows as
// upserts and tombstones as removals. Admin changes (revoke, add, remove, settings) each take a new revision.
import type { Database, Statement } from 'better-sqlite3';
import type { Roster } from '../../../shared/domain/roster.js';
import {
  CitySettingsSchema,
  type CityKey,
  type CitySettings,
  type RosterDelta,
  type RosterReply,
  type RosterSnapshot,
} from '../../../shared/sync/protocol.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

/** The roster lists a delta can carry; the names are the snapshot's own field names. */
export const ROSTER_ENTITIES = ['groups', 'children', 'companions', 'links', 'credentials', 'staff', 'cityKeys'] as const;
export type RosterEntity = (typeof ROSTER_ENTITIES)[number];
type EntityRow<E extends RosterEntity> = E extends 'cityKeys' ? CityKey : Roster[Exclude<E, 'cityKeys'>][number];

const SETTINGS = 'settings';

export type Child = Roster['children'][number];
export type Credential = Roster['credentials'][number];
export type SettingKey = keyof CitySettings;

interface Row {
  entity: string;
  key: string;
  body: string | null;
}

export class UnknownRosterEntryError extends Error {
  constructor(entity: string, key: string) {
    super(`no ${entity} entry ${key} in the city roster`);
    this.name = 'UnknownRosterEntryError';
  }
}

export function rowKey(entity: RosterEntity, row: { id?: string; companionId?: string; childId?: string }): string {
  // JSON, not a separator: ids are free text and could contain any separator.
  if (entity === 'links') return JSON.stringify([row.companionId ?? '', row.childId ?? '']);
  if (!row.id) throw new Error(`a ${entity} row without an id`);
  return row.id;
}

export class RosterStore {
  private readonly revisionStmt: Statement<[], { rev: number }>;
  private readonly bumpStmt: Statement<[number]>;
  private readonly putStmt: Statement<[string, string, string | null, number]>;
  private readonly getStmt: Statement<[string, string], { body: string | null }>;
  private readonly childrenAmongStmt: Statement<[string], { key: string }>;
  private readonly liveStmt: Statement<[], Row>;
  private readonly sinceStmt: Statement<[number], Row>;
  private readonly settingsStmt: Statement<[], { key: string; body: string }>;
  private readonly kindergartenStmt: Statement<[], { id: string; name: string; demo: number }>;
  private readonly liveCredentialStmt: Statement<[string, string], { body: string }>;
  private readonly liveLinksStmt: Statement<[string, string], { key: string }>;
  private readonly liveChildInGroupStmt: Statement<[string], { key: string }>;

  constructor(private readonly db: Database, private readonly epoch: string) {
    this.revisionStmt = db.prepare('SELECT rev FROM roster_revision WHERE id = 1');
    this.bumpStmt = db.prepare('UPDATE roster_revision SET rev = ? WHERE id = 1');
    this.putStmt = db.prepare(
      'INSERT INTO roster_rows (entity, key, body, rev) VALUES (?, ?, ?, ?) ON CONFLICT (entity, key) DO UPDATE SET body = excluded.body, rev = excluded.rev',
    );
    this.getStmt = db.prepare('SELECT body FROM roster_rows WHERE entity = ? AND key = ?');
    this.childrenAmongStmt = db.prepare("SELECT key FROM roster_rows WHERE entity = 'children' AND key IN (SELECT value FROM json_each(?))");
    // rowid order is insertion order: a snapshot lists rows in the order the roster had them.
    this.liveStmt = db.prepare('SELECT entity, key, body FROM roster_rows WHERE body IS NOT NULL ORDER BY rowid');
    this.sinceStmt = db.prepare('SELECT entity, key, body FROM roster_rows WHERE rev > ? ORDER BY rev, rowid');
    this.settingsStmt = db.prepare(`SELECT key, body FROM roster_rows WHERE entity = '${SETTINGS}' AND body IS NOT NULL`);
    this.kindergartenStmt = db.prepare('SELECT id, name, demo FROM kindergarten LIMIT 1');
    this.liveCredentialStmt = db.prepare(
      `SELECT body FROM roster_rows WHERE entity = 'credentials' AND body IS NOT NULL
         AND json_extract(body, '$.kind') = ? AND json_extract(body, '$.value') = ? AND json_extract(body, '$.revokedAt') IS NULL`,
    );
    this.liveLinksStmt = db.prepare("SELECT key FROM roster_rows WHERE entity = 'links' AND body IS NOT NULL AND json_extract(body, ?) = ?");
    this.liveChildInGroupStmt = db.prepare(
      "SELECT key FROM roster_rows WHERE entity = 'children' AND body IS NOT NULL AND json_extract(body, '$.groupId') = ? LIMIT 1",
    );
  }

  /** Live links of a child or a companion ('$.childId' / '$.companionId'): a scan, as a roster has hundreds of links. */
  private liveLinkKeys(field: 'childId' | 'companionId', id: string): string[] {
    return this.liveLinksStmt.all(`$.${field}`, id).map((row) => row.key);
  }

  revision(): number {
    return this.revisionStmt.get()?.rev ?? 0;
  }

  /** Runs one admin change under a new revision, in one transaction. */
  private change(apply: (rev: number) => void): void {
    this.db.transaction(() => {
      const rev = this.revision() + 1;
      apply(rev);
      this.bumpStmt.run(rev);
    })();
  }

  private put<E extends RosterEntity>(entity: E, row: EntityRow<E>, rev: number): void {
    this.putStmt.run(entity, rowKey(entity, row), JSON.stringify(row), rev);
  }

  private read<E extends RosterEntity>(entity: E, key: string): EntityRow<E> | null {
    const row = this.getStmt.get(entity, key);
    return row?.body ? (JSON.parse(row.body) as EntityRow<E>) : null;
  }

  /** Loads a whole roster as revision 1 (the seed). */
  seed(roster: Roster, cityKeys: CityKey[], settings: CitySettings): void {
    this.change((rev) => {
      for (const entity of ROSTER_ENTITIES) {
        const rows: readonly EntityRow<RosterEntity>[] = entity === 'cityKeys' ? cityKeys : roster[entity];
        for (const row of rows) this.put(entity, row, rev);
      }
      this.writeSettings(settings, rev);
    });
  }

  private writeSettings(settings: CitySettings, rev: number): void {
    for (const [key, value] of Object.entries(CitySettingsSchema.parse(settings))) {
      if (value !== undefined) this.putStmt.run(SETTINGS, key, JSON.stringify(value), rev);
    }
  }

  /** Which of these children the kindergarten has ever had, even if removed since (a record made before the removal is
   * still the kindergarten's): one query for a whole push. */
  childrenEverHad(childIds: Iterable<string>): Set<string> {
    return new Set(this.childrenAmongStmt.all(JSON.stringify([...new Set(childIds)])).map((row) => row.key));
  }

  /** A group the kindergarten has ever had, even if removed since (a month's count names the groups of that month). */
  hadGroup(groupId: string): boolean {
    return this.getStmt.get('groups', groupId) !== undefined;
  }

  credential(credentialId: string): Credential | null {
    return this.read('credentials', credentialId);
  }

  /** A companion on the roster now (a removed one is a tombstone: no card may be enrolled for them). */
  hasCompanion(companionId: string): boolean {
    return this.read('companions', companionId) !== null;
  }

  /** The live (not revoked) credential holding this card number or QR id, if any. A scan: a roster has hundreds of cards. */
  liveCredentialHolding(kind: Credential['kind'], value: string): Credential | null {
    const row = this.liveCredentialStmt.get(kind, value);
    return row ? (JSON.parse(row.body) as Credential) : null;
  }

  /** Sets a credential's revocation time (a credential-change record from a kiosk); an earlier one is kept. */
  revokeCredentialAt(credentialId: string, revokedAt: string): void {
    const credential = this.read('credentials', credentialId);
    if (!credential) throw new UnknownRosterEntryError('credentials', credentialId);
    if (credential.revokedAt !== null) return;
    this.change((rev) => this.put('credentials', { ...credential, revokedAt }, rev));
  }

  revokeCredential(credentialId: string, at: Date): void {
    const credential = this.read('credentials', credentialId);
    if (!credential) throw new UnknownRosterEntryError('credentials', credentialId);
    this.change((rev) => this.put('credentials', { ...credential, revokedAt: at.toISOString() }, rev));
  }

  setSetting(key: SettingKey, value: CitySettings[SettingKey]): void {
    const parsed = CitySettingsSchema.parse({ [key]: value });
    this.change((rev) => this.writeSettings(parsed, rev));
  }

  upsertChild(child: Child): void {
    this.change((rev) => this.put('children', child, rev));
  }

  upsertCredential(credential: Credential): void {
    this.change((rev) => this.put('credentials', credential, rev));
  }

  /** Whether the roster holds this row now (a removed one is a tombstone). */
  isLive(entity: RosterEntity, key: string): boolean {
    return this.read(entity, key) !== null;
  }

  /** Whether any child on the roster is in this group. */
  groupHasChildren(groupId: string): boolean {
    return this.liveChildInGroupStmt.get(groupId) !== undefined;
  }

  /**
   * A kiosk's roster change (records/roster-change.ts) under ONE new revision: rows put, rows removed as tombstones,
   * and with a removed child or companion every link they had, as the kiosk removed them.
   */
  applyKioskChange(change: { put?: { entity: RosterEntity; row: EntityRow<RosterEntity> }; remove?: { entity: RosterEntity; key: string } }): void {
    this.change((rev) => {
      if (change.put) this.put(change.put.entity, change.put.row, rev);
      const removed = change.remove;
      if (!removed || !this.read(removed.entity, removed.key)) return;
      this.putStmt.run(removed.entity, removed.key, null, rev);
      const linkField = removed.entity === 'children' ? 'childId' : removed.entity === 'companions' ? 'companionId' : null;
      if (linkField) for (const key of this.liveLinkKeys(linkField, removed.key)) this.putStmt.run('links', key, null, rev);
    });
  }

  /** A removal is a tombstone, so a kiosk that syncs later still learns of it. */
  remove(entity: RosterEntity, key: string): void {
    if (!this.read(entity, key)) throw new UnknownRosterEntryError(entity, key);
    this.change((rev) => this.putStmt.run(entity, key, null, rev));
  }

  /** A delta from a cursor this database issued, else a snapshot; read in one transaction so the cursor matches the rows. */
  reply(cursor: string | undefined): RosterReply {
    return this.db.transaction((): RosterReply => {
      const rev = this.revision();
      const since = decodeCursor(this.epoch, cursor, rev);
      const next = encodeCursor(this.epoch, rev);
      if (since === null) return { kind: 'snapshot', cursor: next, roster: this.snapshot() };
      return { kind: 'delta', cursor: next, changes: this.delta(since) };
    })();
  }

  snapshot(): RosterSnapshot {
    const kg = this.kindergartenStmt.get();
    if (!kg) throw new Error('the city database has no kindergarten');
    const snapshot: RosterSnapshot = {
      kindergarten: { id: kg.id, name: kg.name, demo: kg.demo === 1 },
      groups: [],
      children: [],
      companions: [],
      links: [],
      credentials: [],
      staff: [],
      cityKeys: [],
      settings: {},
    };
    const lists = snapshot as unknown as Record<RosterEntity, unknown[]>;
    for (const row of this.liveStmt.iterate()) {
      if (isEntity(row.entity)) lists[row.entity].push(JSON.parse(row.body ?? 'null'));
    }
    snapshot.settings = this.settings();
    snapshot.groups.sort((a, b) => a.sortOrder - b.sortOrder);
    return snapshot;
  }

  settings(): CitySettings {
    const settings: Record<string, unknown> = {};
    for (const row of this.settingsStmt.iterate()) settings[row.key] = JSON.parse(row.body);
    return CitySettingsSchema.parse(settings);
  }

  private delta(since: number): RosterDelta {
    const upserts: Partial<Record<RosterEntity, unknown[]>> = {};
    const removals: Partial<Record<RosterEntity, unknown[]>> = {};
    let settingsChanged = false;
    for (const row of this.sinceStmt.iterate(since)) {
      if (row.entity === SETTINGS) {
        settingsChanged = true;
        continue;
      }
      if (!isEntity(row.entity)) continue;
      if (row.body === null) (removals[row.entity] ??= []).push(removalKey(row.entity, row.key));
      else (upserts[row.entity] ??= []).push(JSON.parse(row.body));
    }
    const delta = { upserts, removals } as RosterDelta;
    if (settingsChanged) delta.settings = this.settings();
    return delta;
  }
}

function isEntity(entity: string): entity is RosterEntity {
  return (ROSTER_ENTITIES as readonly string[]).includes(entity);
}

function removalKey(entity: RosterEntity, key: string): unknown {
  if (entity !== 'links') return key;
  const [companionId, childId] = JSON.parse(key) as [string, string];
  return { companionId, childId };
}
