import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingLogFile } from './rotating-log-file.js';

function clockAt(iso: string) {
  let ms = Date.parse(iso);
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('RotatingLogFile', () => {
  it('writes each line at once into the UTC day file, 0600, and starts a new file when the day ends', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'esik-roll-')), 'logs');
    const clock = clockAt('2026-12-03T23:59:59.000Z');
    const file = new RotatingLogFile({ dir, now: clock.now });
    file.write('one\n');
    // On disk before any close: a crash right after loses nothing.
    expect(read(dir, 'esik-2026-12-03.log')).toBe('one\n');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'esik-2026-12-03.log')).mode & 0o777).toBe(0o600);
    clock.advance(1_000);
    file.write('two\n');
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['esik-2026-12-03.log', 'esik-2026-12-04.log']);
    expect(read(dir, 'esik-2026-12-04.log')).toBe('two\n');
  });

  it('goes on in the day file after a restart, and starts the next part of the day once a file is full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esik-roll-'));
    const clock = clockAt('2026-12-03T08:00:00.000Z');
    const first = new RotatingLogFile({ dir, now: clock.now, maxFileBytes: 10 });
    first.write('12345\n');
    first.close();
    const second = new RotatingLogFile({ dir, now: clock.now, maxFileBytes: 10 });
    second.write('67890\n');
    second.write('abc\n');
    second.close();
    expect(read(dir, 'esik-2026-12-03.log')).toBe('12345\n67890\n');
    expect(read(dir, 'esik-2026-12-03.1.log')).toBe('abc\n');
  });

  it('drops lines the disk refuses without throwing, and says how many once writing works again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esik-roll-'));
    const clock = clockAt('2026-12-03T23:00:00.000Z');
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    symlinkSync('/dev/full', join(dir, 'esik-2026-12-03.log'));
    const file = new RotatingLogFile({ dir, now: clock.now });
    expect(() => {
      file.write('lost 1\n');
      file.write('lost 2\n');
    }).not.toThrow();
    unlinkSync(join(dir, 'esik-2026-12-03.log'));
    clock.advance(60 * 60 * 1000);
    file.write('back\n');
    file.close();
    const lines = read(dir, 'esik-2026-12-04.log').trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ component: 'logging', msg: '2 log lines were lost while the disk refused writes' });
    expect(lines[1]).toBe('back');
  });
});
