// The log's name search: which children and companions a query names, Kazakh letters folded (shared/staff/
// name-fold.ts: "алихан" finds "Әлихан"). Reading and folding a thousand names on every page would cost more than the
// page itself, so each table's names are read as one string built inside SQLite, and folded again only when that
// string changed: a roster update is seen at once, and an unchanged roster costs one short query.
import type { Database, Statement } from 'better-sqlite3';
import { foldName } from '../../../shared/staff/name-fold.js';

/** Separators that never occur in ids or names: unit and record separators. */
const UNIT = '\u001f';
const RECORD = '\u001e';

interface FoldedNames {
  text: string;
  people: { id: string; folded: string }[];
}

class FoldedTable {
  private readonly read: Statement<[], { text: string | null }>;
  private cache: FoldedNames = { text: '', people: [] };

  constructor(db: Database, table: 'children' | 'companions') {
    this.read = db.prepare(`SELECT group_concat(id || char(31) || first_name || ' ' || last_name, char(30)) AS text FROM ${table}`);
  }

  people(): { id: string; folded: string }[] {
    const text = this.read.get()?.text ?? '';
    if (text !== this.cache.text) {
      const people = text === '' ? [] : text.split(RECORD).map((record) => {
        const cut = record.indexOf(UNIT);
        return { id: record.slice(0, cut), folded: foldName(record.slice(cut + 1)) };
      });
      this.cache = { text, people };
    }
    return this.cache.people;
  }
}

export class NameSearch {
  private readonly children: FoldedTable;
  private readonly companions: FoldedTable;

  constructor(db: Database) {
    this.children = new FoldedTable(db, 'children');
    this.companions = new FoldedTable(db, 'companions');
  }

  /** Ids of the children and of the companions whose names hold every word of the query (in any order). */
  find(query: string): { childIds: string[]; companionIds: string[] } {
    const words = foldName(query).split(' ').filter((w) => w.length > 0);
    const matching = (people: { id: string; folded: string }[]) => people.filter((p) => words.every((w) => p.folded.includes(w))).map((p) => p.id);
    return { childIds: matching(this.children.people()), companionIds: matching(this.companions.people()) };
  }
}
