// A core for tests whose pushed events are kept, with a way to wait until one has come.
import type { EventPayload, KioskEventName } from '../../../shared/api/contract.js';
import { KioskCore, type KioskCoreOptions } from '../kiosk-core.js';

/** A core whose pushed events are recorded, with a promise to wait for one. */
export function watchedCore(options: KioskCoreOptions) {
  const events: { name: KioskEventName; payload: unknown }[] = [];
  const waiters: Array<() => void> = [];
  const core = new KioskCore(options);
  core.onEvent((name, payload) => {
    events.push({ name, payload });
    for (const wake of waiters.splice(0)) wake();
  });
  const payloads = <E extends KioskEventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>);
  const until = async (predicate: () => boolean): Promise<void> => {
    while (!predicate()) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { core, payloads, until };
}
