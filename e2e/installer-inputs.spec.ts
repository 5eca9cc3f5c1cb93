// What the installers pack, after `npm run build` (npm run test:e2e builds first): every file electron-builder.yml
// names or the packed app loads is there. Where an Electron binary exists, `npm run dist -- --dir` makes the unpacked
// app; elsewhere that test is skipped with the reason printed.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { loadInstallerConfig, missingFiles, sourceFilesNamed } from '../scripts/installer-config.js';
import { electronBinary } from './support/electron-binary.js';
import { repoRoot } from './support/kiosk-host.js';

const PackageSchema = z.object({ main: z.string().regex(/^dist\//) }).loose();

test('the built app holds every file the installers pack and the Electron shell loads', async () => {
  const config = await loadInstallerConfig();
  expect(missingFiles(sourceFilesNamed(config))).toEqual([]);
  const { main } = PackageSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));
  const mainDir = dirname(main);
  // main.ts loads these beside itself: the preload, the renderer, and the three worker threads one folder up.
  const built = [
    main,
    join(mainDir, 'preload.cjs'),
    join(mainDir, '../renderer/index.html'),
    join(mainDir, '../sync-worker.mjs'),
    join(mainDir, '../chain-audit-worker.mjs'),
    join(mainDir, '../backup-worker.mjs'),
  ];
  expect(missingFiles(built), 'run `npm run build` first').toEqual([]);
  // The files list packs dist/ (without source maps) and package.json.
  const packed = config.files.flatMap((set) => (typeof set === 'string' ? [set] : 'filter' in set ? set.filter : []));
  expect(packed).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
});

const binary = electronBinary();
if (!binary.path) console.log(`[e2e] \`npm run dist -- --dir\` skipped: ${binary.reason}. It runs where an Electron binary is installed.`);

test('`npm run dist -- --dir` makes a runnable unpacked app', async () => {
  test.skip(!binary.path, `no unpacked app without an Electron binary: ${binary.reason}`);
  test.setTimeout(600_000);
  const electronDist = dirname(binary.path ?? '');
  // The local Electron, not a download: -c.electronDist.
  const run = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', '--dir', `-c.electronDist=${electronDist}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 540_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const config = await loadInstallerConfig();
  const unpacked = process.platform === 'win32' ? join(repoRoot, config.directories.output, 'win-unpacked') : join(repoRoot, config.directories.output, 'linux-unpacked');
  const executable = process.platform === 'win32' ? `${config.executableName}.exe` : config.executableName;
  expect(existsSync(join(unpacked, executable))).toBe(true);
  expect(existsSync(join(unpacked, 'resources', 'app.asar'))).toBe(true);
  expect(existsSync(join(unpacked, 'resources', 'resources', 'udev', '99-esik-rfid.rules'))).toBe(true);
  const help = spawnSync(join(unpacked, executable), ['--help'], { encoding: 'utf8', timeout: 60_000 });
  expect(help.stdout).toContain('Usage: esik');
});
