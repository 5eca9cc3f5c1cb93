// How the Computers page reads the link's status (docs/peers.md §4, §10 step 8): once at once, then again a while after
// each answer. The link runs in a background thread that yields to the door, so on a busy machine one read can go
// unanswered (PEER_LINK_OFF) while the link itself is fine: the page then says so and keeps the list it last read,
// rather than leaving the admin with no list until the next answer.
import type { Result } from '../../../shared/api/result.js';
import type { PeersStatus } from '../../../shared/peers/peers-contract.js';

export interface StatusView {
  /** The status last read, kept through a refused read; null before the first answer or while none ever came. */
  status: PeersStatus | null;
  /** The code of the last read's refusal; null once a read is answered. */
  refusal: string | null;
}

export const NO_STATUS_YET: StatusView = { status: null, refusal: null };

/** The view after one read: an answer replaces everything, a refusal is shown beside the list last read. */
export function viewAfter(previous: StatusView, read: Result<PeersStatus>): StatusView {
  return read.ok ? { status: read.value, refusal: null } : { status: previous.status, refusal: read.error.code };
}

/**
 * Calls `read` at once, then `everyMs` after each read settled, until the returned stop is called. Never two reads at
 * once: a slow link is not asked again while it still works on the last question (a timer would pile them up behind
 * it), and an older answer can never land after a newer one.
 */
export function readEvery(read: () => Promise<void>, everyMs: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = (): void => {
    if (stopped) return;
    void read()
      .catch(() => undefined)
      .then(() => {
        if (!stopped) timer = setTimeout(next, everyMs);
      });
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
