// Two-core tests' common steps: a core opened and closed with its test, a staff sign-in, and a file's rows read
// through a connection of the test's own (as a second program would hold one).
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { KioskCore, type KioskCoreOptions } from '../kiosk-core.js';
import { value } from '../setup/testing/setup-kit.js';

/** A core that opened ready, closed (its worker threads stopped) when the test ends. */
export function startedCore(options: KioskCoreOptions): KioskCore {
  const core = new KioskCore(options);
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  const status = core.handlers.getStatus({});
  if (!status.ok || status.value.state !== 'ready') throw new Error(`the core did not open: ${JSON.stringify(status)}`);
  return core;
}

/** The session of a staff member signed in with a PIN; any other outcome throws with what it was. */
export async function signedIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const answer = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin }));
  if (answer.outcome !== 'signed-in') throw new Error(`${staffId} could not sign in: ${JSON.stringify(answer)}`);
  return answer.session.sessionId;
}

/** A query's rows in a data folder's file, as JSON text to compare across machines. */
export function rowsOf(dir: string, sql: string): string {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    return JSON.stringify(db.prepare(sql).all());
  } finally {
    db.close();
  }
}
