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
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!tooLong.ok && tooLong.error.detail).toMatch(/^raw:/);
    expect(dispatch(handlers, 'identifyCard', { raw: '123', source: 'keyboard-wedge', extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(dispatch(handlers, 'confirmScan', { scanId: 'not-a-uuid', childIds: ['a'] })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(dispatch(handlers, 'setLanguage', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
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
});
