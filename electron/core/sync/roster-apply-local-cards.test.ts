// The city's roster against cards changed at the kiosk: until the city acknowledges a change, neither a snapshot nor a
// delta undoes it; once acknowledged, the city's row (same id) is the same card and the city's roster decides again.
import { describe, expect, it } from 'vitest';
import type { EnrolOutcome } from '../../../shared/admin/card-contract.js';
import type { RosterReply, RosterSnapshot } from '../../../shared/sync/protocol.js';
import { credentialsAwaitingCity } from '../roster/card-awaiting-city.js';
import { adminKit, at, kitRoster, value } from '../admin/testing/admin-kit.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { applyRosterReply } from '../roster/roster-apply.js';

const NOW = new Date('2027-01-05T06:00:00.000Z');

function snapshot(change: (r: RosterSnapshot) => void = () => undefined, cursor = 'c1'): RosterReply {
  const roster: RosterSnapshot = { ...structuredClone(kitRoster), cityKeys: [], settings: {} };
  change(roster);
  return { kind: 'snapshot', cursor, roster };
}

function kit() {
  const k = adminKit();
  const apply = (reply: RosterReply) => applyRosterReply(k.db, reply, { now: NOW, kindergartenId: 'kg1' });
  const credential = (id: string) => k.db.prepare('SELECT id, companion_id, value, revoked_at, origin FROM credentials WHERE id = ?').get(id);
  /** The city answers the queued card changes, as the push engine records its answer. */
  const cityAnswers = (status: 'sent' | 'rejected') => {
    const seqs = k.db.prepare<[], { seq: number }>("SELECT seq FROM sync_outbox WHERE record_type = 'credential-change' AND state = 'pending'").all();
    new OutboxStore(k.db).settle(
      seqs.map(({ seq }) => (status === 'sent' ? { seq, status } : { seq, status, reason: 'card 4512400 is already held by live credential x' })),
      NOW.getTime(),
    );
  };
  const enrol = (companionId: string, raw: string) => {
    const outcome: EnrolOutcome = value(k.cards.enrol('head', companionId, raw, 'keyboard-wedge', at('2027-01-05T10:00:00.000+05:00')));
    if (outcome.outcome !== 'enrolled') throw new Error(`refused: ${outcome.reason}`);
    return outcome.card.credentialId;
  };
  return { ...k, apply, credential, cityAnswers, enrol };
}

