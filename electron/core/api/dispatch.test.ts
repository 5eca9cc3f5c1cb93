import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/api/result.js';
import { KioskCore, type KioskHandlers } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';
import { dispatch } from './dispatch.js';

describe('dispatch', () => {
  const core = () => new KioskCore({ dataDir: tempDataDir(), demo: true, log: () => undefined });

  it('answers a known request with a valid payload', () => {
    expect(dispatch(core().handlers, 'getStatus', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('refuses unknown requests, including inherited object keys', () => {
    expect(dispatch(core().handlers, 'dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(dispatch(core().handlers, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(dispatch(core().handlers, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
  });

  it('refuses payloads that break the contract, naming the field', () => {
    const handlers = core().handlers;
    const tooLong = dispatch(handlers, 'identifyCard', { raw: 'x'.repeat(65), source: 'keyboard-wedge' });
    if (tooLong instanceof Promise) throw new Error('a refused payload is answered at once');
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!tooLong.ok && tooLong.error.detail).toMatch(/^raw:/);
    expect(dispatch(handlers, 'identifyCard', { raw: '123', source: 'keyboard-wedge', extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(dispatch(handlers, 'confirmOffer', { offerId: 'not-a-uuid', childIds: ['a'], answers: { leavingNow: [] } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(dispatch(handlers, 'setLanguage', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('tells a write the disk refused as CANNOT_RECORD, not as a bug', () => {
    const handlers: KioskHandlers = {
      ...core().handlers,
      getStatus: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    };
    expect(dispatch(handlers, 'getStatus', {}, () => undefined)).toEqual({ ok: false, error: { code: 'CANNOT_RECORD', detail: 'database or disk is full' } });
  });

  it('turns a throwing handler into INTERNAL instead of an exception across the edge', () => {
    const handlers: KioskHandlers = {
      ...core().handlers,
      getStatus: () => {
        throw new Error('disk on fire');
      },
    };
    const lines: string[] = [];
    expect(dispatch(handlers, 'getStatus', {}, (l) => lines.push(l))).toEqual({ ok: false, error: { code: 'INTERNAL', detail: 'disk on fire' } });
    expect(lines[0]).toMatch(/getStatus failed/);
    expect(dispatch({ ...handlers, getStatus: () => ok({ state: 'database-error', problem: 'DB_LOCKED', detail: '' }) }, 'getStatus', undefined)).toMatchObject({ ok: true });
  });

  it('awaits a handler that waits on the network, validating first and turning a rejection into INTERNAL', async () => {
    const session = '00000000-0000-4000-8000-000000000000';
    const args = { sessionId: session, serverUrl: 'https://city.example.kz', code: 'ABCD-EFGH-JKMN' };
    const handlers: KioskHandlers = { ...core().handlers, enrollKiosk: () => Promise.reject(new Error('socket on fire')) };
    const lines: string[] = [];
    const pending = dispatch(handlers, 'enrollKiosk', args, (l) => lines.push(l));
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ ok: false, error: { code: 'INTERNAL', detail: 'socket on fire' } });
    expect(lines[0]).toMatch(/enrollKiosk failed/);
    const answered = { ...handlers, enrollKiosk: () => Promise.resolve(ok({ deviceId: 'dev-1', kindergartenId: 'kg-1', rosterLoaded: true })) };
    expect(await dispatch(answered, 'enrollKiosk', args)).toEqual({ ok: true, value: { deviceId: 'dev-1', kindergartenId: 'kg-1', rosterLoaded: true } });
    // A payload that breaks the contract never reaches the handler, and is answered at once.
    expect(dispatch(answered, 'enrollKiosk', { ...args, code: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
