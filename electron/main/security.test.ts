// The session's lock-down against the stand-in 'electron' module: every permission decision, navigation and redirect
// away from the app refused, new windows and webviews refused.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppUrl, lockDownSession } from './security.js';
import { electronFake, FakeEvent } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => {
  electronFake.reset();
  lockDownSession();
});

describe('permissions', () => {
  const app = 'esik://app/index.html';

  it('grants the camera (video only) to the app itself, and nothing else to anyone', () => {
    const contents = electronFake.createWebContents(app);
    const ask = (permission: string, details: Record<string, unknown>) => electronFake.session.request(contents, permission, details);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: app })).toBe(true);
    // A microphone, screen capture, or audio beside the camera: refused.
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: app })).toBe(false);
    expect(ask('media', { mediaTypes: ['video', 'audio'], requestingUrl: app })).toBe(false);
    // The camera asked for by another origin, or from a page that is not the app.
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'https://example.com/' })).toBe(false);
    const foreign = electronFake.createWebContents('https://example.com/');
    expect(electronFake.session.request(foreign, 'media', { mediaTypes: ['video'], requestingUrl: app })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock', 'openExternal', 'midi', 'display-capture']) {
      expect(ask(permission, { requestingUrl: app })).toBe(false);
    }
  });

  it('answers permission checks for the camera from the app origin only', () => {
    const check = electronFake.session.permissionCheck;
    if (!check) throw new Error('no permission check handler');
    const contents = electronFake.createWebContents('esik://app/index.html');
    expect(check(contents, 'media', 'esik://app', {})).toBe(true);
    expect(check(contents, 'media', 'https://example.com', {})).toBe(false);
    expect(check(contents, 'hid', 'esik://app', {})).toBe(false);
    expect(check(null, 'geolocation', 'esik://app', {})).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('stays on the app: navigation and redirects elsewhere are refused, within the app allowed', () => {
    const contents = electronFake.createWebContents('esik://app/index.html');
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('esik://other/index.html')).toBe(true);
    expect(contents.navigate('javascript:alert(1)')).toBe(true);
    expect(contents.navigate('not a url')).toBe(true);
    expect(contents.navigate('https://example.com/', 'will-redirect')).toBe(true);
    expect(contents.navigate('esik://app/index.html')).toBe(false);
    expect(contents.navigate('esik://app/index.html#admin', 'will-redirect')).toBe(false);
  });

  it('refuses every new window and every webview', () => {
    const contents = electronFake.createWebContents('esik://app/index.html');
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'esik://app/index.html' })).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('knows the app by its origin, never by a look-alike', () => {
    expect(isAppUrl('esik://app/index.html')).toBe(true);
    expect(isAppUrl('esik://app.evil/index.html')).toBe(false);
    expect(isAppUrl('esik://evil/?esik://app')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
