// Runs the peer-catchup benchmark alone, on a web host built for it: `npx tsx bench/peer-catchup-main.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMachineHost } from '../integration/peers/support/machine.js';
import { benchPeerCatchup } from './peer-catchup.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-peer-catchup-'));
const host = buildMachineHost();
try {
  await benchPeerCatchup(dir, host.cli);
} finally {
  host.remove();
  rmSync(dir, { recursive: true, force: true });
}
