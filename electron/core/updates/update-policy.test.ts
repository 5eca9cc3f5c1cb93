import { describe, expect, it } from 'vitest';
import { checkDue, doorHours, mayInstall, type InstallQuestion } from './update-policy.js';

const ALMATY = 300;
/** Epoch ms of a local Almaty time on 2026-12-03. */
const at = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00+05:00`);
const ask = (hhmm: string, over: Partial<InstallQuestion> = {}) =>
  mayInstall({
    nowMs: at(hhmm),
    zone: ALMATY,
    quietHours: { from: '21:00', to: '06:00' },
    door: { headcountCutOff: '09:00', closingTime: '19:00' },
    adminSaysNow: false,
    ...over,
  });

describe('when an update may install', () => {
  it('spans the door day from three hours before the cut-off to an hour after closing', () => {
    expect(doorHours({ headcountCutOff: '09:00', closingTime: '19:00' })).toEqual({ from: '06:00', to: '20:00' });
    expect(doorHours({ headcountCutOff: '02:00', closingTime: '23:30' })).toEqual({ from: '23:00', to: '00:30' });
  });

  it('installs by itself only in the quiet hours, across midnight', () => {
    expect(ask('21:00').allowed).toBe(true);
    expect(ask('23:59').allowed).toBe(true);
    expect(ask('03:00').allowed).toBe(true);
    expect(ask('05:59').allowed).toBe(true);
    expect(ask('20:30')).toMatchObject({ allowed: false, reason: 'outside-quiet-hours' });
  });

  it('never inside the door day, even with quiet hours set over it or an admin saying now', () => {
    for (const hhmm of ['06:00', '07:45', '09:00', '13:00', '19:00', '19:59']) {
      expect(ask(hhmm, { quietHours: { from: '00:00', to: '23:59' } })).toMatchObject({ allowed: false, reason: 'door-hours' });
      expect(ask(hhmm, { adminSaysNow: true })).toMatchObject({ allowed: false, reason: 'door-hours', doorHours: { from: '06:00', to: '20:00' } });
    }
  });

  it('takes an admin at their word outside the door day', () => {
    expect(ask('20:30', { adminSaysNow: true }).allowed).toBe(true);
  });

  it('follows the door settings: a later cut-off and closing move the door day', () => {
    const door = { headcountCutOff: '10:00', closingTime: '21:00' };
    expect(ask('21:30', { door })).toMatchObject({ allowed: false, reason: 'door-hours' });
    expect(ask('22:00', { door }).allowed).toBe(true);
    expect(ask('06:30', { door, quietHours: { from: '21:00', to: '07:00' } }).allowed).toBe(true);
  });

  it('reads the hours in the kindergarten’s offset, not the machine’s', () => {
    // 02:00 UTC is 07:00 in Almaty (door day) but 02:00 at UTC+0 (quiet hours).
    const nowMs = Date.parse('2026-12-03T02:00:00Z');
    expect(ask('00:00', { nowMs })).toMatchObject({ allowed: false, reason: 'door-hours' });
    expect(ask('00:00', { nowMs, zone: 0 }).allowed).toBe(true);
  });

  it('follows the zone across Kazakhstan’s move to UTC+5 on 1 March 2024', () => {
    // 00:30 UTC was 06:30 in Almaty (UTC+6: the door day) before the change, and is 05:30 (UTC+5: quiet) after it.
    expect(ask('00:00', { nowMs: Date.parse('2024-02-28T00:30:00Z'), zone: 'Asia/Almaty' })).toMatchObject({ allowed: false, reason: 'door-hours' });
    expect(ask('00:00', { nowMs: Date.parse('2024-03-02T00:30:00Z'), zone: 'Asia/Almaty' }).allowed).toBe(true);
  });
});

describe('when the feed is checked', () => {
  const day = 24 * 3_600_000;
  it('checks at once, then daily after a good check and hourly after a failed one', () => {
    const t0 = at('12:00');
    expect(checkDue(null, t0)).toBe(true);
    expect(checkDue({ atMs: t0, ok: true }, t0 + day - 1)).toBe(false);
    expect(checkDue({ atMs: t0, ok: true }, t0 + day)).toBe(true);
    expect(checkDue({ atMs: t0, ok: false }, t0 + 3_599_999)).toBe(false);
    expect(checkDue({ atMs: t0, ok: false }, t0 + 3_600_000)).toBe(true);
  });

  it('checks again when the clock was set back behind the last check', () => {
    expect(checkDue({ atMs: at('12:00'), ok: true }, at('11:00'))).toBe(true);
  });
});
