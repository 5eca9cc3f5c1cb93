// A kiosk that fails to start again and again (its port is taken, so the built web host exits at every start) ends on
// the recovery screen instead of trying forever: what happened, the last error, where the logs are, how to restore,
// and "try again", which starts the kiosk once the cause is gone.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './support/kiosk-host.js';

const CLI = join(repoRoot, 'dist/web/cli.mjs');

function takePort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

test('three failed starts end on the recovery screen; "try again" starts the kiosk once the cause is gone', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  const taken = await takePort();
  const args = [CLI, '--no-window', '--data-dir', dataDir, '--port', String(taken.port)];
  const env = { ...process.env, ESIK_LOG_ECHO: '0' };
  try {
    // Each start fails for real: the host cannot listen on its port.
    for (let i = 0; i < 3; i++) {
      const failed = spawnSync(process.execPath, args, { cwd: repoRoot, env, encoding: 'utf8', timeout: 20_000 });
      expect(failed.status, failed.stderr).not.toBe(0);
      expect(failed.stderr).toContain('EADDRINUSE');
    }

    // The fourth start does not start the kiosk: it serves the recovery screen.
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const looks = new Set<() => void>();
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const look of looks) look();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const waitFor = (pattern: RegExp): Promise<string> =>
      new Promise((resolve, reject) => {
        const look = (): void => {
          const found = pattern.exec(output)?.[1];
          if (found === undefined) return;
          looks.delete(look);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          looks.delete(look);
          reject(new Error(`no ${String(pattern)} in 20 s:\n${output}`));
        }, 20_000);
        looks.add(look);
        look();
      });
    try {
      const recoveryUrl = await waitFor(/^ESIK_RECOVERY_URL (\S+)$/m);
      expect(output).not.toContain('ESIK_URL');

      // A page from elsewhere cannot press "try again" for the person at the kiosk.
      const forged = await fetch(`${recoveryUrl}retry`, { method: 'POST', headers: { Origin: 'http://evil.example' } });
      expect(forged.status).toBe(403);

      await page.goto(recoveryUrl);
      await expect(page.getByTestId('recovery-screen')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Esik іске қосыла алмады' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Esik не удалось запустить' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Esik could not start' })).toBeVisible();
      await expect(page.getByTestId('recovery-en')).toContainText('failed to start 3 times');
      await expect(page.getByTestId('recovery-last-error').first()).toContainText('EADDRINUSE');
      await expect(page.getByTestId('recovery-en')).toContainText(join(dataDir, 'logs'));
      await expect(page.getByTestId('recovery-en')).toContainText('Backups and restore');

      // The cause goes away (the port is free again); "try again" starts the kiosk.
      await new Promise<void>((resolve) => taken.server.close(() => resolve()));
      await page.getByTestId('recovery-en').getByTestId('recovery-try-again').click();
      await expect(page.getByTestId('recovery-trying-again')).toBeVisible();
      const kioskUrl = await waitFor(/^ESIK_URL (\S+)$/m);
      expect(kioskUrl).toBe(`http://127.0.0.1:${taken.port}/`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  } finally {
    if (taken.server.listening) taken.server.close();
  }
});
