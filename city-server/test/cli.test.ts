// The CLI as a demo runs it: a real child process that prints its URL and a code that really enrolls.
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EnrollReplySchema } from '../../shared/sync/protocol.js';
import { kioskPublicKey, tempDir } from './fixtures.js';
import { call } from './http-client.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

async function startCli(faults: string): Promise<{ child: ChildProcess; url: string; code: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-dir', tempDir()], {
    env: { ...process.env, ESIK_CITY_FAULTS: faults },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const found = new Map<string, string>();
  if (!child.stdout) throw new Error('no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    const [key, value] = line.split(' ');
    if (key === 'CITY_URL' || key === 'ENROLLMENT_CODE') found.set(key, value ?? '');
    if (found.size === 2) break;
  }
  return { child, url: found.get('CITY_URL') ?? '', code: found.get('ENROLLMENT_CODE') ?? '' };
}

describe('city-server CLI', () => {
  it('prints CITY_URL and an ENROLLMENT_CODE that enrolls', async () => {
    const { url, code } = await startCli('');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const reply = await call(url, '/v1/enroll', { body: { enrollmentCode: code, publicKey: kioskPublicKey(), deviceName: 'Door 1', deviceId: randomUUID() } });
    expect(EnrollReplySchema.parse(reply.json).kindergartenId).toBe('kg-demo');
  });

  it('takes faults from ESIK_CITY_FAULTS and exits cleanly on SIGTERM', async () => {
    const { child, url } = await startCli('{"malformed":"not-json"}');
    const reply = await call(url, '/v1/hello');
    expect(reply.status).toBe(200);
    expect(reply.json).toBeUndefined();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
