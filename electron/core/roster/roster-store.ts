// Writes a whole roster into the roster tables and answers the door's look-ups from them.
import type { Database } from 'better-sqlite3';
import type { Roster } from '../../../shared/domain/roster.js';

export interface CredentialRow {
  id: string;
  companion_id: string;
  /** Bumped when the credential is re-issued; QR codes of an older version are refused. */
  version: number;
  revoked_at: string | null;
}

export interface CompanionRow {
  id: string;
  first_name: string;
}

export interface LinkedChildRow {
  id: string;
  first_name: string;
  group_name: string;
  may_bring: 0 | 1;
  may_collect: 0 | 1;
  blocked: 0 | 1;
}

export class RosterStore {
  private readonly credentialByValue;
  private readonly companionById;
  private readonly childrenOfCompanion;
  /** Read at every QR code the door checks (whose kindergarten signed it). */
  private readonly kindergartenRow;

  constructor(private readonly db: Database) {
    this.credentialByValue = db.prepare<[string, string], CredentialRow>(
      'SELECT id, companion_id, version, revoked_at FROM credentials WHERE kind = ? AND value = ?',
    );
    this.companionById = db.prepare<[string], CompanionRow>('SELECT id, first_name FROM companions WHERE id = ?');
    this.childrenOfCompanion = db.prepare<[string], LinkedChildRow>(
      `SELECT c.id, c.first_name, g.name AS group_name, l.may_bring, l.may_collect, l.blocked
         FROM companion_children l
         JOIN children c ON c.id = l.child_id AND c.active = 1
         JOIN groups g ON g.id = c.group_id
        WHERE l.companion_id = ?
        ORDER BY g.sort_order, c.first_name`,
    );
    this.kindergartenRow = db.prepare<[], { id: string; name: string; demo: 0 | 1 }>('SELECT id, name, demo FROM kindergarten LIMIT 1');
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM kindergarten LIMIT 1').get() === undefined;
  }

  credential(kind: 'rfid' | 'qr', value: string): CredentialRow | undefined {
    return this.credentialByValue.get(kind, value);
  }

  companion(id: string): CompanionRow | undefined {
    return this.companionById.get(id);
  }

  childrenOf(companionId: string): LinkedChildRow[] {
    return this.childrenOfCompanion.all(companionId);
  }

  kindergarten(): { id: string; name: string; demo: boolean } | undefined {
    const row = this.kindergartenRow.get();
    return row && { id: row.id, name: row.name, demo: row.demo === 1 };
  }

  /** Inserts a roster into empty roster tables, in one transaction. */
  seed(roster: Roster): void {
    const db = this.db;
    db.transaction(() => {
      const k = roster.kindergarten;
      db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, ?)').run(k.id, k.name, k.demo ? 1 : 0);
      const group = db.prepare('INSERT INTO groups (id, name, sort_order) VALUES (?, ?, ?)');
      for (const g of roster.groups) group.run(g.id, g.name, g.sortOrder);
      const child = db.prepare('INSERT INTO children (id, group_id, first_name, last_name) VALUES (?, ?, ?, ?)');
      for (const c of roster.children) child.run(c.id, c.groupId, c.firstName, c.lastName);
      const companion = db.prepare('INSERT INTO companions (id, first_name, last_name, relation) VALUES (?, ?, ?, ?)');
      for (const c of roster.companions) companion.run(c.id, c.firstName, c.lastName, c.relation);
      const link = db.prepare(
        'INSERT INTO companion_children (companion_id, child_id, may_bring, may_collect, blocked) VALUES (?, ?, ?, ?, ?)',
      );
      for (const l of roster.links) link.run(l.companionId, l.childId, +l.mayBring, +l.mayCollect, +l.blocked);
      const credential = db.prepare(
        'INSERT INTO credentials (id, companion_id, kind, value, version, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const c of roster.credentials) credential.run(c.id, c.companionId, c.kind, c.value, c.version, c.revokedAt);
      const staff = db.prepare('INSERT INTO staff (id, first_name, last_name, role) VALUES (?, ?, ?, ?)');
      for (const s of roster.staff) staff.run(s.id, s.firstName, s.lastName, s.role);
    }).immediate();
  }
}
