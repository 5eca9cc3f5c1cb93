// The start count on real files in a data folder: failed starts add up, a good start clears them, old ones age out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { beginStart, clearStarts, CRASH_LOOP_LIMITS, oneLine, START_ATTEMPTS_FILE, startFailed } from './start-attempts.js';
import { recoveryPageHtml } from './recovery-page.js';

const T0 = Date.parse('2026-12-03T06:00:00Z');
const MINUTE = 60_000;

describe('the start count', () => {
  it('ends on the recovery verdict after three failed starts within ten minutes, with the last error', () => {
    const dir = tempDataDir();
    expect(beginStart(dir, T0)).toEqual({ kind: 'start' });
    startFailed(dir, new Error('listen EADDRINUSE: address already in use 127.0.0.1:8080'));
    expect(beginStart(dir, T0 + MINUTE)).toEqual({ kind: 'start' });
    expect(beginStart(dir, T0 + 2 * MINUTE)).toEqual({ kind: 'start' });
    startFailed(dir, Object.assign(new TypeError('cannot read\n  the   thing'), { code: 'X' }));
    expect(beginStart(dir, T0 + 3 * MINUTE)).toEqual({ kind: 'recover', failedStarts: 3, sinceMs: T0, lastError: 'TypeError: cannot read the thing' });
    // The recovery start itself is not counted: the screen stays the same however often it is shown.
    expect(beginStart(dir, T0 + 4 * MINUTE)).toMatchObject({ kind: 'recover', failedStarts: 3 });
    expect(JSON.parse(readFileSync(join(dir, START_ATTEMPTS_FILE), 'utf8'))).toMatchObject({ starts: [T0, T0 + MINUTE, T0 + 2 * MINUTE] });
  });

  it('starts again once the failed starts are older than the window, or cleared by a good start or "try again"', () => {
    const dir = tempDataDir();
    for (let i = 0; i < 3; i++) beginStart(dir, T0 + i * MINUTE);
    expect(beginStart(dir, T0 + 5 * MINUTE).kind).toBe('recover');
    expect(beginStart(dir, T0 + CRASH_LOOP_LIMITS.windowMs + MINUTE + 1).kind).toBe('start');
    clearStarts(dir);
    for (let i = 0; i < 2; i++) beginStart(dir, T0 + 20 * MINUTE + i);
    expect(beginStart(dir, T0 + 21 * MINUTE).kind).toBe('start');
  });

  it('reads a damaged count as no evidence of a loop', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, START_ATTEMPTS_FILE), '{"starts": "many"}');
    expect(beginStart(dir, T0)).toEqual({ kind: 'start' });
    expect(oneLine('x'.repeat(1000))).toHaveLength(300);
  });

  it('writes a recovery page in kk, ru and en with the last error escaped, and no script', () => {
    const html = recoveryPageHtml({ failedStarts: 3, sinceMs: T0, lastError: 'Error: <script>alert(1)</script>', logsDir: '/data/logs', retryAction: '/retry' });
    expect(html).toContain('Esik іске қосыла алмады');
    expect(html).toContain('Esik не удалось запустить');
    expect(html).toContain('Esik could not start');
    expect(html).toContain('Error: &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script');
    expect(html.match(/action="\/retry"/g)).toHaveLength(3);
    expect(html).toContain('/data/logs');
    expect(html).toContain('Backups and restore');
  });
});
