// The yearly archive with the peer log bound (docs/peers.md §5 "Archived years"): the year's events leave, their peer-log
// rows stay, the origin's signed head at the boundary is kept in peer_archived, the rows travel link-only up to it, and
// the start-up walk over this device's own log still finds it whole.
import { describe, expect, it } from 'vitest';
import { headSignatureValid } from '../ledger/peer-hash.js';
import { heldRecordsAfter, peerLogOf } from '../ledger/peer-log.js';
import { checkPeerLogAtStart } from '../ledger/chain-startup.js';
import { archivedHeadOf } from '../ledger/archive/peer-archived.js';
import { ADMIN_PIN, adminKit, value } from './testing/admin-kit.js';
import { FIRST_YEAR, writeHistory } from './testing/archive-history.js';

const NOW = '2026-12-03T05:00:00.000Z';

describe('archiving a year with the peer log bound', () => {
  it('keeps the peer rows, serves the archived taps link-only under the signed head, and the own log still walks whole', async () => {
    const kit = adminKit(NOW);
    writeHistory(kit);
    const sessionId = await kit.signIn();
    const peers = peerLogOf(kit.db);
    if (peers === null) throw new Error('the kit binds a peer log');
    const archivedIds = kit.db
      .prepare<[string, string], string>("SELECT id FROM attendance_events WHERE device_id = ? AND local_date <= ?")
      .pluck()
      .all(kit.deviceId, `${FIRST_YEAR}-12-31`);
    const rowsBefore = kit.db.prepare('SELECT count(*) FROM peer_log').pluck().get();
    const newestArchivedSeq = kit.db
      .prepare<string[], number>(`SELECT max(seq) FROM peer_log WHERE record_id IN (${archivedIds.map(() => '?').join(', ')})`)
      .pluck()
      .get(...archivedIds);
    expect(archivedIds.length).toBeGreaterThan(100);
    expect(archivedHeadOf(kit.db, kit.deviceId)).toBeNull();

    const archived = value(await kit.call('adminArchiveYear', { sessionId, year: FIRST_YEAR, pin: ADMIN_PIN }));
    expect(archived.outcome).toBe('archived');

    // Every peer row stays; the head kept is a signed row at or after the newest archived tap's.
    expect(kit.db.prepare('SELECT count(*) FROM peer_log').pluck().get()).toBe(rowsBefore);
    const head = archivedHeadOf(kit.db, kit.deviceId);
    if (head === null || newestArchivedSeq === undefined) throw new Error('no archived head kept');
    expect(head.seq).toBeGreaterThanOrEqual(newestArchivedSeq);
    expect(headSignatureValid(peers.publicKey, head.deviceId, head.seq, head.hash, head.sig)).toBe(true);
    expect(peers.rowAt(kit.deviceId, head.seq)?.hash).toBe(head.hash);

    // The archived taps travel without their event, every later one with it.
    const served = heldRecordsAfter(kit.db, kit.deviceId, 0, 100_000).filter((r) => r.kind === 'attendance');
    const linkOnly = served.filter((r) => r.event === undefined).map((r) => r.id);
    expect(new Set(linkOnly)).toEqual(new Set(archivedIds));
    expect(served.filter((r) => r.event !== undefined && r.seq <= head.seq).every((r) => !archivedIds.includes(r.id))).toBe(true);
    expect(Math.max(...served.filter((r) => r.event === undefined).map((r) => r.seq))).toBeLessThanOrEqual(head.seq);

    // The start-up walk from the log's beginning crosses the archived rows by their links.
    const walk = checkPeerLogAtStart(peers, null);
    expect(walk.chain).toMatchObject({ intact: true, brokenAtSeq: null });
  });
});
