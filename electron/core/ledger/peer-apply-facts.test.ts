// Another machine's override reasons, closing resolutions, headcounts and never-come counts through the real importer,
// over two real staff databases with their own device keys: the rows written as their origin recorded them with no
// outbox row and once only; a reason whose event is not here yet waits for it; another door's headcount stays its
// record, this machine's table keeping its own.
import { describe, expect, it } from 'vitest';
import { peerLogOf } from './peer-log.js';
import { ledgerAppliers } from './peer-apply.js';
import { bindTestPeerLog } from './testing/peer-log-kit.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { demoChildren, staffKit, value } from '../staff/testing/staff-kit.js';
import { pinAll, pull, type PeerMachine } from '../peers/testing/peer-machines.js';

const appliers = { ...ledgerAppliers, ...staffAppliers };

type Kit = ReturnType<typeof staffKit>;

function machine(seed: number): { kit: Kit; peer: PeerMachine } {
  const kit = staffKit();
  const deviceId = peerLogOf(kit.db)?.deviceId ?? '';
  const log = bindTestPeerLog(kit.db, deviceId, () => kit.clock.now().getTime(), seed);
  // Its own key (peer_members pins a key once); the clock is the kit's, read when a page is taken in.
  return { kit, peer: { db: kit.db, log, deviceId, seed, clock: { ms: kit.clock.now().getTime() } } };
}

const rows = (kit: Kit, sql: string) => kit.db.prepare(sql).all();
const OVERRIDES = 'SELECT * FROM override_reasons ORDER BY event_id';
const CLOSINGS = 'SELECT * FROM closing_resolutions ORDER BY id';

describe("another machine's override reasons, closing resolutions and counts", () => {
  it('are written as their origin recorded them, once, with no outbox row; a headcount stays the door’s own record', async () => {
    const a = machine(0x41);
    const b = machine(0x42);
    pinAll([a.peer, b.peer]);
    const sessionId = await a.kit.signIn('staff-duty');
    value(a.kit.call('staffOverride', { sessionId, childId: demoChildren.yerasyl, kind: 'arrival', reason: 'forgot-card' }));
    value(a.kit.call('staffResolveClosing', { sessionId, childId: demoChildren.yerasyl, outcome: { kind: 'still-here', note: 'Waiting for her mother' } }));
    value(a.kit.call('staffTakeHeadcount', { sessionId }));
    expect(rows(a.kit, OVERRIDES)).toHaveLength(1);

    const imported = pull(b.peer, a.peer, appliers);
    expect(imported).toMatchObject({ ok: true, waiting: 0 });
    expect(rows(b.kit, OVERRIDES)).toEqual(rows(a.kit, OVERRIDES));
    expect(rows(b.kit, CLOSINGS)).toEqual(rows(a.kit, CLOSINGS));
    expect(rows(b.kit, 'SELECT id FROM headcounts')).toEqual([]);
    expect(b.kit.db.prepare("SELECT count(*) FROM peer_log WHERE kind = 'headcount'").pluck().get()).toBe(1);
    expect(b.kit.db.prepare("SELECT count(*) FROM sync_outbox WHERE record_type IN ('override-reason', 'closing-resolution', 'headcount')").pluck().get()).toBe(0);

    expect(pull(b.peer, a.peer, appliers)).toMatchObject({ ok: true, stored: 0 });
    expect(rows(b.kit, OVERRIDES)).toEqual(rows(a.kit, OVERRIDES));
  });

  it('a reason whose event is not here yet waits, and is applied when the event arrives', async () => {
    const a = machine(0x43);
    const b = machine(0x44);
    pinAll([a.peer, b.peer]);
    const sessionId = await a.kit.signIn('staff-duty');
    value(a.kit.call('staffOverride', { sessionId, childId: demoChildren.yerasyl, kind: 'arrival', reason: 'other', note: 'Came with a neighbour' }));
    // The event waits at B (its child unknown there for now): its reason waits behind it.
    const child = b.kit.db.prepare('SELECT * FROM children WHERE id = ?').get(demoChildren.yerasyl) as Record<string, unknown>;
    b.kit.db.pragma('foreign_keys = OFF');
    b.kit.db.prepare('DELETE FROM companion_children WHERE child_id = ?').run(demoChildren.yerasyl);
    b.kit.db.prepare('DELETE FROM child_enrolments WHERE child_id = ?').run(demoChildren.yerasyl);
    b.kit.db.prepare('DELETE FROM children WHERE id = ?').run(demoChildren.yerasyl);
    b.kit.db.pragma('foreign_keys = ON');
    expect(pull(b.peer, a.peer, appliers)).toMatchObject({ ok: true, waiting: 2 });
    expect(b.kit.db.prepare('SELECT waits_for FROM peer_waiting ORDER BY waits_for').pluck().all()).toEqual([expect.stringMatching(/^attendance:/), `child:${demoChildren.yerasyl}`]);
    expect(rows(b.kit, OVERRIDES)).toEqual([]);

    const columns = Object.keys(child);
    b.kit.db.prepare(`INSERT INTO children (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => child[c]));
    pull(b.peer, a.peer, appliers);
    expect(rows(b.kit, OVERRIDES)).toEqual(rows(a.kit, OVERRIDES));
    expect(b.kit.db.prepare('SELECT count(*) FROM peer_waiting').pluck().get()).toBe(0);
  });
});
