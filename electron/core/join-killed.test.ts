// A join killed half-way (docs/peers.md §9 "The PINs"): the joiner voids its PINs with records before it dials, and
// puts them back if the dial fails; a machine killed between the two (power cut, closed mid-dial) used to start again
// in no group with every PIN void for good, so nobody could sign in. At start such a machine restates them: the pepper
// they need is still its own. A join that was taken, or a restate already done, leaves nothing to heal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDeviceKey } from './credentials/device-key.js';
import { openDatabase } from './db/open-database.js';
import { FileSecretStore } from './files/secret-store.js';
import { KioskCore } from './kiosk-core.js';
import { decideRegister } from './ledger/merge-rules.js';
import { bindPeerLog, PeerLog } from './ledger/peer-log.js';
import { registerRecords } from './ledger/peer-registers.js';
import { restoreOwnPins, voidOwnPins, type VoidedPin } from './peers/pairing-pins.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { keepAsOwnKindergarten } from './testing/own-kindergarten.js';
import { startedCore } from './testing/started-core.js';
import { localTimeOf } from './time/clock.js';

const ADMIN_PIN = '2468';

/** A kindergarten in service (the demo's roster and staff kept as its own), closed again after its first start. */
async function inService(dir: string, clock: ReturnType<typeof manualClock>): Promise<void> {
  const first = new KioskCore({ dataDir: dir, demo: true, clock, log: () => undefined });
  first.close();
  await first.closed();
  keepAsOwnKindergarten(join(dir, 'esik.sqlite'));
}

/** The join's first step as joinGroup takes it (its PINs voided as records), then `then` on the same connection, then closed. */
function voidThen(dir: string, clock: ReturnType<typeof manualClock>, then: (db: ReturnType<typeof openDatabase>, voided: VoidedPin[]) => void = () => undefined): VoidedPin[] {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    const deviceId = db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? '';
    const { key } = ensureDeviceKey(new FileSecretStore(dir, { cipher: null, log: () => undefined }));
    bindPeerLog(db, new PeerLog(db, deviceId, key, () => clock.now().getTime()));
    const voided = voidOwnPins(db, localTimeOf(clock), { staffId: 'staff-admin' });
    then(db, voided);
    return voided;
  } finally {
    // Killed here: no welcome, no restate.
    db.close();
  }
}

async function signInOutcome(core: KioskCore): Promise<string> {
  return value(await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: ADMIN_PIN })).outcome;
}

/** Each voided account's PIN as its register decides it now. */
function decidedPins(dir: string, voided: readonly VoidedPin[]): unknown[] {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    return voided.map((pin) => decideRegister(registerRecords(db, { kind: 'staff-pin', body: pin.before })).value);
  } finally {
    db.close();
  }
}

const pinRecords = (dir: string): { n: number; voids: number } => {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  try {
    return db.prepare<[], { n: number; voids: number }>("SELECT count(*) AS n, sum(json_extract(body, '$.hash') IS NULL) AS voids FROM peer_log WHERE kind = 'staff-pin'").get() ?? { n: 0, voids: 0 };
  } finally {
    db.close();
  }
};

describe('a join killed between the PIN voids and the end of the dial', () => {
  it('puts the PINs back at the next start, so the admin signs in with her PIN again', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-11-23T10:00:00+05:00');
    await inService(dir, clock);
    const voided = voidThen(dir, clock);
    expect(voided.length).toBeGreaterThan(0);
    const killed = pinRecords(dir);
    // What the kill left: every PIN's register decided void (staff_pins still holds the rows, so the sign-in works
    // here, but the voids travel with this log to whatever group this machine later founds or joins).
    expect(decidedPins(dir, voided)).toEqual(voided.map((pin) => ({ ...pin.before, hash: null, setAt: '2026-11-23T10:00:00.000+05:00', setBy: 'staff-admin' })));
    clock.set('2026-11-23T10:05:00+05:00');
    const again = startedCore({ dataDir: dir, demo: true, clock, log: () => undefined });
    expect(await signInOutcome(again)).toBe('signed-in');
    // Each void restated once by a record (the newest of each register is a PIN again), and a second start adds none.
    const after = pinRecords(dir);
    expect(after).toEqual({ n: killed.n + voided.length, voids: voided.length });
    expect(decidedPins(dir, voided)).toEqual(voided.map((pin) => pin.before));
    again.close();
    await again.closed();
    startedCore({ dataDir: dir, demo: true, clock, log: () => undefined });
    expect(pinRecords(dir)).toEqual(after);
  }, 60_000);

  it('heals nothing where the dial failed and the PINs were already put back', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-11-23T10:00:00+05:00');
    await inService(dir, clock);
    voidThen(dir, clock, (db, voided) => restoreOwnPins(db, voided, localTimeOf(clock)));
    const before = pinRecords(dir);
    const again = startedCore({ dataDir: dir, demo: true, clock, log: () => undefined });
    expect(await signInOutcome(again)).toBe('signed-in');
    expect(pinRecords(dir)).toEqual(before);
  }, 60_000);
});
