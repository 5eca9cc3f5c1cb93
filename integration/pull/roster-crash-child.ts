// A kiosk process that applies one big roster snapshot and may be killed at any moment (roster-crash.test.ts).
// Prints PARSE <ms> (how long validating the reply takes, before the transaction opens), READY, then APPLIED <ms>.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { applyRosterReply } from '../../electron/core/roster/roster-apply.js';
import { RosterReplySchema } from '../../shared/sync/protocol.js';

const dbPath = process.env.ESIK_DB;
const snapshotPath = process.env.ESIK_SNAPSHOT;
if (!dbPath || !snapshotPath) throw new Error('ESIK_DB and ESIK_SNAPSHOT are needed');

const db = openDatabase(dbPath);
const reply: unknown = JSON.parse(readFileSync(snapshotPath, 'utf8'));
const parseStarted = performance.now();
RosterReplySchema.parse(reply);
process.stdout.write(`PARSE ${Math.round(performance.now() - parseStarted)}\n`);
process.stdout.write('READY\n');
const started = performance.now();
applyRosterReply(db, reply, { now: new Date('2026-11-23T03:12:00.000Z'), kindergartenId: null });
process.stdout.write(`APPLIED ${Math.round(performance.now() - started)}\n`);
db.close();
