// Starts the built web host (dist/web/cli.mjs) as its own process on a fresh data folder and waits for its URL line.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningHost {
  url: string;
  dataDir: string;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startKioskHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'dist/web/cli.mjs'), '--no-window', '--data-dir', dataDir, ...extraArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /^ESIK_URL (\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    databasePath: join(dataDir, 'esik.sqlite'),
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
