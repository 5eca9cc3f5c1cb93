import { describe, expect, it } from 'vitest';
import { bundleCatalogs } from '../../../shared/i18n/peers/bundle-catalogs.js';
import { stickCatalogs } from '../../../shared/i18n/peers/stick-catalogs.js';
import type { PeerRefusalView } from '../../../shared/peers/peer-refusal-view.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import type { StickRead } from '../../../shared/peers/stick-contract.js';
import { belowTheList, memberNames, refusalReasonText, refusalWhoText, relayDoors, stickReadNote, stickRecipients, stickWrittenNote } from './stick-words.js';

const DOOR = '0193a1f0-0000-7000-8000-0000000000d2';
const OFFICE = '0193a1f0-0000-7000-8000-0000000000f1';
const GONE = '0193a1f0-0000-7000-8000-0000000000d9';
const NOW = Date.parse('2026-12-04T10:00:00+05:00');
const wording = { nameOf: (id: string) => ({ [DOOR]: 'Door 2', [OFFICE]: 'Office' })[id] ?? null, zone: 'Asia/Almaty', nowMs: NOW };
const about = { bundleId: '0193a1f0-0000-7000-8000-00000000b001', from: DOOR, writtenAt: '2026-12-04T09:30:00+05:00' };

function member(deviceId: string, over: Partial<PeerMemberView>): PeerMemberView {
  return { deviceId, name: '', role: 'door', self: false, revoked: false, address: null, connected: false, lastSeenMs: null, heldSeq: 0, keptAfterRemoval: 0, ...over };
}

describe('what the stick panel says', () => {
  it('says records taken in with how many, calm, in each language, each its own', () => {
    const read: StickRead = {
      outcome: { code: 'BUNDLE_READ', ...about, origins: [{ deviceId: DOOR, count: 12, fromSeq: 1, toSeq: 12, newestMs: NOW - 60_000 }], total: 12, roster: false },
      taken: { applied: 11, waiting: 1 },
    };
    const said = (['kk', 'ru', 'en'] as const).map((l) => stickReadNote(read, stickCatalogs[l], bundleCatalogs[l], wording));
    for (const note of said) {
      expect(note.failed).toBe(false);
      expect(note.text).toContain('Door 2');
      expect(note.text).toMatch(/11/);
    }
    expect(said[2]?.text).toBe('Taken in: 12 new records from “Door 2”, the newest made at 09:59. 11 records taken in; 1 record waits for records that have not come yet.');
    expect(new Set(said.map((n) => n.text)).size).toBe(3);
  });

  it('says a stick read twice calmly with no count, and a refusal as an alert', () => {
    const again = stickReadNote({ outcome: { code: 'BUNDLE_ALREADY_READ', ...about, readAt: '2026-12-04T09:45:00+05:00' }, taken: null }, stickCatalogs.en, bundleCatalogs.en, wording);
    expect(again).toEqual({ text: 'This stick was already read at this computer on 04.12.2026 at 09:45. Nothing changed.', failed: false });
    for (const outcome of [
      { code: 'BUNDLE_TAMPERED' as const, detail: 'tag' },
      { code: 'BUNDLE_OTHER_KINDERGARTEN' as const, detail: 'group' },
      { code: 'BUNDLE_NOT_FOR_US' as const, detail: 'not a recipient', from: DOOR },
      { code: 'BUNDLE_SENDER_REVOKED' as const, detail: 'removed', from: GONE },
      { code: 'BUNDLE_GAP' as const, ...about, gaps: [{ deviceId: DOOR, fromSeq: 3, toSeq: 9 }] },
    ]) {
      const note = stickReadNote({ outcome, taken: null }, stickCatalogs.ru, bundleCatalogs.ru, wording);
      expect(note.failed, outcome.code).toBe(true);
      expect(note.text, outcome.code).toMatch(/Ничего не принято/);
    }
  });

  it('names the file written, its records and for how many computers', () => {
    const written = { fileName: 'esik-Door-2-20261204-0930.esikpeer', path: '/x', records: 21, recipients: [OFFICE, GONE] };
    expect(stickWrittenNote(written, stickCatalogs.ru).text).toBe('Файл esik-Door-2-20261204-0930.esikpeer записан: 21 запись для 2 компьютеров. Скопируйте его на флешку.');
    expect(stickWrittenNote({ ...written, records: 1, recipients: [OFFICE] }, stickCatalogs.en).text).toContain('1 record for one computer');
    expect(stickWrittenNote(written, stickCatalogs.kk).text).toContain('2 компьютерге арналған 21 жазба');
  });

  it('offers a stick for every other member not removed, and doors to carry only on an office', () => {
    const members = [member(OFFICE, { self: true, role: 'office', name: 'Office' }), member(DOOR, { name: 'Door 2' }), member(GONE, { revoked: true })];
    expect(stickRecipients(members).map((m) => m.deviceId)).toEqual([DOOR]);
    expect(relayDoors(members).map((m) => m.deviceId)).toEqual([DOOR]);
    expect(relayDoors(members.map((m) => (m.self ? { ...m, role: 'door' as const } : m)))).toEqual([]);
    expect(relayDoors([member(OFFICE, { self: true, role: 'office' }), member(GONE, { role: 'office' })])).toEqual([]);
  });

  it('shows the stick only with another computer not removed, the refusals once there is another or one is on record', () => {
    const self = member(OFFICE, { self: true, role: 'office' });
    const refusal: PeerRefusalView = { lastMs: NOW, reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: GONE, remote: '10.0.0.9:1', count: 1 };
    expect(belowTheList([self], [])).toEqual({ stick: false, refusals: false });
    expect(belowTheList([self], [refusal])).toEqual({ stick: false, refusals: true });
    expect(belowTheList([self, member(GONE, { revoked: true })], [])).toEqual({ stick: false, refusals: true });
    expect(belowTheList([self, member(DOOR, {})], [])).toEqual({ stick: true, refusals: true });
  });

  it('words a refusal’s reason, an unknown one as another reason, and names who by member name or address', () => {
    expect(refusalReasonText('PEER_REVOKED', stickCatalogs.en)).toBe('It was removed from this kindergarten’s computers');
    expect(refusalReasonText('PEER_FROM_A_NEWER_VERSION', stickCatalogs.kk)).toBe(stickCatalogs.kk.reasonOther);
    const nameOf = memberNames([member(DOOR, { name: 'Door 2' }), member(GONE, { name: '' })]);
    const row = (over: Partial<PeerRefusalView>): PeerRefusalView => ({ lastMs: NOW, reason: 'PEER_UNKNOWN', side: 'accepted', remoteKey: DOOR, remote: '10.0.0.5:50000', count: 1, ...over });
    expect(refusalWhoText(row({}), nameOf)).toBe('Door 2 (10.0.0.5:50000)');
    expect(refusalWhoText(row({ remoteKey: GONE }), nameOf)).toBe(`${GONE} (10.0.0.5:50000)`);
    expect(refusalWhoText(row({ remoteKey: '10.0.0.7', remote: '10.0.0.7:40000' }), nameOf)).toBe('10.0.0.7 (10.0.0.7:40000)');
    expect(refusalWhoText(row({ side: 'page', remote: DOOR }), nameOf)).toBe('Door 2');
  });
});
