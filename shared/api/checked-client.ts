// Builds a KioskApi on top of any raw transport, checking every reply and event against the contract,
// so the UI never acts on a payload the core did not promise.
import { kioskEvents, kioskRequests, type KioskApi, type KioskEventName, type KioskRequestName, type RequestValue, type EventPayload } from './contract.js';
import { resultSchema, type Result } from './result.js';
import { z } from 'zod';

const replySchema = resultSchema(z.unknown());

export interface RawTransport {
  call(name: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** report hears about events dropped for breaking the contract (shared code has no console of its own). */
export function checkedKioskApi(transport: RawTransport, report: (message: string) => void = () => undefined): KioskApi {
  return {
    async call<K extends KioskRequestName>(name: K, args: unknown): Promise<Result<RequestValue<K>>> {
      const raw = replySchema.safeParse(await transport.call(name, args));
      if (!raw.success) return { ok: false, error: { code: 'INTERNAL', detail: `malformed reply to ${name}` } };
      if (!raw.data.ok) return raw.data;
      const parsed = kioskRequests[name].result.safeParse(raw.data.value);
      if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', detail: `reply to ${name} broke the contract: ${parsed.error.message}` } };
      return { ok: true, value: parsed.data as RequestValue<K> };
    },
    on<E extends KioskEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.on(event, (payload) => {
        const parsed = kioskEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<E>);
        else report(`dropped malformed ${event} event: ${parsed.error.message}`);
      });
    },
  };
}
