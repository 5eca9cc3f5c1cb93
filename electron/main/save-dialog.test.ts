// "Save as…" against the stand-in dialog: the copy goes where the head chose, over the kiosk window; cancel copies nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../core/testing/fixtures.js';
import { electronSaveFileAs } from './save-dialog.js';
import { electronFake, FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

describe('saving an export where the head chooses', () => {
  it('asks over the kiosk window, starting in Documents with the format filter, and copies the export there', async () => {
    const dir = tempDataDir();
    const source = join(dir, 'tabel.xlsx');
    writeFileSync(source, 'xlsx bytes');
    mkdirSync(join(dir, 'stick'));
    const win = new FakeBrowserWindow();
    electronFake.app.paths.documents = join(dir, 'Documents');
    electronFake.dialog.answer = { canceled: false, filePath: join(dir, 'stick', 'табель.xlsx') };
    expect(await electronSaveFileAs(source, 'табель.xlsx')).toBe(join(dir, 'stick', 'табель.xlsx'));
    expect(readFileSync(join(dir, 'stick', 'табель.xlsx'), 'utf8')).toBe('xlsx bytes');
    expect(electronFake.dialog.asked).toEqual([[win, { defaultPath: join(dir, 'Documents', 'табель.xlsx'), filters: [{ name: 'Excel', extensions: ['xlsx'] }] }]]);
  });

  it('copies nothing when the dialog is cancelled', async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'a.csv'), 'x');
    electronFake.dialog.answer = { canceled: true };
    expect(await electronSaveFileAs(join(dir, 'a.csv'), 'a.csv')).toBeNull();
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });
});
