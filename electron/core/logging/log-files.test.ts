import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLogFiles, pruneLogFiles } from './log-files.js';

const now = Date.parse('2026-12-03T10:00:00.000Z');

function folderWith(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'esik-logs-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), 'x'.repeat(bytes));
  return dir;
}

describe('the log folder', () => {
  it('lists the kiosk log files oldest first, numbered parts in order, and nothing else', () => {
    const dir = folderWith({ 'esik-2026-12-02.1.log': 1, 'esik-2026-12-02.log': 1, 'esik-2026-11-30.log': 1, 'notes.txt': 1, 'esik-2026-12-02.10.log': 1 });
    expect(listLogFiles(dir).map((f) => f.name)).toEqual(['esik-2026-11-30.log', 'esik-2026-12-02.log', 'esik-2026-12-02.1.log', 'esik-2026-12-02.10.log']);
  });

  it('keeps 30 days: the file of 30 days ago goes, the one of 29 days ago and today stay, other files are left alone', () => {
    const dir = folderWith({ 'esik-2026-11-03.log': 10, 'esik-2026-11-03.1.log': 10, 'esik-2026-11-04.log': 10, 'esik-2026-12-03.log': 10, 'readme.txt': 1 });
    expect(pruneLogFiles(dir, now, 'esik-2026-12-03.log')).toEqual(['esik-2026-11-03.log', 'esik-2026-11-03.1.log']);
    expect(readdirSync(dir).sort()).toEqual(['esik-2026-11-04.log', 'esik-2026-12-03.log', 'readme.txt']);
  });

  it('removes the oldest files past the total size, never the file being written', () => {
    const dir = folderWith({ 'esik-2026-12-01.log': 400, 'esik-2026-12-02.log': 400, 'esik-2026-12-03.log': 400 });
    expect(pruneLogFiles(dir, now, 'esik-2026-12-03.log', { keepDays: 30, maxTotalBytes: 900 })).toEqual(['esik-2026-12-01.log']);
    expect(pruneLogFiles(dir, now, 'esik-2026-12-03.log', { keepDays: 30, maxTotalBytes: 100 })).toEqual(['esik-2026-12-02.log']);
    expect(readdirSync(dir)).toEqual(['esik-2026-12-03.log']);
  });
});
