// The anchor file on a real disk: written in turn to two slots, read back after a torn write, and moved by the log only
// once an append is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { overwrite } from '../testing/damaged-files.js';
import { tempDataDir } from '../testing/fixtures.js';
import { AttendanceLog, ensureDeviceId } from './attendance-log.js';
import { ChainAnchor } from './chain-anchor.js';
import { RosterStore } from '../roster/roster-store.js';

const hashOf = (n: number) => n.toString(16).padStart(64, '0');

describe('the chain anchor file', () => {
  it('reads back the newest of its writes, and is absent before the first', () => {
    const path = join(tempDataDir(), 'esik.sqlite.anchor');
    expect(new ChainAnchor(path).read()).toEqual({ kind: 'absent' });
    const anchor = new ChainAnchor(path);
    for (let seq = 1; seq <= 5; seq++) anchor.write({ deviceId: 'door-1', seq, hash: hashOf(seq) });
    anchor.close();
    expect(new ChainAnchor(path).read()).toEqual({ kind: 'found', head: { deviceId: 'door-1', seq: 5, hash: hashOf(5) } });
  });

  it('falls back to the other slot (one write behind, still a true lower bound) when the newest write was torn', () => {
    const path = join(tempDataDir(), 'esik.sqlite.anchor');
    const anchor = new ChainAnchor(path);
    for (let seq = 1; seq <= 4; seq++) anchor.write({ deviceId: 'door-1', seq, hash: hashOf(seq) });
    anchor.close();
    // Write 4 went to slot 0 (counter 4): tear it half-way.
    overwrite(path, 100, Buffer.alloc(60, 0));
    expect(new ChainAnchor(path).read()).toEqual({ kind: 'found', head: { deviceId: 'door-1', seq: 3, hash: hashOf(3) } });
    // The next write after reading goes to the torn slot's turn again and is read as the newest.
    const again = new ChainAnchor(path);
    again.read();
    again.write({ deviceId: 'door-1', seq: 5, hash: hashOf(5) });
    again.close();
    expect(new ChainAnchor(path).read()).toMatchObject({ kind: 'found', head: { seq: 5 } });
  });

  it('is unreadable, not absent, when neither slot holds a valid record', () => {
    const path = join(tempDataDir(), 'esik.sqlite.anchor');
    writeFileSync(path, Buffer.alloc(1024, 0x41));
    expect(new ChainAnchor(path).read()).toMatchObject({ kind: 'unreadable' });
  });

  it('moves only after the transaction an append ran in has committed', () => {
    const dir = tempDataDir();
    const db = openDatabase(join(dir, 'esik.sqlite'));
    const roster = new RosterStore(db);
    roster.seed(demoRoster());
    const childId = db.prepare<[], { id: string }>('SELECT id FROM children LIMIT 1').get()?.id ?? '';
    const anchor = new ChainAnchor(join(dir, 'esik.sqlite.anchor'));
    const outcomes: unknown[] = [];
    const log = new AttendanceLog(db, ensureDeviceId(db, new Date()), { anchor, written: (error) => outcomes.push(error) });
    const at = toLocalTime(new Date('2026-11-23T03:00:00.000Z'), 300);
    const draft = { childId, kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: null } as const;
    log.append([draft], at);
    expect(new ChainAnchor(anchor.path).read()).toMatchObject({ kind: 'found', head: { seq: 1 } });
    db.transaction(() => {
      log.append([draft], at);
      log.settleAnchor();
      expect(new ChainAnchor(anchor.path).read()).toMatchObject({ kind: 'found', head: { seq: 1 } });
    })();
    log.settleAnchor();
    expect(new ChainAnchor(anchor.path).read()).toMatchObject({ kind: 'found', head: { seq: 2, hash: log.newest()?.hash } });
    expect(outcomes).toEqual([null, null]);
    expect(readFileSync(anchor.path).length).toBe(1024);
    anchor.close();
    db.close();
  });
});
