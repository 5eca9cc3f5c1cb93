// The catch-up benchmark (bench/peer-catchup.ts) on two builds in one sitting, alternating A, B, A, B…, so a shared
// machine's load falls on both alike: each side the web host built from a source tree (a git worktree of the commit
// to compare), with this tree's benchmark, and the load average printed beside each run.
//   npx tsx bench/peer-catchup-ab.ts <tree A> <tree B> [rounds] [--unconverged-a] [--unconverged-b] [--quiet-only]
// `--unconverged-x`: that side's doors stopped as soon as A's first tap is at B, as the benchmark was first built;
// `--quiet-only`: only the catch-up with B's door quiet (the one with taps is paced, a minute or more each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../e2e/support/kiosk-host.js';
import { benchPeerCatchup, type CatchupFigures } from './peer-catchup.js';

const [treeA, treeB, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (treeA === undefined || treeB === undefined) throw new Error('usage: peer-catchup-ab.ts <tree A> <tree B> [rounds]');
const rounds = Number(roundsArg ?? 2);
const unconverged = { A: process.argv.includes('--unconverged-a'), B: process.argv.includes('--unconverged-b') };
const quietOnly = process.argv.includes('--quiet-only');

/** The web host of a source tree, built into this tree's node_modules (so the bundle's packages resolve). */
function build(tree: string, name: string): string {
  const outdir = join(repoRoot, 'node_modules/.cache/esik-tests', `peer-ab-${name}-${String(process.pid)}`);
  mkdirSync(outdir, { recursive: true });
  const built = spawnSync(process.execPath, [join(tree, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: tree, encoding: 'utf8', timeout: 180_000 });
  if (built.status !== 0) throw new Error(`${tree} did not build: ${built.stderr}`);
  return join(outdir, 'web/cli.mjs');
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const sides = [
  { name: 'A', cli: build(resolve(treeA), 'a'), runs: [] as CatchupFigures[] },
  { name: 'B', cli: build(resolve(treeB), 'b'), runs: [] as CatchupFigures[] },
] as const;
const dir = mkdtempSync(join(tmpdir(), 'esik-bench-peer-ab-'));
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const side of sides) {
      const before = load();
      console.log(`--- ${side.name} run ${String(round + 1)} (load ${before})`);
      side.runs.push(await benchPeerCatchup(join(dir, `${side.name}-${String(round)}`), side.cli, { converged: !unconverged[side.name], quietOnly }));
      console.log(`    load after ${load()}`);
    }
  }
  for (const side of sides) {
    const figures = side.runs.map(
      (r) => `${r.catchupS.toFixed(2)} s (CPU ${r.cpuS?.toFixed(2) ?? '-'} s) / tap p95 ${r.tapP95Ms?.toFixed(0) ?? '-'} ms / quiet ${r.quietTapP95Ms?.toFixed(0) ?? '-'} ms`,
    );
    console.log(`${side.name} (${side.name === 'A' ? treeA : treeB}): ${figures.join('; ')}`);
  }
} finally {
  for (const side of sides) rmSync(join(side.cli, '../..'), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
