// Runs the peer-visible benchmark alone, on a web host built for it: `npx tsx bench/peer-visible-main.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMachineHost } from '../integration/peers/support/machine.js';
import { benchPeerVisible } from './peer-visible.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-peer-visible-'));
const host = buildMachineHost();
try {
  await benchPeerVisible(dir, host.cli);
} finally {
  host.remove();
  rmSync(dir, { recursive: true, force: true });
}
