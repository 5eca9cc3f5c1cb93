// The USB stick and the relay through the kiosk API (docs/peers.md §5, §8; shared/peers/stick-contract.ts): two kiosk
// cores in one process, a door with no network and an office enrolled with the reference city, paired as pairing
// leaves them but with no LAN between them (each lists the other at a port nobody listens on). The office enrolls the
// door for the city; the door writes a stick, the office reads it (its counts), the office's push worker pushes the
// door's taps to the city under the door's id, once; the office's stick back carries the acks that mark them sent at
// the door. A stick read twice, one with a byte flipped, one of another kindergarten change nothing and say why in
// kk, ru and en.
import type { Database } from 'better-sqlite3';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { toLocalTime } from '../../shared/domain/local-time.js';
import type { StickRead } from '../../shared/peers/stick-contract.js';
import { bundleCatalogs, bundleOutcomeText } from '../../shared/i18n/peers/bundle-catalogs.js';
import { rawPublicKey } from '../../electron/core/credentials/ed25519.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { FileSecretStore } from '../../electron/core/files/secret-store.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { writeBundleFromDb } from '../../electron/core/peers/bundle/bundle-from-db.js';
import { freePort } from '../../electron/core/peers/testing/peer-group-kit.js';
import { x25519PublicRaw } from '../../electron/core/peers/x25519.js';
import { enrolledDataDir } from '../../e2e/support/city.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';

const GROUP = '0193a1f0-0000-7000-8000-00000000cafe';
const ADMIN = { who: { kind: 'staff' as const, staffId: 'staff-admin' }, pin: '2468' };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Kiosk {
  name: string;
  dir: string;
  core: KioskCore;
  deviceId: string;
  db: Database;
  signKey: KeyObject;
  dhPub: Buffer;
  lines: string[];
  session: string;
}

/** A data folder enrolled with the city before its first start, as its first run leaves it (the city's demo kindergarten). */
async function enrolledFolder(city: RunningCityServer): Promise<string> {
  const dir = tempDataDir();
  await enrolledDataDir(dir, { url: city.url, code: city.issueEnrollmentCode() }, { deviceId: '0193a1f0-0000-7000-8000-0000000000f1', deviceName: 'Office' });
  return dir;
}

/** One kindergarten's PIN pepper, as pairing leaves the group's on each machine (the demo's PIN records then check everywhere). */
const PEPPER = Buffer.alloc(32, 0x5a).toString('base64');

async function signIn(k: { name: string; core: KioskCore }): Promise<string> {
  const answer = await k.core.handlers.staffSignIn(ADMIN);
  if (!answer.ok || answer.value.outcome !== 'signed-in') throw new Error(`${k.name}: the admin could not sign in: ${JSON.stringify(answer)}`);
  return answer.value.session.sessionId;
}

