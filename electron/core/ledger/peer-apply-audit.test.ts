// Admins' acts across machines (docs/peers.md §6 "audit"), over real SQLite files with their own device keys and the
// real importer: a travelling act is the same admin_audit row at the other machine, once; a machine's own housekeeping
// stays in its own trail.
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { peerMachine, pinAll, pull, type PeerMachine } from '../peers/testing/peer-machines.js';
import { AdminAudit } from './admin-audit.js';
import { ledgerAppliers } from './peer-apply.js';

const trail = (m: PeerMachine) => m.db.prepare('SELECT * FROM admin_audit ORDER BY id').all();

describe("another machine's admin audit", () => {
  it('shows its travelling acts under their own ids, once; its housekeeping stays its own', () => {
    const a = peerMachine(0x51);
    const b = peerMachine(0x52);
    pinAll([a, b]);
    const audit = new AdminAudit(a.db);
    audit.record('tabel-export', 'staff-admin', localTimeOn('2026-11-20', '10:00'), { month: '2026-10', groupId: null });
    audit.record('backup-retention-set', 'staff-admin', localTimeOn('2026-11-20', '10:01'), { hourly: 24 });
    audit.record('qr-cards-printed', 'staff-admin', localTimeOn('2026-11-20', '10:02'), { companionIds: ['c1', 'c2'] });
    expect(a.db.prepare("SELECT count(*) FROM peer_log WHERE kind = 'audit'").pluck().get()).toBe(2);

    expect(pull(b, a, appliers())).toMatchObject({ ok: true, applied: 2, waiting: 0 });
    const travelled = trail(a).filter((r) => (r as { action: string }).action !== 'backup-retention-set');
    expect(trail(b)).toEqual(travelled);
    expect(pull(b, a, appliers())).toMatchObject({ ok: true, stored: 0 });
    expect(trail(b)).toEqual(travelled);
  });
});

function appliers() {
  return ledgerAppliers;
}
