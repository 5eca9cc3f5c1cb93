// "Start afresh": the demo's records file, with its -wal, -shm, anchor and damage marker, renamed into
// <dataDir>/set-aside/demo-<time>/ (kept, never deleted), and a marker in the data folder so that no shell ever fills
// this folder with the demo again (npm start would, on an empty database).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { syncFolder, writeFileAtomic } from './atomic-write.js';

const MARKER = 'demo-set-aside.json';
const SUFFIXES = ['', '-wal', '-shm', '-journal', '.anchor', '.damaged'];

/** The folder inside which each put-aside demo gets its own demo-<time>/ folder (the console names it before). */
export function setAsideRoot(dataDir: string): string {
  return join(dataDir, 'set-aside');
}

/** Whether the demo was put aside in this data folder: the demo is not made here again. */
export function demoSetAside(dataDir: string): boolean {
  return existsSync(join(dataDir, MARKER));
}

/** Moves the demo's files aside (the records closed) and returns the folder, relative to the data folder. */
export function putDemoAside(databasePath: string, dataDir: string, who: { by: string; at: Date }): string {
  const stamp = who.at.toISOString().replace(/[-:.]/g, '');
  const folder = join(setAsideRoot(dataDir), `demo-${stamp}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The marker first: a crash part-way must not let the next start make a new demo beside a half-moved one.
  const note = `${JSON.stringify({ why: 'start-afresh', at: who.at.toISOString(), by: who.by, folder: relative(dataDir, folder) }, null, 2)}\n`;
  writeFileAtomic(join(dataDir, MARKER), note, { mode: 0o600 });
  for (const suffix of SUFFIXES) {
    const from = `${databasePath}${suffix}`;
    if (existsSync(from)) renameSync(from, join(folder, `${relative(dataDir, databasePath)}${suffix}`));
  }
  writeFileSync(join(folder, 'set-aside.json'), note, { mode: 0o600 });
  syncFolder(folder);
  syncFolder(dataDir);
  return relative(dataDir, folder);
}
