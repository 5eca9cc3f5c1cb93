// Messages of the web host's WebSocket transport (the Electron shell uses IPC with the same payloads).
import { z } from 'zod';
import { ApiErrorSchema } from './result.js';

export const WS_PATH = '/api';
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const ClientMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  args: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    /** null when the message it answers was too broken to carry an id (not JSON, no id). */
    id: z.number().int().nonnegative().nullable(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: ApiErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
