// The one atomic write on a real folder: whole files, the kiosk user's mode, nothing left behind, the old file kept
// when the new one cannot be put in its place.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { tightenMode, writeFileAtomic } from './atomic-write.js';

const posix = process.platform !== 'win32';

describe('writeFileAtomic', () => {
  it('writes the whole file 0600 and leaves no temporary file', () => {
    const dir = tempDataDir();
    const path = join(dir, 'kiosk-link.txt');
    writeFileAtomic(path, 'first\n');
    writeFileAtomic(path, Buffer.from('second\n'));
    expect(readFileSync(path, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['kiosk-link.txt']);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('gives a file replacing a looser one the mode asked for', () => {
    if (!posix) return;
    const dir = tempDataDir();
    const path = join(dir, 'export.csv');
    writeFileSync(path, 'old', { mode: 0o644 });
    writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileAtomic(path, 'shared', { mode: 0o640 });
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('leaves the mode to the folder when asked not to force it (a stick whose FAT refuses a chmod)', () => {
    if (!posix) return;
    const dir = tempDataDir();
    const probe = join(dir, 'probe');
    writeFileSync(probe, 'p', { mode: 0o666 });
    const umasked = statSync(probe).mode & 0o777;
    const path = join(dir, 'stick.esikpeer');
    writeFileAtomic(path, 'sealed', { mode: 0o666, forceMode: false });
    expect(statSync(path).mode & 0o777).toBe(umasked);
    writeFileAtomic(path, 'sealed', { mode: 0o666 });
    expect(statSync(path).mode & 0o777).toBe(0o666);
  });

  it('keeps the old file, and no temporary one, when the new one cannot take its place', () => {
    const dir = tempDataDir();
    // A folder where the file should go: the rename fails after the data was written.
    const path = join(dir, 'taken');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'kept');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('kept');
  });

  it('fails with no file made when the folder is missing', () => {
    const dir = tempDataDir();
    expect(() => writeFileAtomic(join(dir, 'missing', 'file'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('tightenMode', () => {
  it('narrows a loosened mode and leaves a tight one alone', () => {
    if (!posix) return;
    const path = join(tempDataDir(), 'secret');
    writeFileSync(path, 's', { mode: 0o600 });
    chmodSync(path, 0o644);
    tightenMode(path, 0o600);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o400);
    tightenMode(path, 0o600);
    expect(statSync(path).mode & 0o777).toBe(0o400);
  });
});
