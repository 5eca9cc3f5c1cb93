// Locks the Electron session down: CSP on every response of the app scheme, only the camera allowed and only
// for the app itself, no navigation away, no new windows, no webviews.
import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/api/ipc-channels.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether a URL is the app's own page. Compared by scheme and host, not by `origin`: the main process parses with
 * Node's URL, which knows nothing of the schemes registered with Chromium and gives every `esik:` URL the opaque
 * origin "null" (so an origin comparison refused the app itself: every request, the camera, in-app navigation).
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    const app = new URL(APP_ORIGIN);
    return parsed.protocol === app.protocol && parsed.host === app.host && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const cameraOnly = permission === 'media' && 'mediaTypes' in details && (details.mediaTypes ?? []).every((t) => t === 'video');
    callback(cameraOnly && isAppUrl(details.requestingUrl) && isAppUrl(contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'media' && requestingOrigin === APP_ORIGIN);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