describe('roster pulls and cards changed at the kiosk', () => {
  it('a card enrolled here survives snapshots until the city acknowledges it; then the city’s copy matches', () => {
    const k = kit();
    const id = k.enrol('elena', '0004512400');
    k.apply(snapshot());
    expect(k.credential(id)).toEqual({ id, companion_id: 'elena', value: '4512400', revoked_at: null, origin: 'local' });

    k.cityAnswers('sent');
    const withCard = snapshot((r) => r.credentials.push({ id, companionId: 'elena', kind: 'rfid', value: '4512400', version: 1, revokedAt: null }), 'c3');
    const applied = k.apply(withCard);
    expect(applied.upserted).toBe(0);
    expect(k.credential(id)).toEqual({ id, companion_id: 'elena', value: '4512400', revoked_at: null, origin: 'local' });
    // Acknowledged and then gone from the city's roster: the city decides (kept revoked, since its history names it).
    k.apply(snapshot(() => undefined, 'c4'));
    expect(k.credential(id)).toMatchObject({ revoked_at: NOW.toISOString() });
  });

  it('a city card revoked here stays revoked while the city has not heard, whatever its roster says meanwhile', () => {
    const k = kit();
    value(k.cards.revoke('head', 'cr-bibigul', 'Lost', at('2027-01-05T10:00:00.000+05:00')));
    k.apply(snapshot());
    k.apply({ kind: 'delta', cursor: 'c2', changes: { upserts: { credentials: kitRoster.credentials }, removals: {} } });
    expect(k.credential('cr-bibigul')).toMatchObject({ revoked_at: '2027-01-05T10:00:00.000+05:00' });
    k.cityAnswers('sent');
    // The city applied the revocation: its row says the same.
    const revoked = snapshot((r) => (r.credentials = r.credentials.map((c) => (c.id === 'cr-bibigul' ? { ...c, revokedAt: '2027-01-05T10:00:00.000+05:00' } : c))), 'c3');
    expect(k.apply(revoked).upserted).toBe(0);
  });

  it('a change acknowledged while the roster was on its way is not undone by that roster', () => {
    const k = kit();
    value(k.cards.revoke('head', 'cr-bibigul', 'Lost', at('2027-01-05T10:00:00.000+05:00')));
    // The pull reads what waits for the city, then requests the roster; the city builds it before it hears of the
    // revocation (Бібігүл's card live in it); meanwhile the push worker has the revocation acknowledged.
    const waitingAtRequest = credentialsAwaitingCity(k.db);
    k.cityAnswers('sent');
    expect(credentialsAwaitingCity(k.db).size).toBe(0);
    applyRosterReply(k.db, snapshot(), { now: NOW, kindergartenId: 'kg1', awaitingCityAtRequest: waitingAtRequest });
    expect(k.credential('cr-bibigul')).toMatchObject({ revoked_at: '2027-01-05T10:00:00.000+05:00' });
    // Without the list read before the request, the same roster brings the lost card back (what the fix prevents).
    const other = kit();
    value(other.cards.revoke('head', 'cr-bibigul', 'Lost', at('2027-01-05T10:00:00.000+05:00')));
    other.cityAnswers('sent');
    other.apply(snapshot());
    expect(other.credential('cr-bibigul')).toMatchObject({ revoked_at: null });
    // The next roster, requested after the acknowledgement, is the city's word again (it now lists the card revoked).
    const revoked = snapshot((r) => (r.credentials = r.credentials.map((c) => (c.id === 'cr-bibigul' ? { ...c, revokedAt: '2027-01-05T10:00:00.000+05:00' } : c))), 'c3');
    applyRosterReply(k.db, revoked, { now: NOW, kindergartenId: 'kg1', awaitingCityAtRequest: credentialsAwaitingCity(k.db) });
    expect(k.credential('cr-bibigul')).toMatchObject({ revoked_at: '2027-01-05T10:00:00.000+05:00' });
  });

  it('a card the city refused gives way to the city’s own card with that number', () => {
    const k = kit();
    const id = k.enrol('elena', '0004512400');
    k.cityAnswers('rejected');
    k.apply({
      kind: 'delta',
      cursor: 'c2',
      changes: { upserts: { credentials: [{ id: 'cr-city', companionId: 'nurlan', kind: 'rfid', value: '4512400', version: 1, revokedAt: null }] }, removals: {} },
    });
    expect(k.credential('cr-city')).toMatchObject({ value: '4512400', revoked_at: null, origin: 'city' });
    expect(k.credential(id)).toMatchObject({ value: `retired:${id}:4512400`, revoked_at: NOW.toISOString() });
  });

  it('a card the city refused leaves service at the next delta, though the delta does not name it', async () => {
    const k = kit();
    const id = k.enrol('elena', '0004512400');
    k.apply({ kind: 'delta', cursor: 'c2', changes: { upserts: {}, removals: {} } });
    expect(k.credential(id)).toMatchObject({ revoked_at: null });
    k.cityAnswers('rejected');
    k.apply({ kind: 'delta', cursor: 'c3', changes: { upserts: {}, removals: {} } });
    expect(k.credential(id)).toMatchObject({ value: '4512400', revoked_at: NOW.toISOString(), origin: 'local' });
    const sessionId = await k.signIn();
    const cards = value(k.call('adminCompanionCards', { sessionId, companionId: 'elena' })).cards;
    expect(cards.find((c) => c.credentialId === id)).toMatchObject({ syncState: 'rejected', rejectedReason: 'card 4512400 is already held by live credential x' });
  });

  it('learns from the city who manages the cards; absent means the kindergarten', async () => {
    const k = kit();
    const sessionId = await k.signIn();
    k.apply(snapshot((r) => (r.settings = { cardsManagedBy: 'city' })));
    expect(value(k.call('adminCardsInfo', { sessionId }))).toEqual({ managedBy: 'city', cityEnrolled: false });
    const refused = k.call('adminEnrolCard', { sessionId, companionId: 'elena', raw: '0004512400', source: 'keyboard-wedge' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CARDS_MANAGED_BY_CITY');
    k.apply({ kind: 'delta', cursor: 'c2', changes: { upserts: {}, removals: {}, settings: { cutoffTime: '09:30' } } });
    expect(value(k.call('adminCardsInfo', { sessionId })).managedBy).toBe('kindergarten');
  });
});
