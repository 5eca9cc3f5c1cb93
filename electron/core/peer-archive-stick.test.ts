// A stick from a door with an archived year (docs/peers.md §5 "Archived years", §8): the door's 2020 taps are in its
// yearly archive, so its stick carries their peer-log rows link-only; an empty office, in the group as pairing leaves
// it and never on the LAN, reads it. The stick names the door's archived head, so the office takes every row, keeps
// the head as the door's, holds the live year's taps and nothing of 2020's events, with nothing left waiting; a stick
// whose archived head is not the door's signature is refused whole.
import type { Database } from 'better-sqlite3';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toLocalTime } from '../../shared/domain/local-time.js';
import { rawPublicKey } from './credentials/ed25519.js';
import { ensurePeerDhKey } from './credentials/peer-dh-key.js';
import { openDatabase } from './db/open-database.js';
import { demoCards } from './demo/demo-roster.js';
import { FileSecretStore } from './files/secret-store.js';
import { archivedHeadOf } from './ledger/archive/peer-archived.js';
import { peerAppliers } from './peer-worker-entry.js';
import { bundleContentFor, writeBundleFromDb } from './peers/bundle/bundle-from-db.js';
import { writeBundle } from './peers/bundle/bundle-write.js';
import { readBundleIntoDb } from './peers/bundle/bundle-into-db.js';
import { GROUP } from './peers/testing/peer-group-kit.js';
import { x25519PublicRaw } from './peers/x25519.js';
import { value } from './setup/testing/setup-kit.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { signedIn, startedCore } from './testing/started-core.js';

const ADMIN_PIN = '2468';

function fileOf(dir: string): Database {
  const db = openDatabase(join(dir, 'esik.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  return db;
}

interface Machine {
  dir: string;
  db: Database;
  deviceId: string;
  signKey: KeyObject;
  dhKey: KeyObject;
}

function machineOf(dir: string): Machine {
  const secrets = new FileSecretStore(dir, { cipher: null, log: () => undefined });
  const pem = secrets.get('device-key');
  if (pem === null) throw new Error('no device key');
  const db = fileOf(dir);
  const deviceId = db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? '';
  return { dir, db, deviceId, signKey: createPrivateKey(pem), dhKey: ensurePeerDhKey(secrets) };
}

/** The group as pairing leaves it in each file; the members' addresses are never dialled (no link runs). */
function pairWithoutLan(machines: readonly Machine[]): void {
  for (const at of machines) {
    at.db.prepare("INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, made_ms) VALUES (1, ?, 'kg-demo', 'Demo', 0)").run(GROUP);
    for (const m of machines) {
      at.db
        .prepare(
          `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_at, member_record_id)
           VALUES (?, ?, 'door', ?, ?, ?, ?, '[]', '2026-11-20T08:00:00+05:00', ?)`,
        )
        .run(m.deviceId, m === machines[0] ? 'Door' : 'Office', Buffer.from(rawPublicKey(m.signKey)), x25519PublicRaw(m.dhKey), `qr-${m.deviceId}`, Buffer.from(rawPublicKey(m.signKey)), `member-${m.deviceId}`);
    }
  }
}

const text = (db: Database, sql: string): string => JSON.stringify(db.prepare(sql).all());

describe('a stick from a door with an archived year', () => {
  it("names the door's archived head, so an office that holds none of its rows takes them link-only and keeps the head", async () => {
    const doorDir = tempDataDir();
    const clock = manualClock('2020-02-03T08:10:00+05:00');
    const door = startedCore({ dataDir: doorDir, demo: true, clock, log: () => undefined });
    for (const day of ['2020-02-03', '2020-02-04', '2020-02-05']) {
      clock.set(`${day}T08:10:00+05:00`);
      expect(door.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    }
    clock.set('2026-11-23T08:10:00+05:00');
    expect(door.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    const officeDir = tempDataDir();
    startedCore({ dataDir: officeDir, demo: false, clock, log: () => undefined });
    const d = machineOf(doorDir);
    const o = machineOf(officeDir);
    // The demo has no city: its records are taken as acknowledged, as a door in service would have them.
    d.db.exec("UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE state = 'pending'");
    const head = await signedIn(door, 'staff-admin', ADMIN_PIN);
    expect(value(await door.handlers.adminArchiveYear({ sessionId: head, year: 2020, pin: ADMIN_PIN }))).toMatchObject({ outcome: 'archived' });
    const doorHead = archivedHeadOf(d.db, d.deviceId);
    expect(doorHead).not.toBeNull();
    pairWithoutLan([d, o]);
    // The office's own admin reads the stick (its first run made her; the door's accounts come on the stick).
    o.db.prepare("INSERT INTO staff (id, first_name, last_name, role, origin) VALUES ('office-admin', 'Жанар', 'Әлиева', 'admin', 'local')").run();

    const at = toLocalTime(clock.now(), 300);
    const write = (): string =>
      writeBundleFromDb({ db: d.db, groupId: GROUP, deviceId: d.deviceId, machineName: 'Door', signingKey: d.signKey, hlc: `${at.ms}-0000`, at, folder: tempDataDir(), staffId: 'staff-admin', for: [o.deviceId] }).path;
    const read = (path: string) => readBundleIntoDb({ db: o.db, groupId: GROUP, deviceId: o.deviceId, dhPrivateKey: o.dhKey, appliers: peerAppliers, path, at, staffId: 'office-admin' });

    // A stick whose archived head is not the door's signature (one bit of it flipped) is refused whole.
    const { content } = bundleContentFor(d.db, [o.deviceId]);
    const forged = (content.archived ?? []).map((h) => {
      const sig = Buffer.from(h.sig, 'base64url');
      sig[7] = (sig[7] ?? 0) ^ 0x01;
      return { ...h, sig: sig.toString('base64url') };
    });
    expect(forged).toHaveLength(1);
    const forgedStick = writeBundle(tempDataDir(), 'Door', {
      groupId: GROUP,
      from: d.deviceId,
      signingKey: d.signKey,
      createdAt: at.iso,
      hlc: `${at.ms}-0000`,
      have: {},
      recipients: [{ deviceId: o.deviceId, dhPub: x25519PublicRaw(o.dhKey) }],
      content: { ...content, archived: forged },
    });
    const refused = read(forgedStick.path).outcome;
    expect(refused.code).toBe('BUNDLE_TAMPERED');
    expect('detail' in refused ? refused.detail : '').toContain('archived head');
    expect(o.db.prepare('SELECT count(*) FROM peer_log').pluck().get()).toBe(0);

    const taken = read(write());
    expect(taken.outcome).toMatchObject({ code: 'BUNDLE_READ', from: d.deviceId });
    const doorRows = `SELECT seq, hash FROM peer_log WHERE device_id = '${d.deviceId}' ORDER BY seq`;
    expect(text(o.db, doorRows)).toBe(text(d.db, doorRows));
    // The 2020 taps came as links only, under the door's archived head, which the office keeps to serve them on.
    expect(o.db.prepare("SELECT count(*) FROM peer_log WHERE kind = 'attendance' AND record_id NOT IN (SELECT id FROM attendance_events)").pluck().get()).toBe(3);
    expect(archivedHeadOf(o.db, d.deviceId)).toEqual(doorHead);
    const events = 'SELECT id, child_id, kind, device_id, device_seq, hash FROM attendance_events ORDER BY id';
    expect(text(o.db, events)).toBe(text(d.db, events));
    expect(o.db.prepare('SELECT count(*) FROM peer_waiting').pluck().get()).toBe(0);
  }, 60_000);
});
