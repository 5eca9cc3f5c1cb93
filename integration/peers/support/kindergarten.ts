// A kindergarten of several machines for the peers' proofs (docs/peers.md §10 step 10), set up the way people set one
// up, through the kiosk API only: the demo door founds it (its admin opens a pairing code with her PIN again, the
// request the Computers page sends), each other machine is enrolled with the reference city, then joins from its first
// run with the door's address and a code of its own (setupPeerJoin), and finishes its setup once the group's staff
// and PINs have come. Each machine's peer port is one the OS gave free, passed as --peer-port, so a restart keeps it.
import BetterSqlite3 from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CITY_DB_FILE } from '../../../city-server/src/store/open-store.js';
import { startCityServer, type RunningCityServer } from '../../../city-server/src/city-server.js';
import { tempDataDir } from '../../../electron/core/testing/fixtures.js';
import { startMachine, type Machine } from './machine.js';
import { waitUntilSame } from './converge.js';

/** The nurse of the city's roster (the demo kindergarten's, which the reference city is seeded with). */
export const NURSE = { id: 'staff-nurse', pin: '1357' } as const;

/** Who signs in: a staff id and a PIN. */
export interface Who {
  id: string;
  pin: string;
}

/** A port free on 127.0.0.1 now, as the OS gave it (the machine binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port from the OS'))));
    });
  });
}

/** A staff session at a machine, or a thrown error saying what the sign-in answered. */
export async function signIn(machine: Machine, who: Who): Promise<string> {
  const answer = await machine.call('staffSignIn', { who: { kind: 'staff', staffId: who.id }, pin: who.pin });
  if (!answer.ok || answer.value.outcome !== 'signed-in') throw new Error(`${machine.name}: ${who.id} could not sign in: ${JSON.stringify(answer)}`);
  return answer.value.session.sessionId;
}

/** The value of an ok answer, or a thrown error naming the machine and the request. */
export function valueOf<T>(machine: Machine, what: string, answer: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!answer.ok) throw new Error(`${machine.name}: ${what} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

export interface City {
  url: string;
  dir: string;
  server: RunningCityServer;
}

export async function startCity(): Promise<City> {
  const dir = tempDataDir();
  const server = await startCityServer({ dataDir: dir, seed: 'demo' });
  return { url: server.url, dir, server };
}

/** What the city holds, read from its own file: each record's id and device, each device's linked head. */
export function cityHolds(city: City): { records: { id: string; device_id: string }[]; heads: { id: string; head_seq: number; head_hash: string }[] } {
  const db = new BetterSqlite3(join(city.dir, CITY_DB_FILE), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return {
      records: db.prepare<[], { id: string; device_id: string }>('SELECT id, device_id FROM records ORDER BY id').all(),
      heads: db.prepare<[], { id: string; head_seq: number; head_hash: string }>('SELECT id, head_seq, head_hash FROM devices ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

export interface Member {
  machine: Machine;
  /** The peer port it listens on (its --peer-port). */
  peerPort: number;
  deviceId: string;
}

function deviceIdOf(machine: Machine): string {
  const row = machine.read<{ id: string }>('SELECT id FROM device')[0];
  if (row === undefined) throw new Error(`${machine.name} has no device row`);
  return row.id;
}

/** The kindergarten's first admin, made at the founder's first run; her account and PIN are records. */
export const FIRST_ADMIN = { firstName: 'Gulmira', lastName: 'Akhmetova', pin: '864213' } as const;

/** The city's enrollment as the first run does it: the roster previewed, then "this is ours". */
async function enrollAtSetup(machine: Machine, sessionId: string, city: City): Promise<void> {
  valueOf(machine, 'setupCityPreview', await machine.call('setupCityPreview', { sessionId, serverUrl: city.url, code: city.server.issueEnrollmentCode() }));
  valueOf(machine, 'setupCityAccept', await machine.call('setupCityAccept', { sessionId }));
}

/**
 * The door that founds the kindergarten, from its first run (so everything kindergarten-wide it holds is a record):
 * a new kindergarten, the first admin, enrolled with the city (whose roster brings the children, cards and the
 * city's staff), the setup finished. Then its admin turns the evening pick-up rule off (a kindergarten setting, so a
 * record every machine takes in: the taps are arrivals at any hour) and sets the nurse's PIN.
 */
export async function foundDoor(o: { cli: string; name: string; city: City }): Promise<{ founder: Member; admin: Who }> {
  const peerPort = await freePort();
  const machine = await startMachine({ cli: o.cli, name: o.name, dataDir: tempDataDir(), demo: false, extraArgs: ['--peer-port', String(peerPort)] });
  valueOf(machine, 'setupSetLanguage', await machine.call('setupSetLanguage', { language: 'en' }));
  valueOf(machine, 'setupSetRole', await machine.call('setupSetRole', { machineRole: 'door' }));
  valueOf(machine, 'setupSetName', await machine.call('setupSetName', { name: 'Kindergarten No. 7' }));
  valueOf(machine, 'setupSetTimeZone', await machine.call('setupSetTimeZone', { timeZone: 'Asia/Almaty' }));
  const created = valueOf(machine, 'setupCreateAdmin', await machine.call('setupCreateAdmin', FIRST_ADMIN));
  if (created.outcome !== 'created') throw new Error(`${o.name}: no first admin: ${JSON.stringify(created)}`);
  const admin = { id: created.session.staff.id, pin: FIRST_ADMIN.pin };
  const sessionId = created.session.sessionId;
  await enrollAtSetup(machine, sessionId, o.city);
  valueOf(machine, 'adminSetSettings', await machine.call('adminSetSettings', { sessionId, change: { collectCheckFrom: null } }));
  const pin = valueOf(machine, 'staffSetPin', await machine.call('staffSetPin', { sessionId, staffId: NURSE.id, pin: NURSE.pin }));
  if (pin.outcome !== 'set') throw new Error(`${o.name}: the nurse's PIN: ${JSON.stringify(pin)}`);
  valueOf(machine, 'setupFinish', await machine.call('setupFinish', { sessionId }));
  return { founder: { machine, peerPort, deviceId: deviceIdOf(machine) }, admin };
}

