// Runs the sync benchmarks alone: `npx tsx bench/sync-push-main.ts` (no build needed: the core runs from source).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSyncPush } from './sync-push.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-sync-'));
try {
  await benchSyncPush(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
