// Runs the peer-have benchmark alone: `npx tsx bench/peer-have-main.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPeerHave } from './peer-have.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-peer-have-'));
try {
  benchPeerHave(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
