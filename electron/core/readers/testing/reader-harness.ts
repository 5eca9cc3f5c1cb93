// Runs a HidReaderService against a HidAccess and records what it reports, with promises to wait for a
// state or a card instead of sleeping.
import type { ReaderState } from '../../../../shared/api/contract.js';
import type { HidAccess } from '../hid-access.js';
import { HidReaderService, type HidReaderServiceOptions } from '../hid-reader-service.js';
import { HidReaderConfigSchema, type HidReaderConfig } from '../../../../shared/readers/reader-config.js';

export interface ReaderHarness {
  service: HidReaderService;
  cards: string[];
  log: string[];
  /** Resolves when `predicate` holds, checked after every card and state change. */
  until(predicate: () => boolean): Promise<void>;
  state(): ReaderState['state'] | undefined;
  detail(): string | null | undefined;
}

export function readerConfig(overrides: Partial<HidReaderConfig> = {}): HidReaderConfig {
  return HidReaderConfigSchema.parse({ vendorId: 0xffff, productId: 0x0035, name: 'Entrance reader', ...overrides });
}

export function startReaders(access: HidAccess, config: HidReaderConfig, options: Partial<HidReaderServiceOptions> = {}): ReaderHarness {
  const cards: string[] = [];
  const log: string[] = [];
  let states: ReaderState[] = [];
  const waiters: Array<{ predicate: () => boolean; resolve: () => void }> = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (!waiter.predicate()) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const service = new HidReaderService({
    access,
    readers: [config],
    onCard: (raw) => {
      cards.push(raw);
      check();
    },
    onReaders: (next) => {
      states = next;
      check();
    },
    log: (line) => log.push(line),
    pollMs: 5,
    maxPollMs: 40,
    ...options,
  });
  service.start();
  return {
    service,
    cards,
    log,
    until: (predicate) => (predicate() ? Promise.resolve() : new Promise((resolve) => waiters.push({ predicate, resolve }))),
    state: () => states[0]?.state,
    detail: () => states[0]?.detail,
  };
}
