// What the push engine needs to speak for this kiosk: the enrolled server, the device id the city gave it, and its
// bearer token. The server and device come from sync_state; the token from the secret store (never SQLite).
import { z } from 'zod';

export const SyncCredentialsSchema = z.object({
  serverUrl: z.string().min(1).max(2000),
  deviceId: z.string().min(1).max(64),
  token: z.string().min(32).max(256),
});
export type SyncCredentials = z.infer<typeof SyncCredentialsSchema>;

/** Returns the credentials when the kiosk is enrolled and its token can be read, else null. */
export type SyncCredentialsProvider = () => SyncCredentials | null;
