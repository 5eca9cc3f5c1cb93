import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { ARCHIVE_COPIES_FOLDER, copyArchiveFiles } from './archive-copies.js';
import { decryptFile, deriveBackupKey } from './backup-crypto.js';
import { backupsDir } from './backup-manifest.js';

describe('the backups cover the yearly archive files', () => {
  it('copies each archive file once into backups/archive and, encrypted, into the second place', async () => {
    const dataDir = tempDataDir();
    const stick = tempDataDir();
    mkdirSync(join(dataDir, ARCHIVE_COPIES_FOLDER));
    const archive = join(dataDir, ARCHIVE_COPIES_FOLDER, 'esik-2020.sqlite');
    writeFileSync(archive, Buffer.from('SQLite format 3\u0000 the year 2020'));
    writeFileSync(join(dataDir, ARCHIVE_COPIES_FOLDER, 'esik-2021.sqlite.partial'), 'half-written');
    const passphrase = 'a long recovery passphrase';
    const key = await deriveBackupKey(passphrase, new Date(), { log2N: 10, r: 8, p: 1 });
    const secondPlace = { folder: join(stick, 'esik-backups', 'door', ARCHIVE_COPIES_FOLDER), key };
    const lines: string[] = [];

    expect(await copyArchiveFiles({ dataDir, secondPlace, log: (l) => lines.push(l) })).toEqual({ local: ['esik-2020.sqlite'], secondPlace: ['esik-2020.sqlite'] });
    expect(readFileSync(join(backupsDir(dataDir), ARCHIVE_COPIES_FOLDER, 'esik-2020.sqlite'))).toEqual(readFileSync(archive));
    const restored = join(stick, 'restored.sqlite');
    await decryptFile(join(secondPlace.folder, 'esik-2020.sqlite.esikbak'), restored, passphrase);
    expect(readFileSync(restored)).toEqual(readFileSync(archive));

    // Immutable files: the next backup takes nothing again.
    expect(await copyArchiveFiles({ dataDir, secondPlace, log: (l) => lines.push(l) })).toEqual({ local: [], secondPlace: [] });
    expect(lines).toEqual([]);
  });
});
