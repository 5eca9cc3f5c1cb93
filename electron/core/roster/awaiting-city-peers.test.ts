// A change made at another machine and the city's roster pulled here (docs/peers.md §5 "Exactly once to the city"):
// door A enrols a card, revokes a city card and edits a link by hand; door B takes them in as peer records, then pulls
// the city's roster, which does not know the changes yet. Until A's city-acks (or a relaying machine's) cover them,
// B keeps them as A does its own pending ones; once acknowledged the city's roster decides again; an enrolment the city
// refused leaves B's service as it leaves A's. Real SQLite files, real device keys, the real importer and roster apply.
import { afterEach, describe, expect, it } from 'vitest';
import { localTimeOn, toLocalTime } from '../../../shared/domain/local-time.js';
import { linkKeyOf } from '../../../shared/domain/roster-change.js';
import type { PushReply, RosterReply, RosterSnapshot } from '../../../shared/sync/protocol.js';
import { CardDirectory } from '../admin/card-directory.js';
import { CardEnrolment } from '../admin/card-enrolment.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { appendCityAcks } from '../ledger/city-acks.js';
import { cityAcksAppliers } from '../ledger/city-acks-apply.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SyncStateStore } from '../ledger/sync-state.js';
import { peerMachine, pinAll, pull, T0, type PeerMachine } from '../peers/testing/peer-machines.js';
import { credentialsAwaitingCity } from './card-awaiting-city.js';
import { RosterEditor } from './edit/roster-editor.js';
import { rosterAppliers } from './peer-apply.js';
import { applyRosterReply } from './roster-apply.js';
import { rosterRowKey, rosterRowsAwaitingCity } from './roster-awaiting-city.js';

const appliers = { ...ledgerAppliers, ...cityAcksAppliers, ...rosterAppliers };
const NOW = new Date(T0 + 60_000);
const NUMBER = '4512400';

const machines: PeerMachine[] = [];
afterEach(() => {
  for (const m of machines.splice(0)) m.db.close();
});

function pair(): [PeerMachine, PeerMachine] {
  const a = peerMachine(0x71);
  const b = peerMachine(0x72);
  machines.push(a, b);
  pinAll([a, b]);
  // Each joined bringing nothing: every record here is written in the group (peer-awaiting-city.ts reads where each began).
  for (const m of [a, b]) m.db.prepare('UPDATE peer_members SET brought_seq = 0').run();
  return [a, b];
}

const cardsOf = (m: PeerMachine) => new CardEnrolment({ db: m.db, audit: new AdminAudit(m.db), directory: new CardDirectory(m.db), settings: SettingsStore.of(m.db), deviceId: m.deviceId, cardFormat: () => 'canonical' });
const editorOf = (m: PeerMachine) => new RosterEditor({ db: m.db, audit: new AdminAudit(m.db), deviceId: m.deviceId, settings: SettingsStore.of(m.db, () => undefined), sync: new SyncStateStore(m.db) });

/** The city's roster as it stood before it heard of A's changes: the demo's, which every door started from. */
function citySnapshot(cursor: string): RosterReply {
  const roster: RosterSnapshot = { ...demoRoster(), cityKeys: [], settings: { rosterManagedBy: 'kindergarten' } };
  return { kind: 'snapshot', cursor, roster };
}

/** A delta that sends every city card again as the city has it (live), as a pull after a city-side change does. */
function cityCardsAgain(cursor: string): RosterReply {
  return { kind: 'delta', cursor, changes: { upserts: { credentials: demoRoster().credentials }, removals: {} } };
}

/** B pulls the city's roster the way city-pull.ts does: the awaiting lists read at request, then the apply. */
function bPulls(b: PeerMachine, reply: RosterReply): void {
  applyRosterReply(b.db, reply, { now: NOW, kindergartenId: null, awaitingCityAtRequest: credentialsAwaitingCity(b.db), rosterAwaitingCityAtRequest: rosterRowsAwaitingCity(b.db) });
}

