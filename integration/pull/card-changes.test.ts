// A card enrolled at one entrance opens the other: two demo kiosk cores enrolled with one reference city server over
// loopback. The first pushes its credential-change records, the city changes its roster, and the second kiosk's next
// roster pull brings the card (and later its revocation) to its door. When the city takes the cards over, the
// kiosk refuses local changes.
import { describe, expect, it, vi } from 'vitest';
import type { EnrolOutcome } from '../../shared/admin/card-contract.js';
import type { Result } from '../../shared/api/result.js';
import { enrolled, signIn, startCity, startKiosk, value } from './fixtures.js';

const NEW_CARD = '0004512400';

const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

function enrolledCard(outcome: EnrolOutcome) {
  if (outcome.outcome !== 'enrolled') throw new Error(`expected enrolled, got ${outcome.reason}`);
  return outcome.card;
}

describe('card changes between two entrances and the city', () => {
  it('a card enrolled at the first door works at the second after its pull; its revocation too', async () => {
    const city = await startCity();
    const door1 = startKiosk();
    const door2 = startKiosk();
    await enrolled(door1, city);
    await enrolled(door2, city);
    const tap2 = (raw: string) => door2.core.handlers.identifyCard({ raw: `${raw}\r\n`, source: 'keyboard-wedge' });
    expect(codeOf(tap2(NEW_CARD))).toBe('UNKNOWN_CARD');

    const sessionId = await signIn(door1.core);
    expect(value(door1.core.handlers.adminCardsInfo({ sessionId }))).toEqual({ managedBy: 'kindergarten', cityEnrolled: true });
    const card = enrolledCard(value(door1.core.handlers.adminEnrolCard({ sessionId, companionId: 'cp0002', raw: NEW_CARD, source: 'keyboard-wedge' })));
    /** Pushes now and waits until the city has acknowledged the card's latest change. */
    const acknowledged = async () => {
      value(door1.core.handlers.nudgeSync({}));
      await vi.waitFor(
        () => {
          const cards = value(door1.core.handlers.adminCompanionCards({ sessionId, companionId: 'cp0002' })).cards;
          expect(cards.find((c) => c.credentialId === card.credentialId)?.syncState).toBe('sent');
        },
        { timeout: 10_000, interval: 50 },
      );
    };
    await acknowledged();

    await door2.core.pullFromCity();
    const outcome = value(tap2(NEW_CARD));
    expect(outcome.kind === 'recorded' ? outcome.receipt.entries.map((e) => e.firstName) : outcome.kind).toEqual(['Алиса']);
    // The first door's own pull brings the city's copy of the same credential: nothing changes there.
    await door1.core.pullFromCity();
    expect(value(door1.core.handlers.adminCompanionCards({ sessionId, companionId: 'cp0002' })).cards.find((c) => c.credentialId === card.credentialId)).toMatchObject({
      origin: 'local',
      revokedAt: null,
    });

    value(door1.core.handlers.adminRevokeCard({ sessionId, credentialId: card.credentialId, reason: 'Lost' }));
    await acknowledged();
    expect(city.recordCount()).toBeGreaterThanOrEqual(2);
    await door2.core.pullFromCity();
    expect(codeOf(tap2(NEW_CARD))).toBe('CARD_REVOKED');
  });

  it('refuses local card changes once the city manages the cards', async () => {
    const city = await startCity();
    const door = startKiosk();
    await enrolled(door, city);
    city.setCitySetting('cardsManagedBy', 'city');
    await door.core.pullFromCity();
    const sessionId = await signIn(door.core);
    expect(value(door.core.handlers.adminCardsInfo({ sessionId }))).toEqual({ managedBy: 'city', cityEnrolled: true });
    expect(codeOf(door.core.handlers.adminEnrolCard({ sessionId, companionId: 'cp0002', raw: NEW_CARD, source: 'keyboard-wedge' }))).toBe('CARDS_MANAGED_BY_CITY');
    expect(codeOf(door.core.handlers.adminRevokeCard({ sessionId, credentialId: 'cr00002' }))).toBe('CARDS_MANAGED_BY_CITY');
  });
});
