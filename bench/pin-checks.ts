// Card taps while PIN checks run: what a companion at the door waits when someone signs in, or guesses, at the same
// kiosk. Single-child card taps through KioskCore (identifyCard records the event durably before it returns), timed
// from the moment another thread posts "card read" (so a wait for the core's thread counts) until the call returns,
// in phases with no PIN checks and phases while sign-ins by three staff run back to back through dispatch, as the
// shells send them (each sign-in also writes its audit row, as at the door).
// - tap_p95_no_pin_checks_ms / tap_p95_during_pin_checks_ms: the two phases' taps, pooled.
// - pin_checks_per_s_during_taps: how many PIN checks the kiosk answered meanwhile.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../electron/core/api/dispatch.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { SettingsStore } from '../electron/core/ledger/settings-store.js';
import { demoStaffPins } from '../electron/core/staff/demo-staff.js';
import { manualClock } from '../electron/core/testing/fixtures.js';
import { singleChildCards, timeCoreTaps } from './core-taps.js';
import { percentile, report } from './stats.js';

const PHASES = 3;
const TAPS_PER_PHASE = 150;

/** Sign-ins with the right PIN (a wrong one would soon lock) until stopped; the sessions are left to time out. */
function signInsUntil(core: KioskCore, stopped: () => boolean): Promise<number> {
  const call = (name: string, args: unknown) => Promise.resolve(dispatch(core.handlers, name, args, () => undefined));
  const one = async ({ staffId, pin }: { staffId: string; pin: string }): Promise<number> => {
    let checks = 0;
    while (!stopped()) {
      // Each request comes in as its own message from a shell, on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      const reply = (await call('staffSignIn', { who: { kind: 'staff', staffId }, pin })) as { ok: boolean; value?: { outcome: string; session?: { sessionId: string } } };
      if (!reply.ok || reply.value?.outcome !== 'signed-in' || !reply.value.session) throw new Error(`sign-in failed: ${JSON.stringify(reply)}`);
      checks += 1;
    }
    return checks;
  };
  return Promise.all(demoStaffPins.map(one)).then((counts) => counts.reduce((a, b) => a + b, 0));
}

export async function benchPinChecks(dir: string): Promise<void> {
  const dataDir = mkdtempSync(join(dir, 'pin-checks-'));
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  new KioskCore({ dataDir, demo: true, clock, log: () => undefined, cityPullIntervalMs: 0 }).close();
  // Cards of one child's two companions come 15 s apart here: off with the guard against a departure just after the
  // arrival, so every tap records by itself.
  const settingsDb = openDatabase(join(dataDir, 'esik.sqlite'));
  SettingsStore.of(settingsDb).set('departureGuardMinutes', 0);
  settingsDb.close();
  const cards = singleChildCards(join(dataDir, 'esik.sqlite'));
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, cityPullIntervalMs: 0 });
  const quiet: number[] = [];
  const during: number[] = [];
  let checks = 0;
  let checkingMs = 0;
  try {
    await timeCoreTaps(core, cards, clock, { max: 30 }); // warm-up
    for (let phase = 0; phase < PHASES; phase += 1) {
      quiet.push(...(await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE })));
      let stop = false;
      const started = performance.now();
      const signIns = signInsUntil(core, () => stop);
      during.push(...(await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE })));
      stop = true;
      checks += await signIns;
      checkingMs += performance.now() - started;
    }
  } finally {
    core.close();
  }
  report('tap_p95_no_pin_checks_ms', percentile(quiet, 95), 'ms');
  report('tap_p95_during_pin_checks_ms', percentile(during, 95), 'ms');
  report('pin_checks_per_s_during_taps', checks / (checkingMs / 1000), '/s');
}
