// A door's card changes against the city's roster pulled at another machine (docs/peers.md §5 "Exactly once to the
// city"), with the reference city server: two kiosk cores in one process paired by code over 127.0.0.1, door 1 with no
// network (never enrolled). Its admin enrols a new card and revokes a city card; the office takes both in over the
// LAN, then enrolls with the city, whose first roster (a snapshot) knows neither change. The office keeps them as the
// door has them — the door's card opens, the revoked one stays revoked — since no city-acks covers them yet. Before the
// rule, that snapshot undid both at the office. Once the office carries the door to the city (relay), its push's
// city-acks settles them, and the city's roster then says what the door did.
import { describe, expect, it } from 'vitest';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import type { KioskCore } from '../../electron/core/kiosk-core.js';
import { freePort } from '../../electron/core/peers/testing/peer-group-kit.js';
import { manualClock, tempDataDir } from '../../electron/core/testing/fixtures.js';
import { keepAsOwnKindergarten } from '../../electron/core/testing/own-kindergarten.js';
import { rowsOf, signedIn, startedCore } from '../../electron/core/testing/started-core.js';
import { MORNING, startCity, value } from '../pull/fixtures.js';

const NEW_CARD = '0004512400';
const TUNING = { membersEveryMs: 100, statusEveryMs: 200 };

async function machine(clock: ReturnType<typeof manualClock>, lines: string[]): Promise<{ core: KioskCore; dir: string; port: number }> {
  const dir = tempDataDir();
  const port = await freePort();
  const core = startedCore({ dataDir: dir, demo: true, clock, log: (l) => lines.push(l), cityPullIntervalMs: 0, peers: { host: '127.0.0.1', port, beacon: null, tuning: TUNING } });
  keepAsOwnKindergarten(core.databasePath);
  return { core, dir, port };
}

/** Bounded wait for a condition read from the files. */
async function until(what: string, done: () => boolean, lines: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen:\n${lines.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a door’s card changes and the city’s roster pulled at the office', () => {
  it('stay as the door made them at the office until the city acknowledges them', async () => {
    const city = await startCity();
    const clock = manualClock(MORNING);
    const lines: string[] = [];
    const door = await machine(clock, lines);
    const office = await machine(clock, lines);

    const head = await signedIn(door.core, 'staff-admin', '2468');
    const opened = value(await door.core.handlers.peerPairingOpen({ sessionId: head, pin: '2468' }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}`);
    const officeAdmin = await signedIn(office.core, 'staff-admin', '2468');
    // In service, the console's join: the admin's PIN again (setupPeerJoin is the first run's only).
    const joined = await office.core.handlers.peerJoin({ sessionId: officeAdmin, pin: '2468', address: `127.0.0.1:${door.port}`, code: opened.opened.code, name: 'Office' });
    if (!joined.ok || joined.value.outcome !== 'joined') throw new Error(`the office did not join: ${JSON.stringify(joined)}\n${lines.join('\n')}`);

    // At the door, with no network: a new card for Алиса's companion, and a city card revoked.
    const enrolled = value(door.core.handlers.adminEnrolCard({ sessionId: head, companionId: 'cp0002', raw: NEW_CARD, source: 'keyboard-wedge' }));
    if (enrolled.outcome !== 'enrolled') throw new Error(`not enrolled: ${enrolled.reason}`);
    const newCard = enrolled.card.credentialId;
    const cityCard = (JSON.parse(rowsOf(door.dir, `SELECT id FROM credentials WHERE value = '${demoCards.motherOneChild.replace(/^0+/, '')}'`)) as { id: string }[])[0]?.id ?? '';
    expect(cityCard).not.toBe('');
    value(door.core.handlers.adminRevokeCard({ sessionId: head, credentialId: cityCard, reason: 'Lost' }));
    const cards = (dir: string): string => rowsOf(dir, `SELECT id, value, revoked_at IS NOT NULL AS revoked FROM credentials WHERE id IN ('${newCard}', '${cityCard}') ORDER BY id`);
    await until('the office taking the door’s changes', () => cards(office.dir) === cards(door.dir), lines);
    const asTheDoorHasThem = cards(door.dir);
    expect(JSON.parse(asTheDoorHasThem)).toEqual(
      expect.arrayContaining([
        { id: newCard, value: NEW_CARD.replace(/^0+/, ''), revoked: 0 },
        { id: cityCard, value: demoCards.motherOneChild.replace(/^0+/, ''), revoked: 1 },
      ]),
    );

    // The office enrolls with the city: its first roster is the city's snapshot, which knows neither change.
    const sessionId = await signedIn(office.core, 'staff-admin', '2468');
    const result = value(await office.core.handlers.enrollKiosk({ sessionId, serverUrl: city.url, code: city.issueEnrollmentCode() }));
    if (!result.rosterLoaded) throw new Error(`enrolled, but the first pull failed:\n${lines.slice(-20).join('\n')}`);
    await office.core.pullFromCity();
    expect(cards(office.dir)).toBe(asTheDoorHasThem);
    // At the office's reader: the door's new card is known, the card revoked at the door is refused.
    const tap = (raw: string) => office.core.handlers.identifyCard({ raw: `${raw}\r\n`, source: 'keyboard-wedge' });
    const revokedTap = tap(demoCards.motherOneChild);
    expect(revokedTap.ok ? revokedTap.value.kind : revokedTap.error.code).toBe('CARD_REVOKED');
    const newTap = tap(NEW_CARD);
    expect(newTap.ok || newTap.error.code !== 'UNKNOWN_CARD').toBe(true);

    // The office carries the door to the city: its push under the door's token is answered, its own city-acks for the
    // door settles the door's changes here, and the city's roster now says what the door did.
    const pending = (): string => rowsOf(office.dir, "SELECT count(*) AS n FROM peer_city_state WHERE state = 'pending'");
    expect(pending()).toBe('[{"n":2}]');
    const doorId = (JSON.parse(rowsOf(door.dir, 'SELECT id FROM device')) as { id: string }[])[0]?.id ?? '';
    value(await office.core.handlers.relayEnroll({ sessionId, deviceId: doorId, serverUrl: city.url, code: city.issueEnrollmentCode() }));
    await until('the city acknowledging the door’s changes at the office', () => {
      value(office.core.handlers.nudgeSync({}));
      return pending() === '[{"n":0}]';
    }, lines);
    await office.core.pullFromCity();
    expect(cards(office.dir)).toBe(asTheDoorHasThem);
  }, 180_000);
});
