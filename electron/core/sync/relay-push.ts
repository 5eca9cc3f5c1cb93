// Pushing for a door with no network (docs/peers.md §5 "Exactly once to the city"): one push engine per relayed door,
// over that door's rows of relay_outbox, its progress under sync_state keys prefixed by the door's id, sent with the
// door's own token, so the city sees ordinary pushes from the door's device id with the door's own chain head.
// A door seen pushing for itself (its own city-acks) is relayed no more.
import type { Database } from 'better-sqlite3';
import { relayEnded } from '../ledger/relay-queue.js';
import { RelayOutboxStore } from '../ledger/relay-outbox-store.js';
import { relayStatePrefix, SyncStateStore } from '../ledger/sync-state.js';
import type { PushPacing } from '../pacing/push-pacing.js';
import type { CityClient } from './city-client.js';
import { PushEngine, type DrainResult, type PushSource } from './push-engine.js';
import type { RelayTokens } from './relay-tokens.js';

/** A relayed door's queue, state and device: what its engine pushes. */
export function relaySource(db: Database, doorId: string): PushSource {
  return { outbox: new RelayOutboxStore(db, doorId), state: new SyncStateStore(db, relayStatePrefix(doorId)), deviceId: doorId };
}

export interface RelayPushOptions {
  db: Database;
  doorId: string;
  /** A client holding the DOOR's token. */
  client: Pick<CityClient, 'push' | 'missing' | 'hello'>;
  now?: () => number;
  batchSize?: number;
  log?: (line: string) => void;
  pacing?: PushPacing;
}

/** The engine that pushes one door's relayed records. */
export function relayPushEngine(options: RelayPushOptions): PushEngine {
  const { doorId, ...rest } = options;
  return new PushEngine({ ...rest, source: relaySource(options.db, doorId), cityDeviceId: doorId });
}

export type RelayRound = { doorId: string; ended: true } | { doorId: string; ended: false; result: DrainResult } | { doorId: string; ended: false; error: unknown };

export interface RelayRoundOptions extends Omit<RelayPushOptions, 'doorId' | 'client'> {
  tokens: RelayTokens;
  /** A client for a door's server with the door's token (closed by the caller's own means when it keeps one). */
  clientFor: (doorId: string, serverUrl: string, token: string) => Pick<CityClient, 'push' | 'missing' | 'hello'>;
  stopping?: () => boolean;
}

/**
 * One round over every relayed door, one door at a time (one push in flight per device, and one for this machine's
 * own beside it at most). A door that fails is noted and the next is pushed all the same.
 */
export async function relayRound(options: RelayRoundOptions): Promise<RelayRound[]> {
  const { tokens, clientFor, stopping = () => false, ...rest } = options;
  const rounds: RelayRound[] = [];
  for (const [doorId, { serverUrl, token }] of Object.entries(tokens)) {
    if (stopping()) break;
    if (relayEnded(options.db, doorId)) {
      rounds.push({ doorId, ended: true });
      continue;
    }
    const engine = relayPushEngine({ ...rest, doorId, client: clientFor(doorId, serverUrl, token) });
    try {
      rounds.push({ doorId, ended: false, result: await engine.drain(stopping) });
    } catch (error) {
      options.log?.(`[relay] pushing for ${doorId} failed: ${error instanceof Error ? error.message : String(error)}`);
      rounds.push({ doorId, ended: false, error });
    }
  }
  return rounds;
}
