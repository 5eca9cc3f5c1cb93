// The doors this machine pushes for (docs/peers.md §5): each relayed door's city token, in the secret `relay-tokens`
// (never SQLite), with the server it was enrolled at. Parsed at each read: a secret is an edge like any other.
import { z } from 'zod';
import { Id } from '../../../shared/domain/attendance.js';
import type { SecretStore } from '../files/secret-store.js';

const RelayTokenSchema = z.object({ serverUrl: z.string().min(1).max(2000), token: z.string().min(1).max(4000) });
export const RelayTokensSchema = z.record(Id, RelayTokenSchema);
export type RelayToken = z.infer<typeof RelayTokenSchema>;
export type RelayTokens = z.infer<typeof RelayTokensSchema>;

/** The relayed doors' tokens; none when never set, unreadable here, or not the expected shape (logged by the caller). */
export function readRelayTokens(secrets: Pick<SecretStore, 'get'>): RelayTokens {
  const raw = secrets.get('relay-tokens');
  if (raw === null) return {};
  try {
    const parsed = RelayTokensSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Keeps one door's token beside the others' (a new enrollment of the same door replaces its old one). */
export function keepRelayToken(secrets: Pick<SecretStore, 'get' | 'set'>, doorId: string, token: RelayToken): void {
  secrets.set('relay-tokens', JSON.stringify({ ...readRelayTokens(secrets), [doorId]: RelayTokenSchema.parse(token) }));
}
