// The rule of the refusals' trail (docs/peers.md §3 "Audit"): one row per window, reason and remote key, counted up;
// at most REFUSAL_KEYS_PER_WINDOW keys per reason and window, the rest folded into '*'; a row's count written at most
// every REFUSAL_WRITE_EVERY_MS and on flush. A fixed clock the test moves; a real SQLite file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { PeerRefusalAudit, REFUSAL_KEYS_PER_WINDOW, REFUSAL_WINDOW_MS, REFUSAL_WRITE_EVERY_MS } from './refusal-audit.js';

const T0 = 1_795_403_520_000 - (1_795_403_520_000 % REFUSAL_WINDOW_MS);

function audit() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  const clock = { ms: T0 + 1_000 };
  const lines: string[] = [];
  return { db, clock, lines, audit: new PeerRefusalAudit(db, () => clock.ms, (l) => lines.push(l)) };
}

type Row = { reason: string; remote_key: string; side: string; count: number; first_ms: number; last_ms: number; window_ms: number };
const rows = (db: ReturnType<typeof audit>['db']) => db.prepare<[], Row>('SELECT reason, remote_key, side, count, first_ms, last_ms, window_ms FROM peer_refusals ORDER BY id').all();

describe('the refusals trail', () => {
  it('keeps a first refusal at once, and counts the same key and reason up in one row', () => {
    const t = audit();
    t.audit.refused({ reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: 'dev-x', remote: '10.0.0.5:5000', detail: 'not a member' });
    expect(rows(t.db)).toEqual([{ reason: 'PEER_UNKNOWN', remote_key: 'dev-x', side: 'accepted', count: 1, first_ms: T0 + 1_000, last_ms: T0 + 1_000, window_ms: T0 }]);
    for (let i = 0; i < 9; i += 1) t.audit.refused({ reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: 'dev-x', remote: '10.0.0.5:5001', detail: 'not a member' });
    // Not written yet: a flood must not take the write lock the door's taps need, once per refusal.
    expect(rows(t.db)[0]?.count).toBe(1);
    t.clock.ms += REFUSAL_WRITE_EVERY_MS;
    t.audit.refused({ reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: 'dev-x', remote: '10.0.0.5:5002', detail: 'not a member' });
    expect(rows(t.db)).toEqual([expect.objectContaining({ count: 11, last_ms: T0 + 1_000 + REFUSAL_WRITE_EVERY_MS })]);
    // Another reason from the same key, and the same reason from another key, are rows of their own.
    t.audit.refused({ reason: 'PEER_REVOKED', side: 'accepted', remoteKey: 'dev-x', remote: '10.0.0.5:5003', detail: '' });
    t.audit.refused({ reason: 'PEER_UNKNOWN', side: 'dialled', remoteKey: null, remote: '10.0.0.6:47620', detail: '' });
    expect(rows(t.db).map((r) => [r.reason, r.remote_key, r.count])).toEqual([
      ['PEER_UNKNOWN', 'dev-x', 11],
      ['PEER_REVOKED', 'dev-x', 1],
      ['PEER_UNKNOWN', '10.0.0.6', 1],
    ]);
  });

  it('starts a new row when the window turns, and a restart within a window goes on counting its row', () => {
    const t = audit();
    const refusal = { reason: 'PEER_BAD_RECORD', side: 'page' as const, remoteKey: 'dev-y', remote: 'dev-y', detail: 'dev-y/3: bad hash' };
    t.audit.refused(refusal);
    t.audit.refused(refusal);
    t.audit.flush();
    expect(rows(t.db).map((r) => r.count)).toEqual([2]);
    const again = new PeerRefusalAudit(t.db, () => t.clock.ms, () => undefined);
    again.refused(refusal);
    expect(rows(t.db).map((r) => r.count)).toEqual([3]);
    t.clock.ms += REFUSAL_WINDOW_MS;
    again.refused(refusal);
    expect(rows(t.db).map((r) => [r.window_ms, r.count])).toEqual([
      [T0, 3],
      [T0 + REFUSAL_WINDOW_MS, 1],
    ]);
  });

  it('leaves a bounded number of rows after a flood of 1,000 refusals under random keys, every one counted', () => {
    const t = audit();
    const reasons = ['PEER_UNKNOWN', 'PEER_BAD_SIGNATURE', 'PEER_OTHER_GROUP'];
    let seed = 18;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 1_000; i += 1) {
      t.clock.ms += 3;
      t.audit.refused({ reason: reasons[next() % reasons.length] ?? 'PEER_UNKNOWN', side: 'accepted', remoteKey: `forged-${next()}`, remote: `10.0.${i % 256}.1:40000`, detail: '' });
    }
    t.audit.flush();
    const held = rows(t.db);
    expect(held.length).toBeLessThanOrEqual(reasons.length * (REFUSAL_KEYS_PER_WINDOW + 1));
    expect(held.filter((r) => r.remote_key === '*').length).toBe(reasons.length);
    expect(held.reduce((n, r) => n + r.count, 0)).toBe(1_000);
  });

  it('says so in the log and goes on when its table cannot be written', () => {
    const t = audit();
    t.db.exec('CREATE TRIGGER stop_it BEFORE INSERT ON peer_refusals BEGIN SELECT RAISE(ABORT, "disk says no"); END;');
    expect(() => t.audit.refused({ reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: 'dev-z', remote: '10.0.0.7:1', detail: '' })).not.toThrow();
    expect(t.lines.join('\n')).toMatch(/could not be audited.*disk says no/);
  });
});
