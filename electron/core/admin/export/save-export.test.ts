import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../testing/fixtures.js';
import { exportsDirOf } from './exports-dir.js';
import { saveExportAs, type SaveFileAs } from './save-export.js';

/** What the Electron shell does after its dialog: copies the file to the chosen place (here a fixed folder). */
function savingInto(folder: string): SaveFileAs {
  return (source, name) => {
    const target = join(folder, name);
    copyFileSync(source, target);
    return Promise.resolve(target);
  };
}

function withExport(name: string, body: string): string {
  const dataDir = tempDataDir();
  mkdirSync(exportsDirOf(dataDir), { recursive: true });
  writeFileSync(join(exportsDirOf(dataDir), name), body);
  return dataDir;
}

describe('saving an export where the head chooses', () => {
  it('copies the export to the chosen place and says where', async () => {
    const dataDir = withExport('tabel-2026-12.csv', 'a;b\n');
    const stick = tempDataDir();
    const result = await saveExportAs(dataDir, 'tabel-2026-12.csv', savingInto(stick));
    expect(result).toEqual({ ok: true, value: { savedTo: join(stick, 'tabel-2026-12.csv') } });
    expect(readFileSync(join(stick, 'tabel-2026-12.csv'), 'utf8')).toBe('a;b\n');
  });

  it('answers null when the dialog is cancelled', async () => {
    const dataDir = withExport('x.pdf', '%PDF');
    expect(await saveExportAs(dataDir, 'x.pdf', () => Promise.resolve(null))).toEqual({ ok: true, value: { savedTo: null } });
  });

  it('refuses names that are not exports, files that are not there, and shells with no dialog', async () => {
    const dataDir = withExport('x.pdf', '%PDF');
    const never: SaveFileAs = () => Promise.reject(new Error('must not be asked'));
    expect(await saveExportAs(dataDir, '../esik.sqlite', never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await saveExportAs(dataDir, 'y.pdf', never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await saveExportAs(dataDir, 'x.pdf', null)).toMatchObject({ ok: false, error: { code: 'SAVE_UNAVAILABLE' } });
  });

  it('says why when the copy fails (a full or pulled-out stick)', async () => {
    const dataDir = withExport('x.pdf', '%PDF');
    const full: SaveFileAs = () => Promise.reject(new Error('ENOSPC: no space left on device'));
    expect(await saveExportAs(dataDir, 'x.pdf', full)).toEqual({ ok: false, error: { code: 'SAVE_FAILED', detail: 'ENOSPC: no space left on device' } });
  });
});
