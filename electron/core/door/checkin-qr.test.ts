// QR credentials through the whole door path: KioskCore → CheckinService → verifier → events and refused attempts.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { issueQr, unixSeconds } from '../credentials/qr-issuer.js';
import { demoCitySigner } from '../demo/demo-city-key.js';
import { mintDemoQr, type DemoQrKind } from '../demo/demo-qr.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

function kiosk(demo = true) {
  const clock = manualClock('2026-11-23T03:10:00.000Z'); // 08:10 in Almaty
  const core = new KioskCore({ dataDir: tempDataDir(), demo, clock, log: () => undefined });
  const scan = (text: string) => core.handlers.identifyQr({ text, source: 'camera' });
  const query = <T>(sql: string): T[] => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  const events = () => query<{ child_id: string; kind: string; method: string; companion_id: string; credential_id: string | null }>(
    'SELECT child_id, kind, method, companion_id, credential_id FROM attendance_events ORDER BY device_seq',
  );
  const refused = () => query<{ method: string; presented: string; reason: string }>('SELECT method, presented, reason FROM refused_attempts ORDER BY occurred_ms, id');
  return { core, clock, scan, events, refused, query };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

function choose(outcome: ScanOutcome) {
  if (outcome.kind !== 'choose') throw new Error(`expected choose, got ${outcome.kind}`);
  return outcome;
}

describe('QR credentials at the door', () => {
  it('records the one child of a printed card at once, as a QR event of that credential', () => {
    const { clock, scan, events } = kiosk();
    const outcome = value(scan(mintDemoQr('valid', clock.now())));
    expect(outcome).toMatchObject({ kind: 'recorded', receipt: { companionFirstName: 'Елена', entries: [{ firstName: 'Алиса', kind: 'arrival', at: '08:10' }] } });
    expect(events()).toEqual([{ child_id: 'ch0003', kind: 'arrival', method: 'qr', companion_id: 'cp0002', credential_id: 'cq001' }]);
  });

  it('offers the children of a phone code, records the confirmed ones, and shows a repeat as one', () => {
    const { core, clock, scan, events } = kiosk();
    const code = mintDemoQr('phone', clock.now());
    const offer = choose(value(scan(code)));
    expect(offer.companionFirstName).toBe('Нұрлан');
    expect(offer.children.map((c) => [c.firstName, c.action, c.allowed])).toEqual([
      ['Ерасыл', 'arrival', true],
      ['Інжу', 'arrival', true],
    ]);
    value(core.handlers.confirmOffer({ offerId: offer.offerId, childIds: offer.children.map((c) => c.id), answers: { leavingNow: [] } }));
    clock.advance(3_000);
    expect(value(scan(code)).kind).toBe('repeat');
    expect(events().map((e) => [e.kind, e.method, e.credential_id])).toEqual([
      ['arrival', 'qr', 'cq002'],
      ['arrival', 'qr', 'cq002'],
    ]);
  });

  const refusals: [DemoQrKind | 'junk' | 'huge', string, string][] = [
    ['forged', 'QR_FORGED', 'qr-bad-signature'],
    ['expired', 'QR_EXPIRED', 'qr-expired'],
    ['not-yet-valid', 'QR_NOT_YET_VALID', 'qr-not-yet-valid'],
    ['too-long-lived', 'QR_EXPIRED', 'qr-lifetime-too-long'],
    ['revoked', 'QR_REVOKED', 'qr-revoked'],
    ['foreign', 'QR_FOREIGN', 'qr-foreign'],
    ['junk', 'QR_MALFORMED', 'qr-malformed'],
    ['huge', 'QR_TOO_LARGE', 'qr-too-large'],
  ];
  for (const [kind, code, reason] of refusals) {
    it(`refuses a ${kind} code with ${code}, records nothing, and keeps the attempt without the code itself`, () => {
      const { clock, scan, events, refused } = kiosk();
      const text = kind === 'junk' ? 'https://example.kz/pass?id=42' : kind === 'huge' ? `ESK1:${'A'.repeat(5000)}` : mintDemoQr(kind, clock.now());
      expect(scan(text)).toMatchObject({ ok: false, error: { code } });
      expect(events()).toEqual([]);
      const kept = refused();
      expect(kept).toEqual([{ method: 'qr', presented: expect.stringMatching(/#[0-9a-f]{16}$/) as string, reason }]);
      expect(kept[0]?.presented).not.toContain(text.slice(20, 40));
    });
  }

  it('describes a readable refused code by its claims, never by its signature', () => {
    const { clock, scan, refused } = kiosk();
    scan(mintDemoQr('revoked', clock.now()));
    expect(refused()[0]?.presented).toMatch(/^card kg-demo\/cp0005\/cq004 v1 key demo1 #[0-9a-f]{16}$/);
  });

  it('accepts a phone code for a minute and a half at most, then refuses it as expired', () => {
    const { clock, scan, events, refused } = kiosk();
    const code = mintDemoQr('nanny-phone', clock.now());
    clock.advance(90_000);
    const offer = choose(value(scan(code)));
    expect(offer.companionFirstName).toBe('Гүлнар');
    clock.advance(15_000); // past the repeat window, past the code's life
    expect(scan(code)).toMatchObject({ ok: false, error: { code: 'QR_EXPIRED' } });
    expect(events()).toEqual([]);
    expect(refused().map((r) => r.reason)).toEqual(['qr-expired']);
  });

  it('alerts staff when a nanny\'s phone code tries to collect, keeping the attempt without the code', () => {
    const { core, clock, scan, refused } = kiosk();
    // Kept for the staff screens: the pages hear only how many wait (checkin-service.test.ts reads what is kept).
    const heard: unknown[] = [];
    core.onEvent((name, payload) => {
      if (name === 'staffAlert' || name === 'keptAlertsChanged') heard.push({ name, payload });
    });
    const morning = choose(value(scan(mintDemoQr('nanny-phone', clock.now()))));
    value(core.handlers.confirmOffer({ offerId: morning.offerId, childIds: morning.children.map((c) => c.id), answers: { leavingNow: [] } }));
    clock.set('2026-11-23T12:00:00.000Z');
    const evening = mintDemoQr('nanny-phone', clock.now());
    expect(choose(value(scan(evening))).children.every((c) => !c.allowed)).toBe(true);
    expect(heard).toEqual([{ name: 'keptAlertsChanged', payload: { kept: 1 } }]);
    expect(refused()).toEqual([{ method: 'qr', presented: expect.stringMatching(/^phone kg-demo\/cp0004\/cq003 v1 key demo1 #/) as string, reason: 'pickup-not-allowed' }]);
  });

  it('takes a fresh city phone code of a known companion whose credential the roster does not list yet', () => {
    const { core, clock, scan, events } = kiosk();
    const code = issueQr(
      { variant: 'phone', kindergartenId: 'kg-demo', companionId: 'cp0001', credentialId: 'cq-new', credentialVersion: 1, issuedAt: unixSeconds(clock.now()), lifetimeSeconds: 60 },
      demoCitySigner(),
    );
    const offer = choose(value(scan(code)));
    expect(offer.companionFirstName).toBe('Бибігүл');
    value(core.handlers.confirmOffer({ offerId: offer.offerId, childIds: ['ch0001'], answers: { leavingNow: [] } }));
    expect(events()).toEqual([{ child_id: 'ch0001', kind: 'arrival', method: 'qr', companion_id: 'cp0001', credential_id: null }]);
  });

  it('trusts the demo city key only in the demo kindergarten, and its own key always', () => {
    const demo = kiosk(true);
    expect(demo.query<{ id: string; owner: string }>('SELECT id, owner FROM trusted_keys ORDER BY owner')).toEqual([
      { id: 'demo1', owner: 'city' },
      { id: expect.stringMatching(/^k[0-9a-f]{8}$/) as string, owner: 'kiosk' },
    ]);
    const real = kiosk(false);
    expect(real.query<{ owner: string }>('SELECT owner FROM trusted_keys')).toEqual([{ owner: 'kiosk' }]);
    expect(real.scan(mintDemoQr('valid', real.clock.now()))).toMatchObject({ ok: false, error: { code: 'QR_FOREIGN' } });
  });
});
