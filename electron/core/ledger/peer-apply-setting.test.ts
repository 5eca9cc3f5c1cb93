// Kindergarten settings across machines (docs/peers.md §6), over real SQLite files with their own device keys and the
// real importer: a key set at one machine shows at the other; two set while apart end the same everywhere whichever
// pulls first (the later HLC, then device id), the loser's machine restating the winner once; a replayed page changes
// nothing; a door-only key never becomes a record.
import { describe, expect, it } from 'vitest';
import { exchange, peerMachine, pinAll, pull, type PeerMachine } from '../peers/testing/peer-machines.js';
import { ledgerAppliers } from './peer-apply.js';
import { SettingsStore } from './settings-store.js';

const appliers = ledgerAppliers;

const settingRows = (m: PeerMachine) => m.db.prepare("SELECT record_id, device_id, base, body FROM peer_log WHERE kind = 'setting' ORDER BY device_id, seq").all();
const registers = (m: PeerMachine) => m.db.prepare("SELECT * FROM peer_registers WHERE entity = 'setting' ORDER BY key").all();
const conflicts = (m: PeerMachine) => m.db.prepare('SELECT entity, key, kept_record_id, lost_record_id, rule FROM peer_conflicts ORDER BY id').all();

function pair(): [PeerMachine, PeerMachine] {
  const a = peerMachine(0x21);
  const b = peerMachine(0x22);
  pinAll([a, b]);
  return [a, b];
}

describe('kindergarten settings between machines', () => {
  it('a key set at one machine shows at the other, as a register whose winner both name', () => {
    const [a, b] = pair();
    SettingsStore.of(a.db).set('closingTime', '18:30');
    SettingsStore.of(a.db).set('actCountedReasons', ['sick']);
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, stored: 2, applied: 2, waiting: 0 });
    expect(SettingsStore.of(b.db).get('closingTime')).toBe('18:30');
    expect(SettingsStore.of(b.db).get('actCountedReasons')).toEqual(['sick']);
    expect(registers(b)).toEqual(registers(a));
    // B's next edit saw A's: its base is A's record, so it simply replaces it at A.
    SettingsStore.of(b.db).set('closingTime', '18:45');
    pull(a, b, appliers);
    expect(SettingsStore.of(a.db).get('closingTime')).toBe('18:45');
    expect(conflicts(a)).toEqual([]);
  });

  it("a door-only key stays this machine's: no record, and the other keeps its own", () => {
    const [a, b] = pair();
    SettingsStore.of(a.db).set('language', 'ru');
    SettingsStore.of(a.db).set('cameraDeviceId', 'cam-1');
    SettingsStore.of(a.db).set('consoleIdleSeconds', 300);
    expect(settingRows(a)).toEqual([]);
    pull(b, a, appliers);
    expect(SettingsStore.of(b.db).get('language')).toBe('kk');
  });

  it('two machines that set a key apart end the same whichever pulls first; the loser restates the winner once', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const [a, b] = pair();
      SettingsStore.of(a.db).set('closingTime', '18:00');
      b.clock.ms += 5_000;
      SettingsStore.of(b.db).set('closingTime', '18:30');
      if (order === 'a-first') exchange([a, b], appliers);
      else exchange([b, a], appliers);
      for (const m of [a, b]) expect(SettingsStore.of(m.db).get('closingTime')).toBe('18:30');
      expect(registers(a)).toEqual(registers(b));
      // A lost: it wrote one restating record, based on B's winner, and nobody wrote more.
      const rows = settingRows(a);
      expect(rows).toHaveLength(3);
      expect(settingRows(b)).toEqual(rows);
      const bRecord = rows.find((r) => (r as { device_id: string }).device_id === b.deviceId) as { record_id: string };
      expect(rows.filter((r) => (r as { base: string | null }).base === bRecord.record_id)).toHaveLength(1);
      expect(conflicts(a)).toMatchObject([{ entity: 'setting', key: 'closingTime', kept_record_id: bRecord.record_id, rule: 'later-wins' }]);
      expect(conflicts(b)).toEqual(conflicts(a));
    }
  });

  it('a page taken again changes nothing', () => {
    const [a, b] = pair();
    SettingsStore.of(a.db).set('headcountCutOff', '09:30');
    pull(b, a, appliers);
    const before = [settingRows(b), registers(b)];
    const again = pull(b, a, appliers);
    expect(again).toMatchObject({ ok: true, stored: 0 });
    expect([settingRows(b), registers(b)]).toEqual(before);
    expect(SettingsStore.of(b.db).get('headcountCutOff')).toBe('09:30');
  });
});
