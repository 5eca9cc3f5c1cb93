// One pull against the push worker racing it: the roster the city made before it applied a card change arrives after
// the worker (its own connection to the same file, as in its own thread) recorded the change as acknowledged. The
// pull must have read what waits for the city before it asked for the roster, so the kiosk's change stands.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PeersReply, RosterReply, RosterSnapshot } from '../../../shared/sync/protocol.js';
import { adminKit, at, kitRoster, value } from '../admin/testing/admin-kit.js';
import type { CityReply } from './city-client.js';
import { CityPull, type CityReader } from './city-pull.js';
import { ClockOffsetTracker } from './clock-offset.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { SyncStateStore } from '../ledger/sync-state.js';

const NOW = new Date('2027-01-05T06:00:00.000Z');

const reply = <T>(v: T): CityReply<T> => ({ value: v, serverDateMs: null, startedMs: NOW.getTime(), finishedMs: NOW.getTime() });

describe('a roster pull racing the push of a card change', () => {
  it('keeps a card revoked here that the city acknowledged while its older roster was on the way', async () => {
    const k = adminKit();
    value(k.cards.revoke('head', 'cr-bibigul', 'Lost', at('2027-01-05T10:00:00.000+05:00')));
    const worker = new BetterSqlite3(join(k.dataDir, 'esik.sqlite'));
    onTestFinished(() => {
      worker.close();
    });

    // The city's roster as it was before it heard of the revocation: Бібігүл's card live.
    const roster: RosterSnapshot = { ...structuredClone(kitRoster), cityKeys: [], settings: {} };
    const city: CityReader = {
      roster: () => {
        // While the request is in flight the push worker has the revocation acknowledged on its own connection.
        const pending = worker.prepare<[], { seq: number }>("SELECT seq FROM sync_outbox WHERE record_type = 'credential-change' AND state = 'pending'").all();
        expect(pending).toHaveLength(1);
        new OutboxStore(worker).settle(pending.map(({ seq }) => ({ seq, status: 'sent' as const })), NOW.getTime());
        return Promise.resolve(reply<RosterReply>({ kind: 'snapshot', cursor: 'c1', roster }));
      },
      peers: () => Promise.resolve(reply<PeersReply>({ cursor: 'p1', records: [] })),
    };
    const pull = new CityPull({ db: k.db, attendance: k.log, clockOffset: new ClockOffsetTracker(new SyncStateStore(k.db), () => undefined), now: () => NOW });

    const outcome = await pull.pullOnce(city);
    expect(outcome.roster).toMatchObject({ kind: 'snapshot', cursor: 'c1' });
    expect(k.db.prepare("SELECT state FROM sync_outbox WHERE record_type = 'credential-change'").pluck().all()).toEqual(['sent']);
    expect(k.db.prepare("SELECT revoked_at FROM credentials WHERE id = 'cr-bibigul'").get()).toEqual({ revoked_at: '2027-01-05T10:00:00.000+05:00' });
  });
});
