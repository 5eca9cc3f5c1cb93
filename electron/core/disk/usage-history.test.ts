import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { folderBytes, USAGE_FILE, UsageHistory } from './usage-history.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('the data folder usage history', () => {
  it('samples once an hour, tells the growth per day once a day is kept, and survives a restart', () => {
    const dir = tempDataDir();
    const history = new UsageHistory(dir, () => undefined);
    let bytes = 1_000_000;
    const t0 = Date.parse('2026-11-01T00:00:00Z');
    for (let h = 0; h <= 48; h++) {
      bytes += 10_000;
      history.sample(t0 + h * HOUR, () => bytes);
      // A second look in the same hour adds nothing.
      history.sample(t0 + h * HOUR + 60_000, () => 0);
    }
    expect(history.growthPerDay()).toBeCloseTo(240_000, 0);
    expect(JSON.parse(readFileSync(join(dir, USAGE_FILE), 'utf8'))).toHaveLength(49);
    expect(new UsageHistory(dir, () => undefined).growthPerDay()).toBeCloseTo(240_000, 0);
  });

  it('knows no rate before a day of history, never a negative one, and drops samples from a clock set back', () => {
    const dir = tempDataDir();
    const history = new UsageHistory(dir, () => undefined);
    const t0 = Date.parse('2026-11-01T00:00:00Z');
    history.sample(t0, () => 5_000_000);
    history.sample(t0 + 3 * HOUR, () => 6_000_000);
    expect(history.growthPerDay()).toBeNull();
    history.sample(t0 + 2 * DAY, () => 1_000_000);
    expect(history.growthPerDay()).toBe(0);
    history.sample(t0 - DAY, () => 1_000_000);
    expect(history.growthPerDay()).toBeNull();
  });

  it('starts a new history over a damaged file, saying so', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, USAGE_FILE), '{"not": "samples"}');
    const lines: string[] = [];
    expect(new UsageHistory(dir, (l) => lines.push(l)).growthPerDay()).toBeNull();
    expect(lines.join('\n')).toContain('DISK_USAGE_INVALID');
  });

  it('counts the files below the data folder (records, copies, logs)', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'a'), Buffer.alloc(1000));
    mkdirSync(join(dir, 'backups', 'failed'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'b'), Buffer.alloc(2000));
    writeFileSync(join(dir, 'backups', 'failed', 'c'), Buffer.alloc(3000));
    expect(folderBytes(dir)).toBe(6000);
  });
});
