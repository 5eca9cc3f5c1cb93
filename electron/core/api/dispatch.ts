// The one door into the core from any transport: checks the request name and payload, runs the handler,
// and turns every failure into a coded error instead of a thrown exception across the process edge.
// Most handlers answer at once (a tap must not wait a tick); the few that wait on the network (enrollKiosk) answer
// with a Promise, and a rejection there becomes the same coded error.
import { isKioskRequestName, kioskRequests, type KioskRequestName, type RequestArgs } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';
import { storageProblemOf } from '../db/storage-failure.js';
import type { KioskHandlers } from '../kiosk-core.js';

export function dispatch(
  handlers: KioskHandlers,
  name: unknown,
  args: unknown,
  log: (line: string) => void = console.error,
): Result<unknown> | Promise<Result<unknown>> {
  if (!isKioskRequestName(name)) return fail('UNKNOWN_REQUEST', `no request named ${String(name).slice(0, 64)}`);
  const parsed = kioskRequests[name].args.safeParse(args ?? {});
  if (!parsed.success) return fail('INVALID_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  try {
    const result = run(handlers, name, parsed.data);
    return result instanceof Promise ? result.catch((error: unknown) => internal(name, error, log)) : result;
  } catch (error) {
    return internal(name, error, log);
  }
}

function run<K extends KioskRequestName>(handlers: KioskHandlers, name: K, args: RequestArgs<K>): Result<unknown> | Promise<Result<unknown>> {
  const handler = handlers[name] as (a: RequestArgs<K>) => Result<unknown> | Promise<Result<unknown>>;
  return handler(args);
}

function internal(name: string, error: unknown, log: (line: string) => void): Result<unknown> {
  log(`[core] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // A write the disk refused (an admin's act on a full disk) is told as such, not as a bug.
  if (storageProblemOf(error) !== null) return fail('CANNOT_RECORD', error instanceof Error ? error.message : String(error));
  return fail('INTERNAL', error instanceof Error ? error.message : String(error));
}
