// The built web host for a describe of the peers' proofs, apart from machine.ts so that the benches, which build the
// host themselves, do not load vitest.
import { afterAll, beforeAll } from 'vitest';
import { buildMachineHost } from './machine.js';

/**
 * Builds the web host once for the calling describe (beforeAll, two minutes allowed) and removes it after (afterAll).
 * Answers a getter for the CLI's path, to be called inside the tests.
 */
export function useMachineHost(): () => string {
  let host: ReturnType<typeof buildMachineHost> | null = null;
  let cli = '';
  beforeAll(() => {
    host = buildMachineHost();
    cli = host.cli;
  }, 120_000);
  afterAll(() => host?.remove());
  return () => cli;
}