/** A's push of its pending city records is answered (by the city, as `status` says) and A appends its city-acks. */
function aPushed(a: PeerMachine, status: 'accepted' | 'rejected'): void {
  const rows = a.db.prepare<[], { seq: number; record_id: string }>("SELECT seq, record_id FROM sync_outbox WHERE state = 'pending'").all();
  const reason = 'card 4512400 is already held by live credential x';
  const reply: PushReply = {
    results: rows.map(({ record_id: id }) => (status === 'accepted' ? { id, status } : { id, status, reason })),
    chainHead: null,
  };
  a.db.transaction(() => {
    new OutboxStore(a.db).settle(
      rows.map(({ seq }) => (status === 'accepted' ? { seq, status: 'sent' as const } : { seq, status, reason })),
      a.clock.ms,
    );
    appendCityAcks(a.db, a.deviceId, reply, a.clock.ms);
  })();
}

const card = (m: PeerMachine, id: string) => m.db.prepare<[string], { value: string; revoked_at: string | null }>('SELECT value, revoked_at FROM credentials WHERE id = ?').get(id);

describe("another machine's changes against the city's roster pulled here", () => {
  it('a card enrolled and a card revoked at A stay so at B until the city acknowledges them; then the city decides', () => {
    const [a, b] = pair();
    const [companion] = a.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 1').pluck().all() as [string];
    const enrolled = cardsOf(a).enrolNumber('staff-admin', companion, NUMBER, localTimeOn('2026-11-20', '10:00'));
    if (!enrolled.ok || enrolled.value.outcome !== 'enrolled') throw new Error(`not enrolled: ${JSON.stringify(enrolled)}`);
    const mine = enrolled.value.card.credentialId;
    const cityCard = demoRoster().credentials[0];
    if (cityCard === undefined) throw new Error('the demo has cards');
    expect(cardsOf(a).revoke('staff-admin', cityCard.id, 'lost', localTimeOn('2026-11-20', '10:05')).ok).toBe(true);
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, waiting: 0 });
    expect(card(b, mine)).toEqual({ value: NUMBER, revoked_at: null });

    // The city has not heard yet: its snapshot lacks the card, its delta lists the revoked card live.
    bPulls(b, citySnapshot('c1'));
    expect(card(b, mine)).toEqual({ value: NUMBER, revoked_at: null });
    bPulls(b, cityCardsAgain('c2'));
    expect(card(b, cityCard.id)?.revoked_at).not.toBeNull();

    // A's push is acknowledged and its city-acks reaches B: the city's roster decides again (here: it lacks the card).
    aPushed(a, 'accepted');
    pull(b, a, appliers);
    expect(credentialsAwaitingCity(b.db).size).toBe(0);
    bPulls(b, citySnapshot('c3'));
    expect(card(b, mine)?.revoked_at).not.toBeNull();
  });

  it('a link edited by hand at A keeps its rights at B until acknowledged', () => {
    const [a, b] = pair();
    const link = demoRoster().links.find((l) => l.mayBring && l.mayCollect && !l.blocked);
    if (link === undefined) throw new Error('the demo has a full link');
    const at = toLocalTime(new Date(T0), 300);
    expect(editorOf(a).apply('staff-admin', 'console', [{ kind: 'link', link: { ...link, blocked: true } }], at)).toMatchObject({ ok: true });
    pull(b, a, appliers);
    const blocked = () => b.db.prepare('SELECT blocked FROM companion_children WHERE companion_id = ? AND child_id = ?').pluck().get(link.companionId, link.childId);
    expect(blocked()).toBe(1);
    bPulls(b, citySnapshot('c1'));
    expect(blocked()).toBe(1);
    aPushed(a, 'accepted');
    pull(b, a, appliers);
    expect(rosterRowsAwaitingCity(b.db).has(rosterRowKey('link', linkKeyOf(link.companionId, link.childId)))).toBe(false);
    bPulls(b, citySnapshot('c2'));
    expect(blocked()).toBe(0);
  });

  it('an enrolment at A the city refused leaves B with the next delta, as it leaves A', () => {
    const [a, b] = pair();
    const [companion] = a.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 1').pluck().all() as [string];
    const enrolled = cardsOf(a).enrolNumber('staff-admin', companion, NUMBER, localTimeOn('2026-11-20', '10:00'));
    if (!enrolled.ok || enrolled.value.outcome !== 'enrolled') throw new Error('not enrolled');
    const mine = enrolled.value.card.credentialId;
    pull(b, a, appliers);
    aPushed(a, 'rejected');
    pull(b, a, appliers);
    bPulls(b, { kind: 'delta', cursor: 'c1', changes: { upserts: {}, removals: {} } });
    expect(card(b, mine)?.revoked_at).not.toBeNull();
  });

  it('a removed member’s pending change is awaited no more: the city’s roster decides', () => {
    const [a, b] = pair();
    const [companion] = a.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 1').pluck().all() as [string];
    const enrolled = cardsOf(a).enrolNumber('staff-admin', companion, NUMBER, localTimeOn('2026-11-20', '10:00'));
    if (!enrolled.ok || enrolled.value.outcome !== 'enrolled') throw new Error('not enrolled');
    pull(b, a, appliers);
    expect(credentialsAwaitingCity(b.db)).toEqual(new Set([enrolled.value.card.credentialId]));
    // As the member-revoked record projects it: A's acks past the removal will never be taken here.
    b.db.prepare("UPDATE peer_members SET revoked_at = '2026-11-21T08:00:00+05:00', accept_up_to_seq = 99 WHERE device_id = ?").run(a.deviceId);
    expect(credentialsAwaitingCity(b.db).size).toBe(0);
    bPulls(b, citySnapshot('c1'));
    expect(card(b, enrolled.value.card.credentialId)?.revoked_at).not.toBeNull();
  });

  it('an office relaying a door releases the door’s change once its own push for the door is answered', () => {
    const [door, office] = pair();
    const [companion] = door.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 1').pluck().all() as [string];
    const enrolled = cardsOf(door).enrolNumber('staff-admin', companion, NUMBER, localTimeOn('2026-11-20', '10:00'));
    if (!enrolled.ok || enrolled.value.outcome !== 'enrolled') throw new Error('not enrolled');
    pull(office, door, appliers);
    bPulls(office, citySnapshot('c1'));
    expect(card(office, enrolled.value.card.credentialId)).toEqual({ value: NUMBER, revoked_at: null });
    const reply: PushReply = { results: [{ id: door.db.prepare("SELECT record_id FROM sync_outbox WHERE state = 'pending'").pluck().get() as string, status: 'accepted' }], chainHead: null };
    office.db.transaction(() => appendCityAcks(office.db, door.deviceId, reply, office.clock.ms))();
    expect(credentialsAwaitingCity(office.db).size).toBe(0);
  });

  it('a change its origin wrote before it was in the group is not awaited: its backfill is never acknowledged', () => {
    const [a, b] = pair();
    const [companion] = a.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 1').pluck().all() as [string];
    const enrolled = cardsOf(a).enrolNumber('staff-admin', companion, NUMBER, localTimeOn('2026-11-20', '10:00'));
    if (!enrolled.ok || enrolled.value.outcome !== 'enrolled') throw new Error('not enrolled');
    // A joined after it: its sponsor wrote A's newest seq as broughtSeq.
    b.db.prepare('UPDATE peer_members SET brought_seq = ? WHERE device_id = ?').run(a.log.haveVector()[a.deviceId] ?? 0, a.deviceId);
    pull(b, a, appliers);
    expect(credentialsAwaitingCity(b.db).size).toBe(0);
    bPulls(b, citySnapshot('c1'));
    expect(card(b, enrolled.value.card.credentialId)?.revoked_at).not.toBeNull();
  });
});
