// Another machine's hand edits of the roster on real SQLite files (docs/peers.md §6 "roster edits by hand"): two
// machines with the same roster edit the same link and the same child while apart; once each has taken in the
// other's log, both hold the same rows — the restrictive link, the child who left — and the machine whose edit lost
// restated the decided row as its own roster-change, queued for the city.
import { afterEach, describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SyncStateStore } from '../ledger/sync-state.js';
import { exchange, peerMachine, pinAll, T0, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { RosterEditor } from './edit/roster-editor.js';
import { rosterAppliers } from './peer-apply.js';

const machines: PeerMachine[] = [];
afterEach(() => {
  for (const m of machines.splice(0)) m.db.close();
});

function editor(m: PeerMachine): RosterEditor {
  return new RosterEditor({ db: m.db, audit: new AdminAudit(m.db), deviceId: m.deviceId, settings: SettingsStore.of(m.db, () => undefined), sync: new SyncStateStore(m.db) });
}

describe('the roster-change applier', () => {
  it('merges a link restrictively and lets leaving win, the same on both machines, the loser restating', () => {
    const a = peerMachine(0x31);
    const b = peerMachine(0x32);
    machines.push(a, b);
    pinAll([a, b]);
    const roster = demoRoster();
    const link = roster.links.find((l) => l.mayBring && l.mayCollect && !l.blocked);
    const child = roster.children.find((c) => c.id !== link?.childId);
    if (link === undefined || child === undefined) throw new Error('the demo has a full link and another child');
    const at = toLocalTime(new Date(T0), 300);
    const applied = { ok: true, value: { outcome: 'applied' } };
    // Apart: A withdraws the right to collect, B bans; A lets the child leave, B renames the child.
    expect(editor(a).apply('staff-admin', 'console', [{ kind: 'link', link: { ...link, mayCollect: false } }, { kind: 'child-left', childId: child.id, lastDay: at.localDate }], at)).toMatchObject(applied);
    b.clock.ms += 5;
    expect(editor(b).apply('staff-admin', 'console', [{ kind: 'link', link: { ...link, blocked: true } }, { kind: 'child', child: { ...child, firstName: 'Әмина' } }], toLocalTime(new Date(T0 + 5), 300))).toMatchObject(applied);
    exchange([a, b], { ...ledgerAppliers, ...rosterAppliers });
    const linkSql = `SELECT may_bring, may_collect, blocked FROM companion_children WHERE companion_id = '${link.companionId}' AND child_id = '${link.childId}'`;
    expect(tableText(a.db, linkSql)).toBe(JSON.stringify([{ may_bring: 1, may_collect: 0, blocked: 1 }]));
    expect(tableText(b.db, linkSql)).toBe(tableText(a.db, linkSql));
    const childSql = `SELECT active FROM children WHERE id = '${child.id}'`;
    expect(tableText(a.db, childSql)).toBe('[{"active":0}]');
    expect(tableText(b.db, childSql)).toBe('[{"active":0}]');
    // B's rename lost to A's leave: B restated the leave as its own record, in its outbox for the city.
    const restated = b.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM sync_outbox_body WHERE body LIKE '%"kind":"child-left"%'`).get();
    expect(restated?.n).toBe(1);
    for (const m of [a, b]) expect(m.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM peer_waiting').get()?.n).toBe(0);
  });
});
