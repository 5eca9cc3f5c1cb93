// The one guard mechanism through the real kiosk core (demo kindergarten, a SQLite file in a temp folder): every
// request of the contract declares a guard, and each guard refuses the wrong caller with its code before the handler
// runs.
import { z } from 'zod';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskRequests, type KioskRequestName } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { writeDamageMarker } from '../db/damage-marker.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { GUARDS, type Guard } from './request-guards.js';

const quiet = { log: () => undefined, cityPullIntervalMs: 0 };
const NOBODY = '00000000-0000-4000-8000-000000000000';

function kiosk(dataDir = tempDataDir()): KioskCore {
  return new KioskCore({ dataDir, demo: true, clock: manualClock('2026-11-23T03:10:00.000Z'), ...quiet });
}

/** Calls a request past the contract's argument check: the guard must refuse before the handler reads anything else. */
async function codeOf(core: KioskCore, name: KioskRequestName, args: Record<string, unknown>): Promise<string> {
  const handler = core.handlers[name] as (args: unknown) => Result<unknown> | Promise<Result<unknown>>;
  const result = await handler(args);
  return result.ok ? 'ok' : result.error.code;
}

async function signIn(core: KioskCore, staffId: string, pin: string): Promise<string> {
  const result = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId }, pin });
  if (!result.ok || result.value.outcome !== 'signed-in') throw new Error(`sign-in of ${staffId} failed`);
  return result.value.session.sessionId;
}

function requestsGuarded(core: KioskCore, guard: Guard): KioskRequestName[] {
  return (Object.keys(kioskRequests) as KioskRequestName[]).filter((name) => core.guards[name] === guard);
}

describe('request guards', () => {
  it('are declared for every request of the contract, and for nothing else', () => {
    const core = kiosk();
    try {
      expect(Object.keys(core.guards).sort()).toEqual(Object.keys(kioskRequests).sort());
      for (const name of Object.keys(kioskRequests) as KioskRequestName[]) expect(GUARDS, name).toContain(core.guards[name]);
      // Whatever names an admin's act is guarded as one.
      for (const name of Object.keys(kioskRequests) as KioskRequestName[]) {
        if (name.startsWith('admin') || name === 'enrollKiosk') expect(core.guards[name], name).toBe('admin');
      }
      for (const name of ['staffAccounts', 'staffSetPin', 'staffEnrolCard', 'staffWithdrawCard', 'staffUnlock'] as const) expect(core.guards[name], name).toBe('admin');
      // A request that takes a session is guarded by one, except signing out (ending an ended session is no error).
      let sessionRequests = 0;
      for (const name of Object.keys(kioskRequests) as KioskRequestName[]) {
        // Most requests' schemas are built on first use (z.lazy), so the object is looked at inside.
        const args: z.ZodType = kioskRequests[name].args;
        const shape = args instanceof z.ZodLazy ? args.unwrap() : args;
        const takesSession = shape instanceof z.ZodObject && 'sessionId' in shape.shape;
        if (takesSession) sessionRequests++;
        // The first-run setup's early steps take a session only once the first admin exists (before, nobody can have
        // one): they are door requests, and the setup desk asks for an admin's session when there is an admin. The
        // join (a kindergarten that already has Esik) comes right after the role, before any admin (computers-desk.ts).
        const sessionOptional = takesSession && shape.shape.sessionId instanceof z.ZodOptional;
        if (sessionOptional) expect(['setupSetLanguage', 'setupSetRole', 'setupSetName', 'setupSetTimeZone', 'setupPeerJoin'], name).toContain(name);
        if (takesSession && !sessionOptional && name !== 'staffSignOut') expect(['staff', 'admin'], name).toContain(core.guards[name]);
      }
      expect(sessionRequests).toBeGreaterThan(10);
      for (const guard of GUARDS) expect(requestsGuarded(core, guard).length, guard).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });

  it('staff: refuses a session that is not live with STAFF_SESSION_ENDED', async () => {
    const core = kiosk();
    try {
      for (const name of [...requestsGuarded(core, 'staff'), ...requestsGuarded(core, 'admin')]) {
        expect(await codeOf(core, name, { sessionId: NOBODY }), name).toBe('STAFF_SESSION_ENDED');
      }
    } finally {
      core.close();
    }
  });

  it("admin: refuses a staff member's live session with STAFF_FORBIDDEN, and lets the admin's through", async () => {
    const core = kiosk();
    try {
      const duty = await signIn(core, 'staff-duty', '1234');
      for (const name of requestsGuarded(core, 'admin')) expect(await codeOf(core, name, { sessionId: duty }), name).toBe('STAFF_FORBIDDEN');
      // The same session passes every staff guard.
      expect(await codeOf(core, 'staffGroups', { sessionId: duty })).toBe('ok');
      const admin = await signIn(core, 'staff-admin', '2468');
      expect(await codeOf(core, 'adminSettings', { sessionId: admin })).toBe('ok');
      expect(await codeOf(core, 'staffAccounts', { sessionId: admin })).toBe('ok');
    } finally {
      core.close();
    }
  });

  it('store, door, staff, admin: refuse with DATABASE_UNAVAILABLE while the records are not open; none still answers', async () => {
    const dataDir = tempDataDir();
    kiosk(dataDir).close();
    writeDamageMarker(join(dataDir, 'esik.sqlite'), 'a page failed its check', new Date());
    const core = kiosk(dataDir);
    try {
      expect(core.handlers.getStatus({}).ok).toBe(true);
      for (const guard of ['store', 'door', 'staff', 'admin'] as const) {
        for (const name of requestsGuarded(core, guard)) expect(await codeOf(core, name, { sessionId: NOBODY }), name).toBe('DATABASE_UNAVAILABLE');
      }
      // The damaged screen's restore answers for itself (asked with no copy, it names none it offers).
      const answer = (name: string) => (name === 'restoreDamaged' ? 'RESTORE_COPY_NOT_FOUND' : 'ok');
      for (const name of requestsGuarded(core, 'none')) expect(await codeOf(core, name, {}), name).toBe(answer(name));
    } finally {
      core.close();
    }
  });

  it('answers a refusal of a request that answers later with a Promise, as its type says', () => {
    const core = kiosk();
    try {
      expect(core.handlers.staffSetPin({ sessionId: NOBODY, staffId: 'staff-duty', pin: '1357', adminPin: '2468' })).toBeInstanceOf(Promise);
    } finally {
      core.close();
    }
  });
});
