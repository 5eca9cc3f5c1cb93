// The guard in real processes: a start that dies on an uncaught error leaves its error for the recovery screen, a
// clean stop clears the count, and after three failed starts the next one is told to recover.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { START_ATTEMPTS_FILE } from './start-attempts.js';

const SCRIPT = join(import.meta.dirname, 'testing', 'guarded-start.ts');

function start(dataDir: string, how: 'throw' | 'exit' | 'none') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, dataDir, how], { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, verdict: /^VERDICT (\S+)$/m.exec(run.stdout)?.[1] };
}

describe('the crash-loop guard in real processes', () => {
  it('keeps the error a failed start died of, clears the count on a clean stop, and tells the fourth start to recover', () => {
    const dataDir = tempDataDir();
    expect(start(dataDir, 'exit')).toEqual({ status: 0, verdict: 'start' });
    expect(existsSync(join(dataDir, START_ATTEMPTS_FILE))).toBe(false);
    for (let i = 0; i < 3; i++) expect(start(dataDir, 'throw')).toEqual({ status: 1, verdict: 'start' });
    expect(JSON.parse(readFileSync(join(dataDir, START_ATTEMPTS_FILE), 'utf8'))).toMatchObject({ lastError: 'Error: the records folder is not what it should be' });
    expect(start(dataDir, 'none')).toEqual({ status: 0, verdict: 'recover' });
  });
});
