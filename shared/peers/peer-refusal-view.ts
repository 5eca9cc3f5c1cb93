// What the Computers page shows of the link's refusals (docs/peers.md §3 "Audit"; peer_refusals, migration 0031): the
// newest rows, each one reason from one remote within an hour, counted. Read by the computers desk from the file and
// added to peersStatus's answer; the page words the reason (shared/i18n/peers/stick-*).
import { z } from 'zod';

/** How many refusal rows the page is given, newest first. */
export const PEER_REFUSALS_SHOWN = 20;

export const PeerRefusalViewSchema = z.object({
  /** The last refusal the row counts (ms since the epoch). */
  lastMs: z.number().int().nonnegative(),
  /** PEER_UNKNOWN, PEER_REVOKED, PEER_BAD_RECORD… (a newer version may write one this page does not know). */
  reason: z.string().min(1).max(40),
  side: z.enum(['accepted', 'dialled', 'page']),
  /** The device id the other side named, else its address without the port; '*' for the hour's overflow. */
  remoteKey: z.string().min(1).max(100),
  /** "ip:port" of the other side, or the member whose session brought the page. */
  remote: z.string().max(100),
  count: z.number().int().positive(),
});
export type PeerRefusalView = z.infer<typeof PeerRefusalViewSchema>;
