// A kiosk killed with SIGKILL while it applies a large roster snapshot: after restart the roster is either the old
// one whole, with the old cursor, or the new one whole, with the new cursor — never a mix.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RosterReply, RosterSnapshot } from '../../shared/sync/protocol.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoRoster } from '../../electron/core/demo/demo-roster.js';
import { RosterStore } from '../../electron/core/roster/roster-store.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';

const CHILD = fileURLToPath(new URL('./roster-crash-child.ts', import.meta.url));
const KILLS = 6;
const FAMILIES = 15_000;

/** A city of FAMILIES children, each with a parent, a link and a card: big enough that applying it takes a while. */
function bigSnapshot(): RosterReply {
  const groups = Array.from({ length: 60 }, (_, i) => ({ id: `g${i}`, name: `Топ ${i}`, sortOrder: i }));
  const roster: RosterSnapshot = { kindergarten: { id: 'kg-city', name: 'Балабақша № 7', demo: false }, groups, children: [], companions: [], links: [], credentials: [], staff: [], cityKeys: [], settings: { cutoffTime: '08:30' } };
  for (let i = 0; i < FAMILIES; i += 1) {
    roster.children.push({ id: `c${i}`, groupId: `g${i % groups.length}`, firstName: `Бала${i}`, lastName: 'Тест' });
    roster.companions.push({ id: `p${i}`, firstName: `Ата-ана${i}`, lastName: 'Тест', relation: i % 2 ? 'mother' : 'father' });
    roster.links.push({ companionId: `p${i}`, childId: `c${i}`, mayBring: true, mayCollect: true, blocked: false });
    roster.credentials.push({ id: `r${i}`, companionId: `p${i}`, kind: 'rfid', value: String(9_000_000 + i), version: 1, revokedAt: null });
  }
  return { kind: 'snapshot', cursor: 'new', roster };
}

/** Every table a roster touches, hashed, with the cursor beside it. */
function state(path: string): { cursor: string | null; hash: string } {
  const db = openDatabase(path); // recovers the WAL as a restarted kiosk would
  try {
    const tables = ['kindergarten', 'groups', 'children', 'companions', 'companion_children', 'credentials', 'staff', 'trusted_keys', 'settings'];
    const hash = createHash('sha256');
    for (const t of tables) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
    return { cursor: new SyncStateStore(db).get(SYNC_KEYS.rosterCursor), hash: hash.digest('hex') };
  } finally {
    db.close();
  }
}

interface Run {
  parseMs: number | null;
  appliedMs: number | null;
  signal: NodeJS.Signals | null;
}

function runChild(dbPath: string, snapshotPath: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ESIK_DB: dbPath, ESIK_SNAPSHOT: snapshotPath }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { parseMs: null, appliedMs: null, signal: null };
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n').slice(0, -1)) {
        const [word, ms] = line.split(' ');
        if (word === 'PARSE') run.parseMs = Number(ms);
        if (word === 'APPLIED') run.appliedMs = Number(ms);
        if (word === 'READY' && killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      out = out.slice(out.lastIndexOf('\n') + 1);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      run.signal = signal;
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child failed (${code}): ${err}`));
      else resolve(run);
    });
  });
}

describe('a kiosk killed while it applies a roster', () => {
  it('comes back with the old roster or the new one, whole, with the matching cursor', { timeout: 180_000 }, async () => {
    const dir = tempDataDir();
    const base = join(dir, 'base.sqlite');
    const db = openDatabase(base);
    new RosterStore(db).seed(demoRoster());
    new SyncStateStore(db).set(SYNC_KEYS.rosterCursor, 'old');
    db.close(); // checkpoints: the base is one self-contained file to copy
    const snapshotPath = join(dir, 'snapshot.json');
    writeFileSync(snapshotPath, JSON.stringify(bigSnapshot()));
    const old = state(base);

    // One run to the end: how long validating and applying take, and what the new roster looks like.
    const full = join(dir, 'full.sqlite');
    copyFileSync(base, full);
    const calibration = await runChild(full, snapshotPath, null);
    const parseMs = calibration.parseMs ?? 0;
    const applyMs = calibration.appliedMs ?? 0;
    const applied = state(full);
    expect(applied.cursor).toBe('new');
    expect(applied.hash).not.toBe(old.hash);

    const outcomes: string[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      const path = join(dir, `kill-${k}.sqlite`);
      copyFileSync(base, path);
      // Spread over the apply, after validation: the kills land inside the transaction.
      const delay = Math.round(parseMs + ((applyMs - parseMs) * (k + 0.5)) / KILLS);
      const run = await runChild(path, snapshotPath, delay);
      const after = state(path);
      if (after.cursor === 'old') expect(after.hash).toBe(old.hash);
      else expect(after).toEqual(applied);
      outcomes.push(`${run.signal === 'SIGKILL' ? 'killed' : 'finished'}@${delay}ms→${after.cursor ?? 'none'}`);
    }
    console.log(`roster apply: validate ${parseMs} ms, apply ${applyMs} ms; ${outcomes.join(', ')}`);
    // The kills did land mid-apply: at least one kiosk came back with the old roster after being killed.
    expect(outcomes.some((o) => o.startsWith('killed') && o.endsWith('→old'))).toBe(true);
  });
});
