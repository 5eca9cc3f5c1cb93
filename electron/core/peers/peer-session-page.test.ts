// What a session answers a pull with (peer-session.ts): the records' JSON measured once against the frame's budget and
// sent as measured, so the text must be exactly what JSON.stringify makes of the message; a page over 4 MiB is cut, and
// each origin's run cut back to its last signed row, with the texts cut alike.
import { describe, expect, it } from 'vitest';
import { SessionMessageSchema } from '../../../shared/peers/peer-protocol.js';
import type { HaveVector, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { pageWithin, recordsMessageText, type SessionLog } from './peer-session.js';
import { PeerChainKit } from './testing/peer-chain-kit.js';

/** A log serving the kit's rows, signed only where `signed` says (an import stores a head only where a page ended). */
function logOf(kit: PeerChainKit, signed: (seq: number) => boolean): SessionLog {
  return {
    haveVector: () => ({ [kit.deviceId]: kit.lastSeq }),
    page: (after: HaveVector, limit: number) => kit.records.filter((r) => r.seq > (after[kit.deviceId] ?? 0)).slice(0, limit),
    headOf: (deviceId: string, seq: number): SignedHead | null => (deviceId === kit.deviceId && seq <= kit.lastSeq && signed(seq) ? kit.head(seq) : null),
    hlc: { now: () => '1795403523120-0000' },
  };
}

describe("a pull's answer", () => {
  it('is the text JSON.stringify makes of the message, texts with quotes, Cyrillic and emoji included, and parses as records', () => {
    const kit = new PeerChainKit();
    kit.attendance();
    kit.append('setting', { key: 'kindergartenName', value: 'Балапан "Күншуақ" \\ 🌞', setMs: 1 });
    kit.attendance({ kind: 'departure' });
    const { records, texts, cut } = pageWithin(logOf(kit, () => true), {}, 1000);
    expect(cut).toBe(false);
    const heads = [kit.head()];
    const archived = [kit.head(1)];
    for (const [id, more, archive] of [[1, false, []], [4_294_967_295, true, archived]] as const) {
      const text = recordsMessageText(id, texts, heads, more, archive);
      expect(text).toBe(JSON.stringify({ t: 'records', id, records, heads, more, archived: archive }));
      expect(SessionMessageSchema.parse(JSON.parse(text))).toEqual({ t: 'records', id, records, heads, more, archived: archive });
    }
    expect(recordsMessageText(7, [], [], false, [])).toBe(JSON.stringify({ t: 'records', id: 7, records: [], heads: [], more: false, archived: [] }));
  });

  it('is cut under 4 MiB, back to the last signed row of each origin, the texts with their records', () => {
    const kit = new PeerChainKit();
    // 30 rows of about 200 KB: about 6 MB, so the budget ends the page near the 20th.
    for (let i = 0; i < 30; i += 1) kit.append('audit', { table: 'admin', row: { note: 'ж'.repeat(100_000), i } });
    const signedEvery = 7;
    const { records, texts, cut } = pageWithin(logOf(kit, (seq) => seq % signedEvery === 0), {}, 1000);
    expect(cut).toBe(true);
    const bytesOf = (all: readonly string[]) => all.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8') + 1, 0);
    expect(bytesOf(texts)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(texts).toEqual(records.map((r: PeerRecord) => JSON.stringify(r)));
  });
});
