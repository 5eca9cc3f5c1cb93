// The one door into the core from any transport: checks the request name and payload, runs the handler,
// and turns every failure into a coded error instead of a thrown exception across the process edge.
import { isKioskRequestName, kioskRequests, type KioskRequestName, type RequestArgs } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';
import type { KioskHandlers } from '../kiosk-core.js';

export function dispatch(handlers: KioskHandlers, name: unknown, args: unknown, log: (line: string) => void = console.error): Result<unknown> {
  if (!isKioskRequestName(name)) return fail('UNKNOWN_REQUEST', `no request named ${String(name).slice(0, 64)}`);
  const parsed = kioskRequests[name].args.safeParse(args ?? {});
  if (!parsed.success) return fail('INVALID_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  try {
    return run(handlers, name, parsed.data);
  } catch (error) {
    log(`[core] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fail('INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

function run<K extends KioskRequestName>(handlers: KioskHandlers, name: K, args: RequestArgs<K>): Result<unknown> {
  const handler = handlers[name] as (a: RequestArgs<K>) => Result<unknown>;
  return handler(args);
}
