// One KioskApi call that always settles to a Result: a transport that throws (IPC) becomes an INTERNAL error.
import type { KioskApi, KioskRequestName, RequestArgs, RequestValue } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';

export async function safeCall<K extends KioskRequestName>(api: KioskApi, name: K, args: RequestArgs<K>): Promise<Result<RequestValue<K>>> {
  try {
    return await api.call(name, args);
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', detail: `${name} failed: ${String(error)}` } };
  }
}
