// What the web host checks on every request before anything else: that it was addressed to this host by its own
// name (a DNS-rebinding page reaches 127.0.0.1 under a foreign name), and which session cookie it carries.
import type { IncomingMessage } from 'node:http';

export const LAUNCH_PATH = '/launch';
export const LAUNCH_CODE_PARAM = 'code';
/** The file in the data folder that holds a fresh single-use link while the host runs. */
export const LINK_FILE_NAME = 'kiosk-link.txt';

/** The Host header when it names this host (127.0.0.1 or localhost on its port), else null. */
export function ownHost(req: IncomingMessage, port: number): string | null {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null;
}

// Cookies are not kept apart by port: the name carries it, so two kiosks on one machine never mix sessions.
function cookieName(port: number): string {
  return `esik-session-${port}`;
}

export function sessionCookie(port: number, session: string): string {
  // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it; no Max-Age: gone with the browser.
  return `${cookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`;
}

export function sessionOf(req: IncomingMessage, port: number): string | null {
  const prefix = `${cookieName(port)}=`;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const cookie = part.trim();
    if (cookie.startsWith(prefix)) return cookie.slice(prefix.length);
  }
  return null;
}