async function kiosk(name: string, dir: string): Promise<Kiosk> {
  const lines: string[] = [];
  new FileSecretStore(dir, { cipher: null, log: () => undefined }).set('pin-pepper', PEPPER);
  const core = new KioskCore({
    dataDir: dir,
    demo: true,
    log: (line) => lines.push(line),
    cityPullIntervalMs: 0,
    peers: { host: '127.0.0.1', port: await freePort(), beacon: null, tuning: { membersEveryMs: 100, dialBackoff: { firstMs: 60_000, maxMs: 60_000 } } },
    sync: { tuning: { queuePollMs: 50, networkPollMs: 0, idlePollMs: 60_000 } },
  });
  cleanups.push(async () => {
    core.close();
    await core.closed();
  });
  const status = core.handlers.getStatus({});
  if (!status.ok || status.value.state !== 'ready') throw new Error(`${name} did not open`);
  const secrets = new FileSecretStore(dir, { cipher: null, log: () => undefined });
  const devicePem = secrets.get('device-key');
  const dhPem = secrets.get('peer-dh-key');
  if (devicePem === null || dhPem === null) throw new Error(`${name} holds no keys`);
  const db = openDatabase(join(dir, 'esik.sqlite'));
  cleanups.push(() => {
    db.close();
  });
  // Every tap an arrival at whatever hour the suite runs (the core re-reads settings another connection wrote).
  db.prepare("INSERT INTO settings (key, value) VALUES ('collectCheckFrom', 'null') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
  const session = await signIn({ name, core });
  return { name, dir, core, deviceId: status.value.deviceId, db, signKey: createPrivateKey(devicePem), dhPub: x25519PublicRaw(createPrivateKey(dhPem)), lines, session };
}

/** What pairing leaves in each file, each member at a port nobody listens on: the two never meet on the LAN. */
async function pairWithoutLan(kiosks: Kiosk[]): Promise<void> {
  for (const at of kiosks) {
    at.db.prepare("INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, made_ms) VALUES (1, ?, 'kg-demo', 'Demo', 0)").run(GROUP);
    for (const m of kiosks) {
      at.db
        .prepare(
          `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_at, member_record_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
        )
        .run(m.deviceId, m.name, m.name === 'Office' ? 'office' : 'door', Buffer.from(rawPublicKey(m.signKey)), m.dhPub, `qr-${m.deviceId}`, Buffer.from(rawPublicKey(m.signKey)), JSON.stringify([`127.0.0.1:${await freePort()}`]), `member-${m.deviceId}`);
    }
  }
}

function value<T>(k: Kiosk, what: string, answer: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!answer.ok) throw new Error(`${k.name}: ${what}: ${JSON.stringify(answer.error)}\n${k.lines.slice(-20).join('\n')}`);
  return answer.value;
}

/** The stick's file sent to a core as the console sends it, in pieces, then read. */
async function readStick(k: Kiosk, fileName: string, bytes: Buffer): Promise<StickRead> {
  const begun = value(k, 'bundleReadBegin', await k.core.handlers.bundleReadBegin({ sessionId: k.session, fileName, bytes: bytes.length }));
  for (let offset = 0; offset < bytes.length; offset += begun.chunkBytes) {
    value(k, 'bundleReadChunk', await k.core.handlers.bundleReadChunk({ sessionId: k.session, uploadId: begun.uploadId, offset, data: bytes.subarray(offset, offset + begun.chunkBytes).toString('base64') }));
  }
  return value(k, 'bundleRead', await k.core.handlers.bundleRead({ sessionId: k.session, uploadId: begun.uploadId }));
}

async function until(what: string, done: () => boolean, k: Kiosk): Promise<void> {
  // Bounded: 300 looks, 50 ms apart.
  for (let i = 0; i < 300; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within 15 s: ${what}\n${k.lines.slice(-30).join('\n')}`);
}

const count = (db: Database, sql: string, ...args: string[]): number => db.prepare<string[], number>(sql).pluck().get(...args) ?? 0;
const TABLES = ['peer_log', 'attendance_events', 'sync_outbox', 'relay_outbox', 'peer_bundles', 'peer_waiting'] as const;
const counts = (db: Database) => Object.fromEntries(TABLES.map((t) => [t, count(db, `SELECT count(*) FROM ${t}`)]));

/** The outcome in each language, as the panel says it. */
function said(read: StickRead, names: Record<string, string>): string[] {
  return (['kk', 'ru', 'en'] as const).map((language) =>
    bundleOutcomeText(read.outcome, bundleCatalogs[language], { nameOf: (id) => names[id] ?? null, zone: 'Asia/Almaty', nowMs: Date.now() }),
  );
}

describe('the stick and the relay through the kiosk API', () => {
  it('carries a door’s taps to the office and the city once, and the acks back; a stick again, tampered or foreign changes nothing', async () => {
    const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo' });
    cleanups.push(() => city.close());
    const office = await kiosk('Office', await enrolledFolder(city));
    const door = await kiosk('Door 2', tempDataDir());
    await pairWithoutLan([door, office]);
    const names = { [door.deviceId]: 'Door 2', [office.deviceId]: 'Office' };

    const enrolled = value(office, 'relayEnroll', await office.core.handlers.relayEnroll({ sessionId: office.session, deviceId: door.deviceId, serverUrl: city.url, code: city.issueEnrollmentCode() }));
    expect(enrolled).toEqual({ doorId: door.deviceId, queued: 0 });
    // The office's admin is on record for it, in the office's own trail.
    expect(office.db.prepare("SELECT detail FROM admin_audit WHERE action = 'relay-enrolled'").pluck().all()).toEqual([
      JSON.stringify({ doorId: door.deviceId, serverUrl: city.url, queued: 0 }),
    ]);

    for (const card of [demoCards.motherOneChild, demoCards.grandmotherTwoGroups]) {
      const tapped = door.core.handlers.identifyCard({ raw: card, source: 'keyboard-wedge' });
      if (!tapped.ok) throw new Error(`tap refused: ${JSON.stringify(tapped.error)}`);
      if (tapped.value.kind === 'choose') {
        const childIds = tapped.value.children.filter((c) => c.allowed).map((c) => c.id);
        value(door, 'confirmOffer', door.core.handlers.confirmOffer({ offerId: tapped.value.offerId, childIds, answers: { leavingNow: [] } }));
      }
    }
    const taps = door.db.prepare<[string], string>('SELECT id FROM attendance_events WHERE device_id = ? ORDER BY device_seq').pluck().all(door.deviceId);
    expect(taps.length).toBeGreaterThanOrEqual(2);

    // The door writes a stick for the office, into its exports/ folder.
    const stick = value(door, 'bundleWrite', await door.core.handlers.bundleWrite({ sessionId: door.session, deviceId: office.deviceId }));
    expect(stick.recipients).toEqual([office.deviceId]);
    expect(stick.fileName).toMatch(/^esik-Door-2-\d{8}-\d{4}\.esikpeer$/);
    expect(stick.path).toBe(join(door.dir, 'exports', stick.fileName));
    const doorRecords = count(door.db, 'SELECT count(*) FROM peer_log WHERE device_id = ?', door.deviceId);
    expect(stick.records).toBe(doorRecords);
    const bytes = readFileSync(stick.path);

    // The office reads it: every record of the door's, the taps among them.
    const read = await readStick(office, stick.fileName, bytes);
    expect(read.outcome).toMatchObject({ code: 'BUNDLE_READ', from: door.deviceId, total: doorRecords, origins: [{ deviceId: door.deviceId, count: doorRecords, fromSeq: 1, toSeq: doorRecords }] });
    expect(read.taken?.applied).toBeGreaterThanOrEqual(taps.length);
    expect(count(office.db, 'SELECT count(*) FROM attendance_events WHERE device_id = ?', door.deviceId)).toBe(taps.length);
    for (const text of said(read, names)) expect(text).toContain('Door 2');
    // The stick brought the door's PIN records for the admin: her session here ended (a PIN changed elsewhere).
    office.session = await signIn(office);

    // The office's push worker relays the door's taps to the city, under the door's id, once each.
    await until('the city holds the door’s taps', () => taps.every((id) => city.recordIds().includes(id)), office);
    expect(city.recordIds().filter((id) => taps.includes(id))).toHaveLength(taps.length);
    const acked = `SELECT count(DISTINCT a.value) FROM peer_log p, json_each(json_extract(p.body, '$.accepted')) a
                    WHERE p.kind = 'city-acks' AND json_extract(p.body, '$.forDevice') = ? AND a.value IN (${taps.map(() => '?').join(', ')})`;
    await until('the office’s acks name every tap of the door', () => count(office.db, acked, door.deviceId, ...taps) === taps.length, office);

    // The way back: the office's stick for the door carries the acks, which mark the door's taps sent there.
    const pendingTaps = `SELECT count(*) FROM sync_outbox WHERE state = 'pending' AND record_id IN (${taps.map(() => '?').join(', ')})`;
    expect(count(door.db, pendingTaps, ...taps)).toBe(taps.length);
    const back = value(office, 'bundleWrite', await office.core.handlers.bundleWrite({ sessionId: office.session, deviceId: door.deviceId }));
    const backBytes = readFileSync(back.path);
    const home = await readStick(door, back.fileName, backBytes);
    expect(home.outcome).toMatchObject({ code: 'BUNDLE_READ', from: office.deviceId });
    expect(count(door.db, pendingTaps, ...taps)).toBe(0);
    door.session = await signIn(door);

    // Read again, a byte flipped, another kindergarten's: nothing changes, and each says why in every language.
    const held = counts(door.db);
    const again = await readStick(door, back.fileName, backBytes);
    expect(again).toMatchObject({ outcome: { code: 'BUNDLE_ALREADY_READ' }, taken: null });
    const flipped = Buffer.from(backBytes);
    const at = flipped.length - 200;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    const tampered = await readStick(door, back.fileName, flipped);
    expect(tampered).toMatchObject({ outcome: { code: 'BUNDLE_TAMPERED' }, taken: null });
    const foreign = writeBundleFromDb({
      db: office.db, groupId: '0193a1f0-0000-7000-8000-00000000beef', deviceId: office.deviceId, machineName: 'Office', signingKey: office.signKey,
      hlc: '2026000000000-0000', at: toLocalTime(new Date(), 'Asia/Almaty'), folder: tempDataDir(), staffId: 'staff-admin',
    });
    const other = await readStick(door, 'esik-Office-other.esikpeer', readFileSync(foreign.path));
    expect(other).toMatchObject({ outcome: { code: 'BUNDLE_OTHER_KINDERGARTEN' }, taken: null });
    expect(counts(door.db)).toEqual(held);
    const texts = [again, tampered, other].map((r) => said(r, names));
    for (const perLanguage of texts) expect(new Set(perLanguage).size).toBe(3);
    expect(new Set(texts.map((t) => t[2])).size).toBe(3);
    const audits = door.db.prepare<[], string>("SELECT action FROM admin_audit WHERE action LIKE 'bundle-%' ORDER BY rowid").pluck().all();
    expect(audits).toEqual(['bundle-written', 'bundle-read', 'bundle-read', 'bundle-refused', 'bundle-refused']);
  }, 60_000);
});
