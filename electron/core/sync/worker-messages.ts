// The messages between the core and the sync worker, checked with zod on both sides of the thread boundary.
import { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SyncStatusSchema } from '../../../shared/sync/sync-status.js';
import { RelayTokensSchema } from './relay-tokens.js';
import { SyncCredentialsSchema } from './sync-credentials.js';

export const SyncWorkerDataSchema = z.object({
  databasePath: z.string().min(1),
  nativeBinding: z.string().min(1).nullable(),
  credentials: SyncCredentialsSchema,
  /** When the door was last used (DoorActivity's buffer), shared with the core's thread. */
  doorActivity: z.instanceof(SharedArrayBuffer).refine((buffer) => buffer.byteLength >= BigInt64Array.BYTES_PER_ELEMENT, 'too small for a time stamp'),
  batchSize: z.number().int().positive().optional(),
  backoff: z.object({ baseMs: z.number().int().positive(), capMs: z.number().int().positive() }).optional(),
  idlePollMs: z.number().int().positive().optional(),
  networkPollMs: z.number().int().nonnegative().optional(),
  queuePollMs: z.number().int().nonnegative().optional(),
  recoveryPageSize: z.number().int().positive().optional(),
  /** The doors this kiosk pushes for, each with its own token (docs/peers.md §5); absent or empty: none. */
  relays: RelayTokensSchema.optional(),
  /**
   * This machine's peer log on the worker's connection: its device id and device key (Ed25519, private; a KeyObject
   * crosses the thread boundary as a clone), so each push reply appends its city-acks. Absent: the log is off here.
   */
  peerLog: z
    .object({
      deviceId: z.string().min(1).max(64),
      signKey: z.custom<KeyObject>((key) => key instanceof KeyObject && key.type === 'private' && key.asymmetricKeyType === 'ed25519', 'an Ed25519 private key'),
    })
    .optional(),
  limits: z
    .object({ connectTimeoutMs: z.number().int().positive(), totalTimeoutMs: z.number().int().positive(), maxReplyBytes: z.number().int().positive() })
    .partial()
    .optional(),
});
export type SyncWorkerData = z.infer<typeof SyncWorkerDataSchema>;

export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('nudge'), reason: z.enum(['queued', 'network', 'manual']) }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: SyncStatusSchema }),
  z.object({ type: z.literal('log'), line: z.string() }),
  /** This kiosk's own events were put back from the city: the core moves the chain's anchor to the new end. */
  z.object({ type: z.literal('recovered') }),
  z.object({ type: z.literal('stopped') }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
