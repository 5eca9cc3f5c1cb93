// Builds a KioskApi on top of any raw transport, checking every reply and event against the contract,
// so the UI never acts on a payload the core did not promise.
import { kioskEvents, kioskRequests, type KioskApi, type KioskEventName, type KioskRequestName, type RequestValue, type EventPayload } from './contract.js';
import type { Result } from './result.js';

export interface RawTransport {
  call(name: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function checkedKioskApi(transport: RawTransport): KioskApi {
  return {
    async call<K extends KioskRequestName>(name: K, args: unknown): Promise<Result<RequestValue<K>>> {
      const raw = (await transport.call(name, args)) as Result<unknown>;
      if (!raw || typeof raw !== 'object' || !('ok' in raw)) return { ok: false, error: { code: 'INTERNAL', detail: 'malformed reply' } };
      if (!raw.ok) return raw;
      const parsed = kioskRequests[name].result.safeParse(raw.value);
      if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', detail: `reply to ${name} broke the contract: ${parsed.error.message}` } };
      return { ok: true, value: parsed.data as RequestValue<K> };
    },
    on<E extends KioskEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.on(event, (payload) => {
        const parsed = kioskEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<E>);
        else console.error(`[kiosk] dropped malformed ${event} event`, parsed.error.message);
      });
    },
  };
}
