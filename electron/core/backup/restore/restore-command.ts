// `esik restore`: restoring a verified copy from the command line, for a kiosk that cannot start (the web host's
// `node dist/web/cli.mjs restore …` and the Electron app's `esik restore …`). The same steps as the console's
// (restore-copy.ts): the copy checked again, the admin's PIN checked against the copy's admins, the records put aside,
// the copy put in place with its anchor, and the restore in the admin audit. The kiosk must not be running meanwhile.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import type { CopyChoice, RestorableCopy } from '../../../../shared/admin/restore-contract.js';
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import { openDatabase } from '../../db/open-database.js';
import { SettingsStore } from '../../ledger/settings-store.js';
import type { SecretStore } from '../../files/secret-store.js';
import { ensurePinPepper } from '../../staff/pin-pepper.js';
import { copyBeforeMigration } from '../pre-migration-copy.js';
import { messageOf, prepareRestore, putCopyInPlace, recordRestore } from './restore-copy.js';
import { restorableCopies } from './restorable-copies.js';

export const RESTORE_USAGE = `Usage: esik restore [--data-dir <folder>] [--second-place <folder>] (--list | --newest | --copy <file>)

Restores the kiosk's records from a verified copy while the kiosk is stopped. The records in use are moved to
<data folder>/set-aside/<time>/ (never deleted), the copy is checked again and put in their place.

  --list                  list the copies, newest first (the kiosk's own in <data folder>/backups/, and the encrypted
                          ones of --second-place)
  --newest                restore the newest verified copy of this kiosk
  --copy <file>           restore the copy of that name (a .esikbak file is read from --second-place)
  --data-dir <folder>     the kiosk's data folder (default: the platform's, or ESIK_DATA_DIR)
  --second-place <folder> the second place's folder (the USB stick or share holding esik-backups/)

The admin's PIN is asked for (read from standard input), and checked against the admins of the copy; an encrypted
copy asks for the recovery passphrase next.`;

export interface RestoreCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks one question and answers the line typed (or the next line of a piped standard input); null at its end. */
  ask: (question: string) => Promise<string | null>;
  /** The data folder when --data-dir is not given. */
  defaultDataDir: string;
  /** The install's secrets (the PIN pepper): the Electron shell's sealed store, or the files in the data folder. */
  secrets: (dataDir: string) => SecretStore;
  nativeBinding: string | null;
  now: () => Date;
}

/** Runs `restore …` and answers the exit code: 0 done, 1 refused or failed, 2 a wrong command line. */
export async function runRestoreCommand(args: string[], io: RestoreCommandIo): Promise<number> {
  let values: { 'data-dir'?: string | undefined; 'second-place'?: string | undefined; list?: boolean | undefined; newest?: boolean | undefined; copy?: string | undefined; help?: boolean | undefined };
  try {
    values = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        'second-place': { type: 'string' },
        list: { type: 'boolean' },
        newest: { type: 'boolean' },
        copy: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`esik restore: ${messageOf(error)}`);
    io.err(RESTORE_USAGE);
    return 2;
  }
  if (values.help) {
    io.out(RESTORE_USAGE);
    return 0;
  }
  const asked = [values.list, values.newest, values.copy !== undefined].filter(Boolean).length;
  if (asked !== 1) {
    io.err('esik restore: say one of --list, --newest or --copy <file>');
    io.err(RESTORE_USAGE);
    return 2;
  }
  const dataDir = values['data-dir'] ?? io.defaultDataDir;
  const secondPlace = values['second-place'] ?? null;
  const listed = restorableCopies(dataDir, secondPlace, (file, why) => io.err(`esik restore: ${file} skipped: ${why}`));
  if (values.list) {
    if (listed.secondPlace === 'unreachable') io.err(`esik restore: the second place ${secondPlace ?? ''} cannot be read; only the kiosk's own copies are listed`);
    if (listed.copies.length === 0) {
      io.out(`No verified copy in ${join(dataDir, 'backups')}${secondPlace ? ` or ${secondPlace}` : ''}.`);
      return 1;
    }
    for (const copy of listed.copies) io.out(describe(copy));
    return 0;
  }
  const choice: CopyChoice | null = values.newest
    ? (listed.copies.filter((c) => c.source === 'local').map((c) => ({ source: c.source, file: c.file }))[0] ?? null)
    : { source: values.copy?.endsWith('.esikbak') ? 'second-place' : 'local', file: values.copy ?? '' };
  if (choice === null) {
    io.err(`esik restore: RESTORE_COPY_NOT_FOUND: no verified copy in ${join(dataDir, 'backups')}`);
    return 1;
  }
  return restore(dataDir, secondPlace, choice, io);
}

async function restore(dataDir: string, secondPlace: string | null, choice: CopyChoice, io: RestoreCommandIo): Promise<number> {
  const pin = (await io.ask('Admin PIN: '))?.trim() ?? '';
  const passphrase = choice.source === 'second-place' ? await io.ask('Recovery passphrase: ') : null;
  const places = { dataDir, databasePath: join(dataDir, 'esik.sqlite'), secondPlace, nativeBinding: io.nativeBinding };
  const secrets = io.secrets(dataDir);
  const prepared = await prepareRestore(places, { choice, pin, passphrase, pepper: () => ensurePinPepper(secrets, dataDir, false) });
  if (!prepared.ok) {
    io.err(`esik restore: ${prepared.error.code}${prepared.error.detail ? `: ${prepared.error.detail}` : ''}`);
    return 1;
  }
  const now = io.now();
  const placed = putCopyInPlace(places, prepared.value, now.getTime(), 'command-line');
  if (!placed.ok) {
    io.err(`esik restore: ${placed.error.code}: ${placed.error.detail ?? ''}`);
    return 1;
  }
  const outcome = { copy: prepared.value.copy, setAside: placed.value.setAside };
  io.out(`Restored ${describe(outcome.copy)}`);
  io.out(`The records in use before are in ${join(dataDir, outcome.setAside)}`);
  try {
    // Opened as the kiosk opens it (an older copy is migrated, with its own copy first), to keep the restore in the audit.
    const db = openDatabase(places.databasePath, {
      ...(io.nativeBinding ? { nativeBinding: io.nativeBinding } : {}),
      beforeMigration: (opening, { from, to }) => copyBeforeMigration(opening, { dataDir, from, to, nowMs: now.getTime(), nativeBinding: io.nativeBinding }),
    });
    try {
      recordRestore(db, prepared.value, outcome, 'command-line', toLocalTime(now, SettingsStore.of(db).get('timeZone') ?? undefined));
    } finally {
      db.close();
    }
  } catch (error) {
    io.err(`esik restore: the copy is in place, but the restore could not be written to the admin audit: ${messageOf(error)}`);
  }
  return 0;
}

/** One line per copy: time (UTC), kind, place, what it holds, file name. */
function describe(copy: RestorableCopy): string {
  const holds = copy.counts ? `${copy.counts.events} records, ${copy.counts.children} children, head ${copy.head?.seq ?? 0}` : 'contents known once decrypted';
  return `${copy.takenAt}  ${copy.kind.padEnd(13)}  ${copy.source === 'local' ? 'local       ' : 'second place'}  ${holds}  ${copy.file}`;
}
