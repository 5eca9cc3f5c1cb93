import { describe, expect, it } from 'vitest';
import { hhmmOf, isKnownTimeZone, localTimeOn, offsetAt, toLocalTime, zoneOffsetMinutes } from './local-time.js';

describe('toLocalTime', () => {
  it('writes Almaty time with its offset and the local day', () => {
    const t = toLocalTime(new Date('2026-11-23T03:12:03.120Z'), 300);
    expect(t.iso).toBe('2026-11-23T08:12:03.120+05:00');
    expect(t.localDate).toBe('2026-11-23');
    expect(t.hhmm).toBe('08:12');
    expect(hhmmOf(t.iso)).toBe('08:12');
  });

  it('puts an event just after local midnight on the new day', () => {
    expect(toLocalTime(new Date('2026-11-22T19:30:00.000Z'), 300).localDate).toBe('2026-11-23');
  });

  it('handles offsets west of UTC and half hours', () => {
    expect(toLocalTime(new Date('2026-01-01T02:00:00.000Z'), -210).iso).toBe('2025-12-31T22:30:00.000-03:30');
  });
});

describe('toLocalTime in a named zone', () => {
  it("takes Almaty's offset at each instant: +06 on 29 February 2024, +05 from 1 March", () => {
    expect(toLocalTime(new Date('2024-02-29T12:00:00.000Z'), 'Asia/Almaty').iso).toBe('2024-02-29T18:00:00.000+06:00');
    expect(toLocalTime(new Date('2024-03-01T12:00:00.000Z'), 'Asia/Almaty').iso).toBe('2024-03-01T17:00:00.000+05:00');
    // The change itself: 24:00 at +06 became 23:00 at +05, so the hour before midnight came twice.
    expect(toLocalTime(new Date('2024-02-29T17:59:59.000Z'), 'Asia/Almaty').iso).toBe('2024-02-29T23:59:59.000+06:00');
    expect(toLocalTime(new Date('2024-02-29T18:00:00.000Z'), 'Asia/Almaty').iso).toBe('2024-02-29T23:00:00.000+05:00');
  });

  it("knows every Kazakh zone at +05 since, and Qostanay's +06 before", () => {
    for (const zone of ['Asia/Almaty', 'Asia/Qostanay', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral', 'Asia/Qyzylorda']) {
      expect(zoneOffsetMinutes(zone, Date.parse('2026-12-03T00:00:00Z'))).toBe(300);
    }
    expect(zoneOffsetMinutes('Asia/Qostanay', Date.parse('2024-02-01T00:00:00Z'))).toBe(360);
    expect(zoneOffsetMinutes('UTC', Date.parse('2024-02-01T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('America/St_Johns', Date.parse('2024-01-15T00:00:00Z'))).toBe(-210);
    expect(zoneOffsetMinutes('Asia/Kathmandu', Date.parse('2024-01-15T00:00:00Z'))).toBe(345);
  });

  it('tells a known zone from a made-up one', () => {
    expect(isKnownTimeZone('Asia/Almaty')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  it('gives the same answer whatever the machine is set to (a pinned offset or a zone, never the OS)', () => {
    const at = new Date('2024-03-01T03:30:00.000Z');
    expect(toLocalTime(at, 'Asia/Almaty').hhmm).toBe('08:30');
    expect(offsetAt(at.getTime(), 300)).toBe(300);
    expect(offsetAt(at.getTime())).toBe(-at.getTimezoneOffset());
  });
});

describe('localTimeOn', () => {
  it('names the instant of a local day and hour, with the offset the zone had that day', () => {
    expect(localTimeOn('2026-11-20', '09:00', 300).iso).toBe('2026-11-20T09:00:00.000+05:00');
    expect(localTimeOn('2024-02-29', '09:00', 'Asia/Almaty').iso).toBe('2024-02-29T09:00:00.000+06:00');
    expect(localTimeOn('2024-03-01', '09:00', 'Asia/Almaty').iso).toBe('2024-03-01T09:00:00.000+05:00');
    expect(localTimeOn('2026-07-01', '08:30', 'America/New_York').iso).toBe('2026-07-01T08:30:00.000-04:00');
    const t = localTimeOn('2026-11-20', '09:00', 300);
    expect(t.localDate).toBe('2026-11-20');
    expect(t.hhmm).toBe('09:00');
    expect(t.ms).toBe(Date.parse('2026-11-20T04:00:00.000Z'));
  });
});
