// The data folders the door-ready benchmark starts the kiosk on, each as a kiosk leaves it after a day's work: its
// roster, the chain anchor beside the file and the point the last full check proved. The million-event one (the admin
// fixture, bench/admin-fixture.ts) is prepared once and kept in the temp folder across runs, like the fixture itself.
import BetterSqlite3 from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { adminFixture } from './admin-fixture.js';
import { startAndTap } from './door-ready-client.js';

/** The full check's verdict in the kiosk's log: from then on the file has its verified-through point. */
const FULL_CHECK_DONE = /^\[core\] full check: /m;
const PREFIX = 'esik-bench-door-ready-';
const READY_MARK = 'bench-ready';

/**
 * Card numbers added for the benchmark, one per start, as a reader types them (the roster keeps them without the
 * leading zeros): each a companion of one child, so every start's tap has an answer of its own.
 */
export function benchCard(start: number): string {
  return `0099${String(start).padStart(6, '0')}`;
}

/** Gives `count` companions of one child each (distinct children, allowed to bring them) a card of their own. */
function addBenchCards(databasePath: string, count: number): void {
  const db = new BetterSqlite3(databasePath);
  try {
    const companions = db
      .prepare<[number], { companion_id: string }>(
        `SELECT min(companion_id) AS companion_id FROM companion_children
          WHERE may_bring = 1 AND blocked = 0
            AND companion_id IN (SELECT companion_id FROM companion_children GROUP BY companion_id HAVING count(*) = 1)
          GROUP BY child_id ORDER BY child_id LIMIT ?`,
      )
      .all(count);
    if (companions.length < count) throw new Error(`only ${companions.length} companions of one child in ${databasePath}`);
    const insert = db.prepare("INSERT INTO credentials (id, companion_id, kind, value) VALUES (?, ?, 'rfid', ?)");
    db.transaction(() => companions.forEach((c, i) => insert.run(`bench-card-${i}`, c.companion_id, String(Number(benchCard(i)))))).immediate();
  } finally {
    db.close();
  }
}

/**
 * Makes `dir` a kiosk folder after its first day: `seed` puts the records file there (the demo kindergarten, or a copy of a file), cards are added, and the kiosk
 * runs once until its full check has proved the whole chain (anchor and verified point written).
 */
async function prepare(dir: string, cards: number, seed: { demo: true } | { copyOf: string }): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if ('copyOf' in seed) cpSync(seed.copyOf, join(dir, 'esik.sqlite'));
  else await startAndTap(dir, '0000000001', { demo: true });
  addBenchCards(join(dir, 'esik.sqlite'), cards);
  await startAndTap(dir, '0000000001', { until: FULL_CHECK_DONE });
  writeFileSync(join(dir, READY_MARK), new Date().toISOString());
}

/** A demo kindergarten with no history, in `dir`. */
export async function emptyKiosk(dir: string, cards: number): Promise<void> {
  await prepare(dir, cards, { demo: true });
}

/** A copy, in `dir`, of the kept million-event kiosk folder (prepared first when missing). */
export async function millionKiosk(dir: string, cards: number, log: (line: string) => void): Promise<void> {
  const fixture = adminFixture(log).path;
  const kept = join(tmpdir(), `${PREFIX}${basename(dirname(fixture))}-${cards}`);
  if (!existsSync(join(kept, READY_MARK))) {
    // A gigabyte each: only the one of the current fixture is kept.
    for (const old of readdirSync(tmpdir())) if (old.startsWith(PREFIX)) rmSync(join(tmpdir(), old), { recursive: true, force: true });
    log(`[bench] preparing the million-event kiosk folder in ${kept} (once; kept for later runs)`);
    await prepare(kept, cards, { copyOf: fixture });
  }
  cpSync(kept, dir, { recursive: true, filter: (source) => basename(source) !== READY_MARK });
}

/** The admin fixture with cards, in `dir`: the first start after the upgrade (no anchor, no verified point yet). */
export function millionKioskFirstStart(dir: string, cards: number, log: (line: string) => void): void {
  mkdirSync(dir, { recursive: true });
  cpSync(adminFixture(log).path, join(dir, 'esik.sqlite'));
  addBenchCards(join(dir, 'esik.sqlite'), cards);
}
