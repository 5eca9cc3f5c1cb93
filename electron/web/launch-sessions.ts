// The web host's credentials. A launch link carries a single-use code: the browser's command line and the link
// file show it, so it must be worth nothing once the kiosk window has used it. Using it gives the page a session
// (an HttpOnly cookie) that a reload keeps and that nobody outside that browser profile ever sees.
import { createHash, randomBytes } from 'node:crypto';

/** Sessions kept at once; the oldest goes first (each launch link opened makes one). */
const MAX_SESSIONS = 16;

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export class LaunchSessions {
  private code: string;
  // Only digests are kept and looked up, so the lookup's timing says nothing about the secrets.
  private readonly sessions = new Set<string>();

  constructor(private readonly onNewCode: (code: string) => void = () => undefined) {
    this.code = randomBytes(32).toString('base64url');
  }

  /** The one code a launch link may carry now; it stays valid until it is used. */
  currentCode(): string {
    return this.code;
  }

  /** Trades the current code for a new session (and makes a new code), or null for any other code. */
  redeem(given: string): string | null {
    if (digest(given) !== digest(this.code)) return null;
    this.code = randomBytes(32).toString('base64url');
    this.onNewCode(this.code);
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(digest(session));
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.values().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return session;
  }

  isSession(given: string | null): boolean {
    return given !== null && this.sessions.has(digest(given));
  }
}
