// Whether the transport to the kiosk core is up, as an external store React can subscribe to.
import { useSyncExternalStore } from 'react';

/** null until the transport first reports: a slow first connect is not a lost connection. */
export type Connection = boolean | null;

export interface ConnectionStore {
  set: (connected: boolean) => void;
  get: () => Connection;
  subscribe: (listener: () => void) => () => void;
}

export function createConnectionStore(): ConnectionStore {
  let connected: Connection = null;
  const listeners = new Set<() => void>();
  return {
    set(next) {
      if (next === connected) return;
      connected = next;
      for (const listener of listeners) listener();
    },
    get: () => connected,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useConnection(store: ConnectionStore): Connection {
  return useSyncExternalStore(store.subscribe, store.get);
}
