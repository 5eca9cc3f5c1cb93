// A roster the kiosk will not apply — not JSON, the wrong shape, a card number that is not canonical, a link to a
// child it does not list, 17 MiB, a redirect — keeps the roster the door had, and the sync status says so with a
// coded reason (rosterProblem) until a good roster comes, instead of "online" with nothing wrong.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { RunningCityServer } from '../../city-server/src/city-server.js';
import { PROTOCOL_HEADER, type RosterReply } from '../../shared/sync/protocol.js';
import type { RosterProblemCode, SyncStatus } from '../../shared/sync/sync-status.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { FileSecretStore } from '../../electron/core/files/secret-store.js';
import { SYNC_KEYS } from '../../electron/core/ledger/sync-state.js';
import { enrolled, startCity, startKiosk, value, type Kiosk } from './fixtures.js';

/** Another server at the kiosk's address: its roster is `body`, its peers none. */
async function rosterServer(body: string): Promise<string> {
  const server: Server = createServer((req, res) => {
    const headers = { 'content-type': 'application/json', [PROTOCOL_HEADER]: '1' };
    if (req.url?.startsWith('/v1/roster')) return res.writeHead(200, headers).end(body);
    if (req.url?.startsWith('/v1/records/peers')) return res.writeHead(200, headers).end(JSON.stringify({ cursor: 'none', records: [] }));
    return res.writeHead(404, headers).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** The city's own snapshot for this kiosk, to break one thing in it. */
async function citySnapshot(kiosk: Kiosk, city: RunningCityServer): Promise<Extract<RosterReply, { kind: 'snapshot' }>> {
  const token = new FileSecretStore(kiosk.dataDir, { cipher: null, log: () => undefined }).get('city-token');
  const client = new CityClient({ serverUrl: city.url, token });
  try {
    const reply = (await client.roster(null)).value;
    if (reply.kind !== 'snapshot') throw new Error('expected a snapshot');
    return reply;
  } finally {
    client.close();
  }
}

function pointKioskAt(kiosk: Kiosk, serverUrl: string): void {
  const db = new BetterSqlite3(join(kiosk.dataDir, 'esik.sqlite'));
  db.prepare('UPDATE sync_state SET value = ? WHERE key = ?').run(serverUrl, SYNC_KEYS.serverUrl);
  db.close();
}

type Breakage = (kiosk: Kiosk, city: RunningCityServer) => Promise<void>;

const viaFault =
  (mode: 'not-json' | 'wrong-types' | 'huge-body' | 'redirect-other-host'): Breakage =>
  (_kiosk, city) => {
    city.setFaults({ malformed: mode, seed: 3 });
    return Promise.resolve();
  };

const viaEdit =
  (edit: (reply: Extract<RosterReply, { kind: 'snapshot' }>) => unknown): Breakage =>
  async (kiosk, city) => {
    const reply = await citySnapshot(kiosk, city);
    pointKioskAt(kiosk, await rosterServer(JSON.stringify(edit(reply))));
  };

const CASES: [name: string, breakage: Breakage, code: RosterProblemCode][] = [
  ['an HTML page', viaFault('not-json'), 'SYNC_MALFORMED'],
  ['every field of the wrong type', viaFault('wrong-types'), 'SYNC_MALFORMED'],
  ['17 MiB', viaFault('huge-body'), 'SYNC_TOO_LARGE'],
  ['a redirect to another host', viaFault('redirect-other-host'), 'SYNC_REDIRECT'],
  ['a missing field', viaEdit((r) => ({ ...r, roster: { ...r.roster, children: undefined } })), 'SYNC_MALFORMED'],
  ['an unknown kind', viaEdit((r) => ({ ...r, kind: 'everything' })), 'SYNC_MALFORMED'],
  [
    'a card number with leading zeros',
    viaEdit((r) => ({ ...r, roster: { ...r.roster, credentials: r.roster.credentials.map((c) => (c.kind === 'rfid' && c.id === 'cr00002' ? { ...c, value: '0004512399' } : c)) } })),
    'ROSTER_BAD_CARD',
  ],
  [
    'a card number that is not one',
    viaEdit((r) => ({ ...r, roster: { ...r.roster, credentials: r.roster.credentials.map((c) => (c.id === 'cr00002' ? { ...c, value: '<b>card</b>' } : c)) } })),
    'ROSTER_BAD_CARD',
  ],
  [
    'a link to a child it does not list',
    viaEdit((r) => ({ ...r, roster: { ...r.roster, links: [...r.roster.links, { companionId: 'cp0001', childId: 'ch-nobody', mayBring: true, mayCollect: true, blocked: false }] } })),
    'ROSTER_INCONSISTENT',
  ],
];

describe('a roster the kiosk refuses', () => {
  for (const [name, breakage, code] of CASES) {
    it(`${name}: the old roster stays, and the status says it is stale (${code}) until a good one comes`, async () => {
      const kiosk = startKiosk();
      const city = await startCity({ now: () => kiosk.clock.now() });
      await enrolled(kiosk, city);
      const { core } = kiosk;
      const heard: SyncStatus[] = [];
      core.onEvent((event, payload) => {
        if (event === 'syncStatusChanged') heard.push(payload as SyncStatus);
      });
      expect(value(core.handlers.getSyncStatus({})).rosterProblem).toBeNull();
      const before = kiosk.clock.now().getTime();

      await breakage(kiosk, city);
      await expect(core.pullFromCity()).rejects.toMatchObject({ code: expect.stringMatching(/^SYNC_/) as unknown });

      expect(value(core.handlers.getSyncStatus({})).rosterProblem).toEqual({ code, sinceMs: before });
      expect(heard.at(-1)?.rosterProblem).toEqual({ code, sinceMs: before });
      // The door still has the city's roster it had: Елена's card opens it.
      expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true });

      // Still stale a minute later: the first failure dates it.
      kiosk.clock.advance(60_000);
      await expect(core.pullFromCity()).rejects.toBeDefined();
      expect(value(core.handlers.getSyncStatus({})).rosterProblem).toEqual({ code, sinceMs: before });

      // The city's roster again: current.
      city.setFaults({});
      pointKioskAt(kiosk, `${city.url}/`);
      await core.pullFromCity();
      expect(value(core.handlers.getSyncStatus({})).rosterProblem).toBeNull();
      expect(heard.at(-1)?.rosterProblem).toBeNull();
    });
  }
});
