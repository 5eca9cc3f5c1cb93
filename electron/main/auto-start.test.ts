// Auto-start after boot: the login item only for the installed app on Windows, and as the admin set it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLoginItem, loginItemPlan } from './auto-start.js';
import { electronFake } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

describe('the login item', () => {
  it('is set on Windows for the installed app, and removed when the admin switched auto-start off', () => {
    expect(loginItemPlan({ platform: 'win32', packaged: true, wanted: true })).toEqual({ kind: 'set', openAtLogin: true });
    expect(loginItemPlan({ platform: 'win32', packaged: true, wanted: false })).toEqual({ kind: 'set', openAtLogin: false });
    const lines: string[] = [];
    applyLoginItem(loginItemPlan({ platform: 'win32', packaged: true, wanted: true }), (line) => lines.push(line));
    applyLoginItem(loginItemPlan({ platform: 'win32', packaged: true, wanted: false }), (line) => lines.push(line));
    expect(electronFake.app.loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    expect(lines).toEqual(['[main] login item set: Esik starts when this user logs in', '[main] login item removed']);
  });

  it('is never touched from the sources, on Linux (the package installs an XDG autostart entry) or elsewhere', () => {
    const lines: string[] = [];
    for (const plan of [
      loginItemPlan({ platform: 'win32', packaged: false, wanted: true }),
      loginItemPlan({ platform: 'linux', packaged: true, wanted: true }),
      loginItemPlan({ platform: 'linux', packaged: false, wanted: true }),
      loginItemPlan({ platform: 'darwin', packaged: true, wanted: true }),
    ]) {
      expect(plan.kind).toBe('none');
      applyLoginItem(plan, (line) => lines.push(line));
    }
    expect(electronFake.app.loginItems).toEqual([]);
    expect(lines).toEqual([
      '[main] no login item: running from the sources',
      "[main] no login item: the package's /etc/xdg/autostart/esik.desktop starts it",
      '[main] no login item: running from the sources',
      '[main] no login item: no auto-start on darwin',
    ]);
  });
});
