// Leaving the kiosk and its login item through KioskApi, on a real kiosk: the admin's PIN again, the audit, and the
// shell told only once the core has decided.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { KioskCore } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';
import type { KioskShellControl } from './kiosk-shell.js';

afterEach(() => vi.useRealTimers());

interface ShellCalls {
  leaves: number;
  loginItem: boolean[];
}

function kiosk(control: 'installed' | 'no-login-item' | 'none') {
  const dataDir = tempDataDir();
  const calls: ShellCalls = { leaves: 0, loginItem: [] };
  const kioskShell: KioskShellControl = {
    leave: () => (calls.leaves += 1),
    startAtLogin: control === 'installed' ? (on) => calls.loginItem.push(on) : null,
  };
  const core = new KioskCore({ dataDir, demo: true, log: () => undefined, ...(control === 'none' ? {} : { kioskShell }) });
  const call = (name: string, args: unknown) => dispatch(core.handlers, name, args);
  const signIn = async (staffId: string, pin: string) =>
    ((await call('staffSignIn', { who: { kind: 'staff', staffId }, pin })) as { ok: true; value: { session: { sessionId: string } } }).value.session.sessionId;
  const audit = () => {
    const db = new BetterSqlite3(join(dataDir, 'esik.sqlite'), { readonly: true });
    try {
      return db.prepare<[], { action: string; staff_id: string; detail: string }>("SELECT action, staff_id, detail FROM admin_audit WHERE action IN ('kiosk-left', 'settings-changed') ORDER BY occurred_ms").all();
    } finally {
      db.close();
    }
  };
  // The demo's own kiosk offers Start afresh, naming where the demo would be kept.
  const demoAside = { setAsideIn: join(dataDir, 'set-aside') };
  return { dataDir, core, call, signIn, calls, audit, demoAside };
}

describe('leaving the kiosk from the console', () => {
  it('closes the kiosk only after the admin’s own PIN again, on record as kiosk-left, and after answering', async () => {
    const { core, call, signIn, calls, audit } = kiosk('installed');
    try {
      const sessionId = await signIn('staff-admin', '2468');
      vi.useFakeTimers();
      expect(await call('adminLeaveKiosk', { sessionId, pin: '9999' })).toEqual({ ok: true, value: { outcome: 'wrong-pin', attemptsLeft: 4 } });
      expect(audit()).toEqual([]);
      expect(await call('adminLeaveKiosk', { sessionId, pin: '2468' })).toEqual({ ok: true, value: { outcome: 'leaving' } });
      expect(calls.leaves).toBe(0);
      await vi.advanceTimersByTimeAsync(250);
      expect(calls.leaves).toBe(1);
      expect(audit()).toEqual([{ action: 'kiosk-left', staff_id: 'staff-admin', detail: '{"channel":"name"}' }]);
    } finally {
      core.close();
    }
  });

  it('is an admin’s act: a staff member is refused before any PIN is checked', async () => {
    const { core, call, signIn, calls, audit } = kiosk('installed');
    try {
      const nurse = await signIn('staff-nurse', '1357');
      expect(await call('adminLeaveKiosk', { sessionId: nurse, pin: '1357' })).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
      expect(await call('adminLeaveKiosk', { sessionId: '00000000-0000-4000-8000-000000000000', pin: '2468' })).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
      expect(calls.leaves).toBe(0);
      expect(audit()).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('answers not-here, with nothing on record, where the shell cannot close the kiosk', async () => {
    const { core, call, signIn, audit, demoAside } = kiosk('none');
    try {
      const sessionId = await signIn('staff-admin', '2468');
      expect(await call('adminKioskShell', { sessionId })).toEqual({ ok: true, value: { canLeave: false, startAtLogin: null, startAfresh: demoAside } });
      expect(await call('adminLeaveKiosk', { sessionId, pin: '2468' })).toEqual({ ok: true, value: { outcome: 'not-here' } });
      expect(audit()).toEqual([]);
    } finally {
      core.close();
    }
  });
});

describe('the login item', () => {
  it('is registered as stored when the kiosk opens, and the admin’s change is applied and on record', async () => {
    const { core, call, signIn, calls, audit, demoAside } = kiosk('installed');
    try {
      expect(calls.loginItem).toEqual([true]);
      const sessionId = await signIn('staff-admin', '2468');
      expect(await call('adminKioskShell', { sessionId })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: true, startAfresh: demoAside } });
      expect(await call('adminSetStartAtLogin', { sessionId, on: false })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: false, startAfresh: demoAside } });
      // The same choice again changes nothing and writes nothing.
      expect(await call('adminSetStartAtLogin', { sessionId, on: false })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: false, startAfresh: demoAside } });
      expect(calls.loginItem).toEqual([true, false]);
      expect(audit()).toEqual([{ action: 'settings-changed', staff_id: 'staff-admin', detail: '{"startAtLogin":{"from":true,"to":false}}' }]);
    } finally {
      core.close();
    }
  });

  it('stays as the admin left it across a restart', async () => {
    const first = kiosk('installed');
    const sessionId = await first.signIn('staff-admin', '2468');
    await first.call('adminSetStartAtLogin', { sessionId, on: false });
    first.core.close();
    // The same folder opened again by a new core: the login item is removed again, not put back.
    const calls: boolean[] = [];
    const again = new KioskCore({ dataDir: first.dataDir, demo: true, log: () => undefined, kioskShell: { leave: () => undefined, startAtLogin: (on) => calls.push(on) } });
    again.close();
    expect(calls).toEqual([false]);
  });

  it('is not offered where the shell manages none (Linux: the package’s autostart entry), and a change there does nothing', async () => {
    const { core, call, signIn, audit, demoAside } = kiosk('no-login-item');
    try {
      const sessionId = await signIn('staff-admin', '2468');
      expect(await call('adminKioskShell', { sessionId })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: null, startAfresh: demoAside } });
      expect(await call('adminSetStartAtLogin', { sessionId, on: false })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: null, startAfresh: demoAside } });
      expect(audit()).toEqual([]);
    } finally {
      core.close();
    }
  });
});

describe('Start afresh on the page', () => {
  it('is offered on the kiosk’s own demo, naming the folder the demo then goes into, and not on the empty kiosk after it', async () => {
    const { dataDir, core, call, signIn, demoAside } = kiosk('installed');
    try {
      const demoAdmin = await signIn('staff-admin', '2468');
      expect(await call('adminKioskShell', { sessionId: demoAdmin })).toMatchObject({ ok: true, value: { startAfresh: demoAside } });
      const started = (await call('adminStartAfresh', { sessionId: demoAdmin, pin: '2468' })) as { ok: true; value: { outcome: string; setAside: string } };
      expect(started.value.outcome).toBe('started');
      // Where the page said: a demo-<time> folder inside the one it named.
      expect(dirname(join(dataDir, started.value.setAside))).toBe(demoAside.setAsideIn);
      expect(existsSync(join(dataDir, started.value.setAside, 'esik.sqlite'))).toBe(true);

      // The kindergarten's own first admin on the empty kiosk: nothing to put aside any more.
      const created = (await call('setupCreateAdmin', { firstName: 'Гүлмира', lastName: 'Ахметова', pin: '864213' })) as { ok: true; value: { session: { sessionId: string } } };
      expect(await call('adminKioskShell', { sessionId: created.value.session.sessionId })).toMatchObject({ ok: true, value: { startAfresh: null } });
    } finally {
      core.close();
    }
  });
});
