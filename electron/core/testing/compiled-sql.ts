// Test support: the SQL a connection compiled while some code ran, prepare() and pragma() alike (a pragma compiles its
// statement too). Work on a clock should compile none once warm: db/statement-cache.ts says why.
import type { Database } from 'better-sqlite3';

export function sqlCompiledDuring(db: Database, run: () => void): string[] {
  const compiled: string[] = [];
  const prepare = db.prepare.bind(db);
  const pragma = db.pragma.bind(db);
  // Own properties over the prototype's methods for the run; deleting them afterwards leaves the prototype's again.
  Object.assign(db, {
    prepare: (source: string) => {
      compiled.push(source);
      return prepare(source);
    },
    pragma: (source: string, options?: Parameters<Database['pragma']>[1]) => {
      compiled.push(`PRAGMA ${source}`);
      return pragma(source, options);
    },
  });
  try {
    run();
  } finally {
    Reflect.deleteProperty(db, 'prepare');
    Reflect.deleteProperty(db, 'pragma');
  }
  return compiled;
}
