// The relay as the sync worker runs it (docs/peers.md §5 "Exactly once to the city"): after this kiosk's own push,
// each round, one push per door it relays (relay-push.ts), with one city client per door kept for the worker's life
// (its keep-alive socket reused round after round) and closed when the worker stops. The doors' tokens come with the
// worker's start data: a relay enrollment restarts the worker, as an own enrollment does.
import type { Database } from 'better-sqlite3';
import type { PushPacing } from '../pacing/push-pacing.js';
import { CityClient } from './city-client.js';
import type { HttpLimits } from './http-request.js';
import { relayRound, type RelayRound } from './relay-push.js';
import type { RelayTokens } from './relay-tokens.js';

export interface SyncRelayOptions {
  db: Database;
  tokens: RelayTokens;
  now: () => number;
  batchSize?: number;
  limits?: Partial<HttpLimits>;
  pacing?: PushPacing;
  log: (line: string) => void;
  /** After a door's batch is settled (the worker's passive checkpoint). */
  onBatch?: () => void;
}

export class SyncRelay {
  private readonly clients = new Map<string, { key: string; client: CityClient }>();

  constructor(private readonly o: SyncRelayOptions) {}

  /** Whether any door is relayed here at all (no tokens: the loop has no relay step). */
  get doors(): number {
    return Object.keys(this.o.tokens).length;
  }

  /** One round over every relayed door; what each came to is logged when it sent, failed or ended. */
  async round(stopping: () => boolean): Promise<RelayRound[]> {
    const rounds = await relayRound({
      db: this.o.db,
      tokens: this.o.tokens,
      clientFor: (doorId, serverUrl, token) => this.clientFor(doorId, serverUrl, token),
      now: this.o.now,
      log: this.o.log,
      stopping,
      ...(this.o.batchSize === undefined ? {} : { batchSize: this.o.batchSize }),
      ...(this.o.pacing === undefined ? {} : { pacing: this.o.pacing }),
    });
    for (const r of rounds) {
      if ('result' in r && r.result.batches > 0) {
        this.o.onBatch?.();
        this.o.log(`[relay] pushed for ${r.doorId}: ${r.result.sent} sent, ${r.result.rejected} rejected`);
      }
    }
    return rounds;
  }

  close(): void {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }

  private clientFor(doorId: string, serverUrl: string, token: string): CityClient {
    const key = `${serverUrl} ${token}`;
    const held = this.clients.get(doorId);
    if (held?.key === key) return held.client;
    held?.client.close();
    const client = new CityClient({ serverUrl, token, now: this.o.now, ...(this.o.limits === undefined ? {} : { limits: this.o.limits }) });
    this.clients.set(doorId, { key, client });
    return client;
  }
}
