import { describe, expect, it } from 'vitest';
import { checkedKioskApi, type RawTransport } from './checked-client.js';

function transportReplying(reply: unknown, event?: unknown): RawTransport {
  return {
    call: () => Promise.resolve(reply),
    on: (_name, listener) => {
      if (event !== undefined) listener(event);
      return () => undefined;
    },
  };
}

describe('checkedKioskApi', () => {
  it('passes a reply that keeps the contract', async () => {
    const api = checkedKioskApi(transportReplying({ ok: true, value: { companionFirstName: 'Бибігүл', entries: [] } }));
    expect(await api.call('confirmOffer', { offerId: '0b8a2f40-0000-4000-8000-000000000000', childIds: ['c'], answers: { leavingNow: [] } })).toEqual({
      ok: true,
      value: { companionFirstName: 'Бибігүл', entries: [] },
    });
  });

  it('turns a reply that breaks the contract into an INTERNAL error', async () => {
    const api = checkedKioskApi(transportReplying({ ok: true, value: { state: 'on fire' } }));
    expect(await api.call('getStatus', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const garbage = checkedKioskApi(transportReplying('<html>'));
    expect(await garbage.call('getStatus', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes coded errors through', async () => {
    const api = checkedKioskApi(transportReplying({ ok: false, error: { code: 'UNKNOWN_CARD' } }));
    expect(await api.call('identifyCard', { raw: '1', source: 'keyboard-wedge' })).toEqual({ ok: false, error: { code: 'UNKNOWN_CARD' } });
  });

  it('drops a malformed event and reports it', () => {
    const reports: string[] = [];
    const heard: unknown[] = [];
    checkedKioskApi(transportReplying(null, { state: 'nonsense' }), (m) => reports.push(m)).on('statusChanged', (p) => heard.push(p));
    expect(heard).toEqual([]);
    expect(reports[0]).toMatch(/statusChanged/);
  });
});