/**
 * A fresh machine that joins through `sponsor` from its first run, with the sponsor's address and a code the
 * sponsor's admin opened (`sponsorAddress`: a proxy's port in the partitions proof). Once the group's records have
 * brought the first admin's account and PIN, she signs in here, enrolls it with the city as the first run does, and
 * finishes its setup.
 */
export async function joinMachine(o: { cli: string; name: string; role: 'door' | 'office'; city: City; sponsor: Machine; sponsorAddress: string; admin: Who; deadlineMs: number }): Promise<Member> {
  const peerPort = await freePort();
  const machine = await startMachine({ cli: o.cli, name: o.name, dataDir: tempDataDir(), demo: false, extraArgs: ['--peer-port', String(peerPort)] });
  valueOf(machine, 'setupSetLanguage', await machine.call('setupSetLanguage', { language: 'en' }));
  valueOf(machine, 'setupSetRole', await machine.call('setupSetRole', { machineRole: o.role }));
  const sponsorSession = await signIn(o.sponsor, o.admin);
  const opened = valueOf(o.sponsor, 'peerPairingOpen', await o.sponsor.call('peerPairingOpen', { sessionId: sponsorSession, pin: o.admin.pin }));
  if (opened.outcome !== 'opened') throw new Error(`${o.sponsor.name}: no code: ${JSON.stringify(opened)}`);
  await o.sponsor.call('staffSignOut', { sessionId: sponsorSession, why: 'button' });
  valueOf(machine, 'setupPeerJoin', await machine.call('setupPeerJoin', { address: o.sponsorAddress, code: opened.opened.code, name: o.name }));
  let sessionId = '';
  await waitUntilSame(
    `${o.name}: the first admin signs in`,
    async () => {
      const answer = await machine.call('staffSignIn', { who: { kind: 'staff', staffId: o.admin.id }, pin: o.admin.pin });
      if (answer.ok && answer.value.outcome === 'signed-in') {
        sessionId = answer.value.session.sessionId;
        return null;
      }
      return JSON.stringify(answer);
    },
    o.deadlineMs,
    500,
  );
  valueOf(machine, 'setupSetTimeZone', await machine.call('setupSetTimeZone', { sessionId, timeZone: 'Asia/Almaty' }));
  await enrollAtSetup(machine, sessionId, o.city);
  // Where it listens, read back from its link (the port the OS gave free, passed as --peer-port).
  const status = valueOf(machine, 'peersStatus', await machine.call('peersStatus', { sessionId }));
  if (status.listening?.port !== peerPort) throw new Error(`${o.name} listens on ${JSON.stringify(status.listening)}, not ${String(peerPort)}`);
  valueOf(machine, 'setupFinish', await machine.call('setupFinish', { sessionId }));
  return { machine, peerPort, deviceId: deviceIdOf(machine) };
}

/**
 * Live cards as a keyboard reader types them (10 digits), each of a companion of one child who may bring and collect
 * them, no two for the same child: each tap is one child's arrival, then her departure, with nothing to choose.
 */
export function oneChildCards(machine: Machine, count: number): { card: string; childId: string }[] {
  const rows = machine.read<{ value: string; child_id: string }>(
    `SELECT cr.value, min(cc.child_id) AS child_id FROM credentials cr JOIN companion_children cc ON cc.companion_id = cr.companion_id
     WHERE cr.kind = 'rfid' AND cr.revoked_at IS NULL
     GROUP BY cr.id HAVING count(*) = 1 AND min(cc.may_bring) = 1 AND min(cc.may_collect) = 1 AND max(cc.blocked) = 0 ORDER BY cr.id`,
  );
  const seen = new Set<string>();
  const picked: { card: string; childId: string }[] = [];
  for (const r of rows) {
    if (seen.has(r.child_id)) continue;
    seen.add(r.child_id);
    picked.push({ card: r.value.padStart(10, '0'), childId: r.child_id });
    if (picked.length === count) break;
  }
  if (picked.length < count) throw new Error(`${machine.name}: only ${String(picked.length)} one-child cards`);
  return picked;
}

/** A card tapped at a door: recorded at once, or its offer confirmed for every child the companion may take. */
export async function tap(door: Machine, card: string): Promise<string> {
  const outcome = valueOf(door, `identifyCard ${card}`, await door.call('identifyCard', { raw: card, source: 'keyboard-wedge' }));
  if (outcome.kind !== 'choose') return outcome.kind;
  const childIds = outcome.children.filter((c) => c.allowed).map((c) => c.id);
  if (childIds.length === 0) return 'nobody-allowed';
  const leavingNow = outcome.questions.flatMap((q) => (q.kind === 'leaving-soon-after-arrival' ? [q.childId] : []));
  const confirmed = await door.call('confirmOffer', { offerId: outcome.offerId, childIds, answers: { leavingNow } });
  return confirmed.ok ? 'confirmed' : `refused ${JSON.stringify(confirmed.error)}`;
}
