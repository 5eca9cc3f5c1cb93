import { describe, expect, it } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { demoQrCodes, mintDemoQr } from './demo-qr.js';
import { demoQrCredentials, demoRoster } from './demo-roster.js';

function demoKiosk(demo = true) {
  const clock = manualClock('2026-11-23T03:10:00.000Z');
  const core = new KioskCore({ dataDir: tempDataDir(), demo, clock, log: () => undefined });
  const scan = (text: string) => core.handlers.identifyQr({ text, source: 'scanner' });
  return { core, clock, scan };
}

describe('the demo roster\'s QR credentials', () => {
  it('gives the README families QR credentials, one withdrawn, and 20 more single-child companions a printed card', () => {
    const qr = demoRoster().credentials.filter((c) => c.kind === 'qr');
    expect(qr.slice(0, 4).map((c) => [c.value, c.companionId, c.revokedAt !== null])).toEqual([
      [demoQrCredentials.motherCard, 'cp0002', false],
      [demoQrCredentials.fatherPhone, 'cp0003', false],
      [demoQrCredentials.nannyPhone, 'cp0004', false],
      [demoQrCredentials.revoked, 'cp0005', true],
    ]);
    expect(qr).toHaveLength(24);
    expect(qr.every((c) => c.id === c.value)).toBe(true);
  });
});

describe('demoQrCodes', () => {
  it('mints, for a demo kiosk\'s database, codes the kiosk accepts or refuses as labelled', () => {
    const { core, clock, scan } = demoKiosk();
    const codes = demoQrCodes(core.databasePath, clock.now());
    expect(codes.valid.length).toBeGreaterThanOrEqual(20);
    expect(codes.valid[0]).toMatchObject({ companionFirstName: 'Елена', childFirstNames: ['Алиса'] });
    for (const pass of codes.valid) {
      expect(pass.text.length).toBeLessThanOrEqual(150);
      const outcome = scan(pass.text);
      expect(outcome.ok && outcome.value.kind === 'recorded' && outcome.value.receipt.entries.map((e) => e.firstName)).toEqual(pass.childFirstNames);
      // Two printed cards may share a child: past the door's guard after an arrival, the next one records by itself.
      clock.advance(31 * 60_000);
    }
    expect(scan(codes.forged)).toMatchObject({ ok: false, error: { code: 'QR_FORGED' } });
    expect(scan(codes.expired)).toMatchObject({ ok: false, error: { code: 'QR_EXPIRED' } });
    expect(scan(codes.revoked)).toMatchObject({ ok: false, error: { code: 'QR_REVOKED' } });
    expect(scan(codes.foreign)).toMatchObject({ ok: false, error: { code: 'QR_FOREIGN' } });
    expect(codes.phone.map((p) => p.companionFirstName).slice(0, 3)).toEqual(['Елена', 'Нұрлан', 'Гүлнар']);
    core.close();
  });

  it('refuses a database without the demo kindergarten', () => {
    const { core } = demoKiosk(false);
    expect(() => demoQrCodes(core.databasePath)).toThrow(/not a demo kiosk/);
    core.close();
  });

  it('mints every kind for the README families without a database', () => {
    const now = new Date('2026-11-23T03:10:00.000Z');
    for (const kind of ['valid', 'phone', 'nanny-phone', 'forged', 'expired', 'not-yet-valid', 'too-long-lived', 'revoked', 'foreign'] as const) {
      expect(mintDemoQr(kind, now)).toMatch(/^ESK1:[A-Z2-7]{140,160}$/);
    }
  });
});
