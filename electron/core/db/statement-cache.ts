// Statements compiled once per connection for the code that runs on a clock. better-sqlite3 compiles SQL anew at every
// prepare(), and the compiled program lives in native memory until V8 collects its Statement object, which an idle
// kiosk does minutes apart: the clock's jobs (every five seconds on the core's thread, every ten on the peer worker's)
// left about a thousand programs, 1.6 MB of native memory, waiting for each collection (heaptrack: a saw-tooth of the
// idle host's malloc'd memory, flat once they were kept). A statement kept for the connection's life costs its few
// kilobytes once.
//
// Only for statements run with get(), all() and run(): an iterate() in progress holds its statement, and pluck() or
// raw() would change it for every other caller of the same SQL.
import type { Database, Statement } from 'better-sqlite3';

export class StatementCache {
  private readonly bySql = new Map<string, Statement<unknown[], unknown>>();

  constructor(private readonly db: Database) {}

  /** The connection's statement for `sql`, compiled at its first use. */
  get<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let statement = this.bySql.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.bySql.set(sql, statement);
    }
    // The map holds statements of every shape; each SQL text is only ever asked for with its own parameters and row.
    return statement as unknown as Statement<P, R>;
  }
}
