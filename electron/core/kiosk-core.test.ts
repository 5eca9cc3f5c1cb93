import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/api/contract.js';
import { demoCards } from './demo/demo-roster.js';
import { KioskCore } from './kiosk-core.js';
import { deviceKey } from './credentials/device-key.js';
import { publicKeyFromRaw, rawPublicKey } from './credentials/ed25519.js';
import { openDatabase } from './db/open-database.js';
import { FileSecretStore } from './files/secret-store.js';
import { headSignatureValid } from './ledger/peer-hash.js';
import { tempDataDir } from './testing/fixtures.js';

const quiet = { log: () => undefined };

describe('KioskCore', () => {
  it('creates the demo kindergarten once and keeps check-ins across a restart', () => {
    const dir = tempDataDir();
    const first = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(first.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    first.close();
    const second = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(second.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', demo: true, chain: { events: 1, intact: true } } });
    second.close();
  });

  it("makes the device key at the first start and signs each tap's peer-log row with it, in the tap's transaction", () => {
    const dir = tempDataDir();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    core.close();
    const key = publicKeyFromRaw(rawPublicKey(deviceKey(new FileSecretStore(dir, { cipher: null, ...quiet }))));
    const db = openDatabase(join(dir, 'esik.sqlite'));
    const rows = db.prepare<[], { device_id: string; seq: number; kind: string; record_id: string; content_hash: string; hash: string; sig: Buffer | null }>('SELECT * FROM peer_log').all();
    const events = db.prepare<[], { id: string; device_id: string; hash: string }>('SELECT id, device_id, hash FROM attendance_events').all();
    db.close();
    // The demo's staff PINs and cards are records too, written before the tap: the tap's rows follow them.
    const taps = rows.filter((r) => r.kind === 'attendance');
    expect(taps.map((r) => [r.device_id, r.kind, r.record_id, r.content_hash])).toEqual(events.map((e) => [e.device_id, 'attendance', e.id, e.hash]));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    // The backfill of the demo's roster and staff (docs/peers.md §9) signs every 1000th row and its last; a tap's row is always signed.
    for (const r of rows) if (r.sig !== null) expect(headSignatureValid(key, r.device_id, r.seq, r.hash, r.sig.toString('base64url'))).toBe(true);
    for (const r of taps) expect(r.sig).not.toBeNull();
  });

  it('says its device key was made anew only when a peer log was already written under a lost one, not at its first start', () => {
    const dir = tempDataDir();
    const firstLines: string[] = [];
    const first = new KioskCore({ dataDir: dir, demo: true, log: (line) => firstLines.push(line) });
    expect(first.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' }).ok).toBe(true);
    first.close();
    // The first start's backfill writes the demo's records before the walk: they are signed by the key made then.
    expect(firstLines.filter((line) => line.includes('made anew'))).toEqual([]);
    expect(firstLines.some((line) => /peer log: \d+ rows, intact/.test(line))).toBe(true);
    // The secrets folder lost: the rows stay, signed by a key this machine no longer has.
    new FileSecretStore(dir, { cipher: null, ...quiet }).delete('device-key');
    const againLines: string[] = [];
    const again = new KioskCore({ dataDir: dir, demo: true, log: (line) => againLines.push(line) });
    again.close();
    expect(againLines.filter((line) => line.includes('made anew'))).toHaveLength(1);
  });

  it('walks its peer log at start, and tells of a damaged row as of a broken event chain', () => {
    const dir = tempDataDir();
    const first = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(first.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' }).ok).toBe(true);
    first.close();
    const db = openDatabase(join(dir, 'esik.sqlite'));
    // The demo's staff records come first; the tap's row is the last.
    const tapSeq = db.prepare<[], { seq: number }>("SELECT seq FROM peer_log WHERE kind = 'attendance'").get()?.seq ?? 0;
    const all = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM peer_log').get()?.n ?? 0;
    expect(tapSeq).toBe(all);
    const again = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(again.handlers.getStatus({})).toMatchObject({ value: { chain: { intact: true, events: 1, peerLog: { intact: true, rows: all, brokenAtSeq: null } } } });
    again.close();
    db.exec(`DROP TRIGGER peer_log_no_update; UPDATE peer_log SET hlc = '1795403523999-0000' WHERE seq = ${String(tapSeq)}`);
    db.close();
    const lines: string[] = [];
    const damaged = new KioskCore({ dataDir: dir, demo: true, log: (line) => lines.push(line) });
    expect(damaged.handlers.getStatus({})).toMatchObject({ value: { chain: { intact: false, events: 1, peerLog: { intact: false, rows: tapSeq - 1, brokenAtSeq: tapSeq } } } });
    expect(lines.filter((line) => line.includes(`peer log: ${String(tapSeq - 1)} rows, BROKEN at seq ${String(tapSeq)}`))).toHaveLength(1);
    damaged.close();
  });

  it('starts without a roster when demo mode is off', () => {
    const core = new KioskCore({ dataDir: tempDataDir(), demo: false, ...quiet });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    core.close();
  });

  it('remembers the language', () => {
    const dir = tempDataDir();
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    const seen: string[] = [];
    core.onEvent((name, payload) => {
      if (name === 'statusChanged') {
        const status = payload as EventPayload<'statusChanged'>;
        seen.push(status.state === 'ready' ? status.language : status.state);
      }
    });
    expect(core.handlers.setLanguage({ language: 'ru' }).ok).toBe(true);
    expect(seen).toEqual(['ru']);
    core.close();
    const again = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(again.handlers.getStatus({})).toMatchObject({ value: { language: 'ru' } });
    again.close();
  });

  it('reports a damaged database instead of crashing, refuses taps, and recovers on retry once fixed', () => {
    const dir = tempDataDir();
    const file = join(dir, 'esik.sqlite');
    writeFileSync(file, Buffer.alloc(4096, 0x42));
    const core = new KioskCore({ dataDir: dir, demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ value: { state: 'database-error', problem: 'DB_CORRUPT' } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(core.handlers.retryDatabase({})).toMatchObject({ value: { state: 'database-error' } });
    writeFileSync(file, ''); // the admin restored an (empty) file
    expect(core.handlers.retryDatabase({})).toMatchObject({ value: { state: 'ready' } });
    core.close();
  });

  it('reports a data folder it cannot create as DB_UNWRITABLE', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'blocked'), 'a file where the folder should be');
    const core = new KioskCore({ dataDir: join(dir, 'blocked', 'esik'), demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ value: { state: 'database-error', problem: 'DB_UNWRITABLE' } });
  });
});
