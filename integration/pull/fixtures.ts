// Fixtures for enrollment and the pulls: a reference city server on loopback (its clock settable), a demo kiosk core
// in a fresh data folder, an admin session on it, and enrolling through KioskApi as the admin screen will.
import { onTestFinished } from 'vitest';
import { startCityServer, type CityServerOptions, type RunningCityServer } from '../../city-server/src/city-server.js';
import type { EventPayload, RequestValue } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { manualClock, tempDataDir, type ManualClock } from '../../electron/core/testing/fixtures.js';
import { keepAsOwnKindergarten } from '../../electron/core/testing/own-kindergarten.js';

/** 08:12 in Almaty (UTC+5) on a Monday. */
export const MORNING = '2026-11-23T03:12:00.000Z';

export async function startCity(options: Partial<CityServerOptions> = {}): Promise<RunningCityServer> {
  const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo', ...options });
  onTestFinished(() => city.close());
  return city;
}

export interface Kiosk {
  core: KioskCore;
  dataDir: string;
  clock: ManualClock;
  alerts: EventPayload<'staffAlert'>[];
  lines: string[];
}

/**
 * A kiosk with the demo's roster and staff kept as the kindergarten's own (a demo kiosk may not enroll: `localDemo`
 * keeps it the demo); pulls only when a test asks (no timer), its log kept for the test to read.
 */
export function startKiosk(clock: ManualClock = manualClock(MORNING), dataDir = tempDataDir(), options: { localDemo?: boolean } = {}): Kiosk {
  const lines: string[] = [];
  const core = new KioskCore({ dataDir, demo: true, clock, log: (line) => lines.push(line), cityPullIntervalMs: 0 });
  if (options.localDemo !== true) keepAsOwnKindergarten(core.databasePath);
  // The sync worker an enrollment started must have let the records file go before the folder is removed.
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  const alerts: EventPayload<'staffAlert'>[] = [];
  core.onEvent((name, payload) => {
    if (name === 'staffAlert') alerts.push(payload as EventPayload<'staffAlert'>);
  });
  return { core, dataDir, clock, alerts, lines };
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.value;
}

/** A session of the demo head (admin) or the demo nurse (staff), by their demo PINs (electron/core/staff/demo-staff.ts). */
export async function signIn(core: KioskCore, who: 'admin' | 'nurse' = 'admin'): Promise<string> {
  const outcome = value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: `staff-${who}` }, pin: who === 'admin' ? '2468' : '1357' }));
  if (outcome.outcome !== 'signed-in') throw new Error(`demo ${who} could not sign in: ${outcome.outcome}`);
  return outcome.session.sessionId;
}

export async function enrollWith(kiosk: Kiosk, serverUrl: string, code: string, sessionId?: string): Promise<Result<RequestValue<'enrollKiosk'>>> {
  return kiosk.core.handlers.enrollKiosk({ sessionId: sessionId ?? (await signIn(kiosk.core)), serverUrl, code });
}

/** Enrolls the kiosk with the city and pulls its first roster; fails the test otherwise. */
export async function enrolled(kiosk: Kiosk, city: RunningCityServer): Promise<RequestValue<'enrollKiosk'>> {
  const result = value(await enrollWith(kiosk, city.url, city.issueEnrollmentCode()));
  if (!result.rosterLoaded) throw new Error(`enrolled, but the first pull failed: ${kiosk.lines.join('\n')}`);
  return result;
}
