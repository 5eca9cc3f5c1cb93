// Machines for the pairing tests: a real SQLite file and secret folder each, a device id, a device key bound to its peer
// log, a static X25519 key and a QR key, and the kindergarten and admin rows a machine past its setup holds.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { generateSigningKey, rawPublicKey } from '../../credentials/ed25519.js';
import { ensurePeerDhKey } from '../../credentials/peer-dh-key.js';
import { openDatabase } from '../../db/open-database.js';
import { FileSecretStore } from '../../files/secret-store.js';
import { ensureDeviceId } from '../../ledger/attendance-log.js';
import type { PeerLog } from '../../ledger/peer-log.js';
import { bindTestPeerLog, seededSigningKey } from '../../ledger/testing/peer-log-kit.js';
import { adoptPinPepper, ensurePinPepper } from '../../staff/pin-pepper.js';
import { manualClock, tempDataDir, type ManualClock } from '../../testing/fixtures.js';
import { localTimeOf } from '../../time/clock.js';
import { x25519PublicRaw } from '../x25519.js';
import type { MachineRole } from '../../../../shared/peers/peer-record.js';
import type { OwnMachine } from '../peer-group.js';

export const ADMIN = 'adm-zhanna';

export interface PairMachine {
  dir: string;
  db: Database;
  log: PeerLog;
  own: OwnMachine;
  secrets: FileSecretStore;
  clock: ManualClock;
  pepper: () => Buffer;
  adoptPepper: (pepper: Buffer) => void;
  at: () => ReturnType<typeof localTimeOf>;
}

export interface PairMachineOptions {
  name: string;
  seed: number;
  role?: MachineRole;
  /** The kindergarten row the setup or a city's roster made; none: a machine in its first run before the name step. */
  kindergarten?: { id: string; name: string } | null;
  /** Staff accounts with no PIN (as a city's roster brings them). */
  staff?: string[];
}

export function pairMachine(o: PairMachineOptions): PairMachine {
  const dir = tempDataDir();
  const db = openDatabase(join(dir, 'esik.sqlite'));
  const clock = manualClock('2026-11-23T08:10:00.000Z');
  const deviceId = ensureDeviceId(db, clock.now());
  const log = bindTestPeerLog(db, deviceId, () => clock.now().getTime(), o.seed);
  const secrets = new FileSecretStore(dir, { cipher: null, log: () => undefined });
  const kindergarten = o.kindergarten === undefined ? { id: 'kg-0001', name: 'Балапан' } : o.kindergarten;
  if (kindergarten !== null) db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, 0)').run(kindergarten.id, kindergarten.name);
  for (const id of o.staff ?? []) db.prepare("INSERT INTO staff (id, first_name, last_name, role) VALUES (?, 'Жанна', 'Сейітова', 'admin')").run(id);
  const own: OwnMachine = {
    deviceId,
    signKey: seededSigningKey(o.seed),
    dhPub: x25519PublicRaw(ensurePeerDhKey(secrets)),
    qrKeyId: `k${o.seed.toString(16).padStart(8, '0')}`,
    qrPub: rawPublicKey(generateSigningKey()),
    role: o.role ?? 'door',
    name: o.name,
    addrs: [],
  };
  return {
    dir,
    db,
    log,
    own,
    secrets,
    clock,
    pepper: () => ensurePinPepper(secrets, dir, db.prepare('SELECT 1 FROM staff_pins LIMIT 1').get() === undefined),
    adoptPepper: (pepper) => adoptPinPepper(secrets, pepper),
    at: () => localTimeOf(clock),
  };
}
