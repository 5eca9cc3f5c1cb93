// Card enrolment and revocation through the real kiosk core (demo kindergarten, a SQLite file in a temp folder): the
// admin's change, the city's record and the trail land together or not at all, and the door's own check-in service
// accepts the new card and refuses the revoked one at once.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EnrolOutcome } from '../../../shared/admin/card-contract.js';
import type { Result } from '../../../shared/api/result.js';
import { CredentialChangeRecordSchema } from '../../../shared/sync/protocol.js';
import { KioskCore } from '../kiosk-core.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

const NEW_CARD = '0004512400';

async function kiosk() {
  const clock = manualClock('2026-11-23T03:10:00.000Z'); // 08:10 in Almaty
  let opened: Database | null = null;
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, log: () => undefined, cityPullIntervalMs: 0, onDatabaseOpened: (db) => (opened = db) });
  const h = core.handlers;
  /** The core's own settings, as the roster pull writes them (a second connection's write would not be seen until a restart). */
  const settings = (): SettingsStore => {
    if (!opened) throw new Error('the core opened no database');
    return SettingsStore.of(opened);
  };
  const signIn = async (): Promise<string> => {
    const outcome = value(await h.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' }));
    if (outcome.outcome !== 'signed-in') throw new Error(`sign-in: ${outcome.outcome}`);
    return outcome.session.sessionId;
  };
  const sessionId = await signIn();
  const tap = (raw: string) => h.identifyCard({ raw: `${raw}\r\n`, source: 'keyboard-wedge' });
  const enrol = (companionId: string, raw: string) => h.adminEnrolCard({ sessionId, companionId, raw, source: 'keyboard-wedge' });
  const revoke = (credentialId: string, reason?: string) => h.adminRevokeCard({ sessionId, credentialId, ...(reason === undefined ? {} : { reason }) });
  /** A second connection, as another process would see the file. */
  const sql = <T>(query: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(core.databasePath);
    try {
      const statement = db.prepare(query);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  };
  return { core, clock, sessionId, tap, enrol, revoke, sql, settings };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

function enrolled(outcome: EnrolOutcome) {
  if (outcome.outcome !== 'enrolled') throw new Error(`expected enrolled, got ${outcome.reason}`);
  return outcome.card;
}

const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

describe('enrolling and revoking a companion’s card', () => {
  it('the door checks the child in with the new card at once, and refuses it as revoked at once', async () => {
    const k = await kiosk();
    expect(codeOf(k.tap(NEW_CARD))).toBe('UNKNOWN_CARD');
    // Елена (cp0002) brings Алиса alone: her tap records at once.
    const card = enrolled(value(k.enrol('cp0002', NEW_CARD)));
    expect(card).toMatchObject({ kind: 'rfid', number: NEW_CARD, origin: 'local', syncState: 'pending', revokedAt: null, enrolledAt: '2026-11-23T08:10:00.000+05:00' });

    const outcome = value(k.tap(NEW_CARD));
    if (outcome.kind !== 'recorded') throw new Error(`expected recorded, got ${outcome.kind}`);
    expect(outcome.receipt.entries.map((e) => [e.firstName, e.kind])).toEqual([['Алиса', 'arrival']]);
    expect(k.sql('SELECT credential_id, companion_id FROM attendance_events')).toEqual([{ credential_id: card.credentialId, companion_id: 'cp0002' }]);

    k.clock.advance(60_000);
    const revoked = value(k.revoke(card.credentialId, 'Lost the card')).card;
    expect(revoked).toMatchObject({ revokedAt: '2026-11-23T08:11:00.000+05:00', revokeReason: 'Lost the card', syncState: 'pending' });
    expect(codeOf(k.tap(NEW_CARD))).toBe('CARD_REVOKED');
    expect(k.sql('SELECT presented, reason FROM refused_attempts ORDER BY occurred_ms, id')).toEqual([
      { presented: '4512400', reason: 'unknown-card' },
      { presented: '4512400', reason: 'revoked-card' },
    ]);
    expect(codeOf(k.revoke(card.credentialId))).toBe('INVALID_REQUEST');
    k.core.close();
  });

  it('queues one credential-change record per change beside the change log and the admin trail', async () => {
    const k = await kiosk();
    const card = enrolled(value(k.enrol('cp0002', NEW_CARD)));
    value(k.revoke(card.credentialId, 'Lost the card'));
    const bodies = k.sql<{ body: string; record_type: string; record_id: string }>(
      "SELECT o.record_id, o.record_type, b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'credential-change' ORDER BY o.seq",
    );
    const records = bodies.map((row) => CredentialChangeRecordSchema.parse(JSON.parse(row.body)));
    expect(records.map((r) => [r.action, r.credentialId, r.companionId, r.kind, r.value, r.staffId, r.reason])).toEqual([
      ['enrol', card.credentialId, 'cp0002', 'rfid', '4512400', 'staff-admin', null],
      ['revoke', card.credentialId, 'cp0002', 'rfid', '4512400', 'staff-admin', 'Lost the card'],
    ]);
    expect(records.map((r) => r.id)).toEqual(bodies.map((row) => row.record_id));
    expect(k.sql('SELECT id, action FROM credential_changes ORDER BY occurred_ms, id')).toEqual(records.map((r) => ({ id: r.id, action: r.action })));
    expect(k.sql<{ action: string; detail: string }>('SELECT action, detail FROM admin_audit ORDER BY occurred_ms').map((a) => [a.action, JSON.parse(a.detail) as unknown])).toEqual([
      ['card-enrolled', expect.objectContaining({ credentialId: card.credentialId, companionId: 'cp0002', value: '4512400' })],
      ['card-revoked', expect.objectContaining({ credentialId: card.credentialId, reason: 'Lost the card' })],
    ]);
    k.core.close();
  });

  it('writes nothing at all when any part of the change fails', async () => {
    const k = await kiosk();
    const before = k.sql('SELECT (SELECT count(*) FROM credentials) AS c, (SELECT count(*) FROM sync_outbox) AS o, (SELECT count(*) FROM admin_audit) AS a');
    k.sql("CREATE TRIGGER fail_the_trail BEFORE INSERT ON admin_audit BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
    expect(() => k.enrol('cp0002', NEW_CARD)).toThrow(/forced failure/);
    expect(() => k.revoke('cr00002', 'Lost')).toThrow(/forced failure/);
    expect(k.sql('SELECT (SELECT count(*) FROM credentials) AS c, (SELECT count(*) FROM sync_outbox) AS o, (SELECT count(*) FROM admin_audit) AS a')).toEqual(before);
    expect(k.sql('SELECT count(*) AS n FROM credential_changes')).toEqual([{ n: 0 }]);
    expect(k.sql("SELECT revoked_at FROM credentials WHERE id = 'cr00002'")).toEqual([{ revoked_at: null }]);
    // The door knows nothing of the card that was never enrolled, and the revoked-by-failure card still works.
    expect(codeOf(k.tap(NEW_CARD))).toBe('UNKNOWN_CARD');
    expect(value(k.tap('0004512346')).kind).toBe('recorded');
    k.sql('DROP TRIGGER fail_the_trail');
    expect(value(k.enrol('cp0002', NEW_CARD)).outcome).toBe('enrolled');
    k.core.close();
  });

  it('refuses a card someone else holds (saying whose), one already hers, a staff card, an unreadable or partial reading', async () => {
    const k = await kiosk();
    expect(value(k.enrol('cp0002', '0004512345'))).toEqual({ outcome: 'refused', reason: 'card-held', number: '4512345', holder: { companionId: 'cp0001', name: 'Бибігүл Жұмабаева' } });
    expect(value(k.enrol('cp0002', '0004512346'))).toMatchObject({ outcome: 'refused', reason: 'card-already-enrolled', holder: { companionId: 'cp0002' } });
    expect(value(k.enrol('cp0002', '0007000001'))).toMatchObject({ outcome: 'refused', reason: 'staff-card', number: '7000001' });
    expect(value(k.enrol('cp0002', 'not a card'))).toMatchObject({ outcome: 'refused', reason: 'card-unreadable', number: null });
    expect(value(k.enrol('cp0002', '069,56320'))).toMatchObject({ outcome: 'refused', reason: 'card-partial', number: '069,56320' });
    expect(codeOf(k.enrol('cp9999', NEW_CARD))).toBe('INVALID_REQUEST');
    expect(k.sql('SELECT count(*) AS n FROM credential_changes')).toEqual([{ n: 0 }]);
    k.core.close();
  });

  it('refuses a card whose other reading is already someone’s card, as the door would take one for the other', async () => {
    const k = await kiosk();
    // An unconfigured reader: 'AB12CD34' is UID AB:12:CD:34 first, its bytes reversed second; '34:CD:12:AB' the other
    // way round. The door tries the other reading when the main one names no card (card-lookup.ts).
    const elena = enrolled(value(k.enrol('cp0002', 'AB12CD34')));
    expect(elena.number).toBe('AB:12:CD:34');
    expect(value(k.enrol('cp0001', '34:CD:12:AB'))).toEqual({
      outcome: 'refused',
      reason: 'card-held',
      number: '34:CD:12:AB',
      holder: { companionId: 'cp0002', name: 'Елена Иванова' },
    });
    expect(value(k.enrol('cp0002', '34:CD:12:AB'))).toMatchObject({ outcome: 'refused', reason: 'card-already-enrolled', holder: { companionId: 'cp0002' } });
    // A staff card in use on the other reading.
    const staff = value(k.core.handlers.staffEnrolCard({ sessionId: k.sessionId, staffId: 'staff-nurse', card: { raw: '56EF7890', source: 'keyboard-wedge' } }));
    expect(staff).toMatchObject({ outcome: 'enrolled', card: { canonical: '56:EF:78:90' } });
    expect(value(k.enrol('cp0001', '90:78:EF:56'))).toEqual({ outcome: 'refused', reason: 'staff-card', number: '90:78:EF:56', holder: null });
    expect(k.sql("SELECT value FROM credentials WHERE value LIKE '%:%' ORDER BY value")).toEqual([{ value: 'AB:12:CD:34' }]);
    // Once Елена's card is revoked, the other reading is free: the door would find no live card to mistake it for.
    value(k.revoke(elena.credentialId, 'Lost'));
    expect(value(k.enrol('cp0001', '34:CD:12:AB')).outcome).toBe('enrolled');
    k.core.close();
  });

  it('enrols a revoked number again only as a new credential; the old one keeps its history', async () => {
    const k = await kiosk();
    // Асқар's card 0004512349 was revoked by the city; the card is handed to Елена.
    expect(codeOf(k.tap('0004512349'))).toBe('CARD_REVOKED');
    const card = enrolled(value(k.enrol('cp0002', '0004512349')));
    expect(card.credentialId).not.toBe('cr00005');
    expect(value(k.tap('0004512349')).kind).toBe('recorded');
    expect(k.sql("SELECT id, value, revoked_at FROM credentials WHERE id = 'cr00005'")).toEqual([
      { id: 'cr00005', value: 'retired:cr00005:4512349', revoked_at: '2026-09-01T09:00:00.000+05:00' },
    ]);
    const asqar = value(k.core.handlers.adminCompanionCards({ sessionId: k.sessionId, companionId: 'cp0005' }));
    expect(asqar.cards.find((c) => c.credentialId === 'cr00005')).toMatchObject({ number: '0004512349', origin: 'city', syncState: 'city' });
    k.core.close();
  });

  it('refuses every change while the city manages the cards', async () => {
    const k = await kiosk();
    expect(value(k.core.handlers.adminCardsInfo({ sessionId: k.sessionId }))).toEqual({ managedBy: 'kindergarten', cityEnrolled: false });
    k.settings().set('cardsManagedBy', 'city');
    expect(value(k.core.handlers.adminCardsInfo({ sessionId: k.sessionId }))).toEqual({ managedBy: 'city', cityEnrolled: false });
    expect(codeOf(k.enrol('cp0002', NEW_CARD))).toBe('CARDS_MANAGED_BY_CITY');
    expect(codeOf(k.revoke('cr00002', 'Lost'))).toBe('CARDS_MANAGED_BY_CITY');
    expect(k.sql('SELECT count(*) AS n FROM credential_changes')).toEqual([{ n: 0 }]);
    k.core.close();
  });

  it('finds companions by name with Kazakh letters typed as Russian ones, with their children and cards', async () => {
    const k = await kiosk();
    const found = value(k.core.handlers.adminFindCompanions({ sessionId: k.sessionId, query: 'бибигул жумабаева' })).companions;
    expect(found.every((c) => c.firstName === 'Бибігүл' && c.lastName === 'Жұмабаева')).toBe(true);
    expect(found.filter((c) => c.id === 'cp0001').map((c) => [c.liveCards, c.children.map((ch) => `${ch.firstName} (${ch.groupName})`)])).toEqual([
      [1, ['Әлихан (Балапан)', 'Айару (Жұлдыз)']],
    ]);
    expect(value(k.core.handlers.adminFindCompanions({ sessionId: k.sessionId, query: 'no such name' })).companions).toEqual([]);
    const cards = value(k.core.handlers.adminCompanionCards({ sessionId: k.sessionId, companionId: 'cp0001' })).cards;
    expect(cards).toEqual([
      { credentialId: 'cr00001', kind: 'rfid', number: '0004512345', enrolledAt: null, revokedAt: null, revokeReason: null, origin: 'city', syncState: 'city', rejectedReason: null },
    ]);
    k.core.close();
  });
});
