// A restatement written in the middle of a catch-up (docs/peers.md §6 "The general rule"), over real SQLite files and
// the real importer: this machine's head lost to another's, seen in the first page, and it restated the winner; the
// winner's machine had already edited again on top of its winner, which comes only in the next page. That later edit
// saw everything the restatement says, so it must stand on every machine, whichever HLC is newer.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { peerMachine, pinAll, exchange, type PeerMachine } from '../peers/testing/peer-machines.js';
import { importPage, retryWaiting } from '../peers/record-import.js';
import type { SignedHead } from '../../../shared/peers/peer-record.js';
import { ledgerAppliers as appliers } from './peer-apply.js';
import { SettingsStore } from './settings-store.js';

const settingRows = (db: Database) =>
  db.prepare("SELECT device_id, record_id, base, json_extract(body, '$.value') AS value FROM peer_log WHERE kind = 'setting' ORDER BY device_id, seq").all() as {
    device_id: string;
    record_id: string;
    base: string | null;
    value: string;
  }[];
const registers = (m: PeerMachine) => m.db.prepare("SELECT key, winner_record_id FROM peer_registers WHERE entity = 'setting' ORDER BY key").all();

/** `to` takes at most `limit` of what `from` has that it lacks: one page of a paced catch-up. */
function pullPage(to: PeerMachine, from: PeerMachine, limit: number): number {
  const records = from.log.page(to.log.haveVector(), limit);
  const heads: SignedHead[] = [];
  const last = new Map<string, number>();
  for (const r of records) last.set(r.deviceId, r.seq);
  for (const [deviceId, seq] of last) {
    const head = from.log.headOf(deviceId, seq);
    if (head !== null) heads.push(head);
  }
  importPage(to.db, { records, heads }, { ownDeviceId: to.deviceId, appliers, nowMs: () => to.clock.ms });
  retryWaiting(to.db, appliers);
  return records.length;
}

function machines(count: number): PeerMachine[] {
  const all = Array.from({ length: count }, (_v, i) => peerMachine(0x31 + i, { empty: true }));
  pinAll(all);
  return all;
}

describe('a restatement written mid catch-up', () => {
  it("never undoes the winner's later edit that comes in the next page", () => {
    const [x, y] = machines(2) as [PeerMachine, PeerMachine];
    // Apart: X sets 18:00; Y sets 18:30 a little later (so Y's wins), then changes it to 19:00 on top of its own.
    SettingsStore.of(x.db).set('closingTime', '18:00');
    y.clock.ms += 5_000;
    SettingsStore.of(y.db).set('closingTime', '18:30');
    y.clock.ms += 1_000;
    SettingsStore.of(y.db).set('closingTime', '19:00');
    // X's clock runs ahead of Y's, so what X writes now is newer by HLC than Y's 19:00.
    x.clock.ms += 60_000;
    expect(pullPage(x, y, 1)).toBe(1);
    // First page: Y's 18:30 beat X's 18:00, and X restated it with Y's record as base.
    expect(SettingsStore.of(x.db).get('closingTime')).toBe('18:30');
    const [hy, hy2] = settingRows(y.db);
    const restated = settingRows(x.db).filter((r) => r.device_id === x.deviceId)[1];
    expect(restated).toMatchObject({ base: hy?.record_id, value: '18:30' });
    // Next page: Y's 19:00, whose base is the same 18:30. It saw all the restatement says.
    expect(pullPage(x, y, 1)).toBe(1);
    expect(SettingsStore.of(x.db).get('closingTime')).toBe('19:00');
    exchange([x, y], appliers);
    for (const m of [x, y]) expect(SettingsStore.of(m.db).get('closingTime'), m.deviceId).toBe('19:00');
    expect(registers(x)).toEqual(registers(y));
    expect(registers(x)).toEqual([{ key: 'closingTime', winner_record_id: hy2?.record_id }]);
    // Nobody owed anything more: X's restatement, Y's two edits and X's first are all there is.
    expect(settingRows(x.db)).toHaveLength(4);
    expect(settingRows(y.db)).toEqual(settingRows(x.db));
  });

  it("holds when the winner's records come relayed by a third machine, and the third decides alike", () => {
    const [x, y, z] = machines(3) as [PeerMachine, PeerMachine, PeerMachine];
    SettingsStore.of(x.db).set('closingTime', '18:00');
    y.clock.ms += 5_000;
    SettingsStore.of(y.db).set('closingTime', '18:30');
    y.clock.ms += 1_000;
    SettingsStore.of(y.db).set('closingTime', '19:00');
    // Z holds Y's records, taken one page each (a relay keeps the signed head of each page it took); X pulls them
    // from Z in two pages, its own clock ahead.
    pullPage(z, y, 1);
    pullPage(z, y, 1);
    x.clock.ms += 60_000;
    z.clock.ms += 30_000;
    expect(pullPage(x, z, 1)).toBe(1);
    expect(pullPage(x, z, 1)).toBe(1);
    // Z takes X's restatement before X's first edit reaches Y.
    pullPage(z, x, 10);
    expect(SettingsStore.of(z.db).get('closingTime')).toBe('19:00');
    exchange([x, y, z], appliers);
    for (const m of [x, y, z]) expect(SettingsStore.of(m.db).get('closingTime'), m.deviceId).toBe('19:00');
    expect(registers(y)).toEqual(registers(x));
    expect(registers(z)).toEqual(registers(x));
  });
});
