import { describe, expect, it } from 'vitest';
import { timeZoneCatalogs } from '../../../shared/i18n/admin/time-zone-catalogs.js';
import { offsetLabel, zoneOptions } from './time-zone-options.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');

describe("the time-zone picker's lists", () => {
  it("offers Kazakhstan's zones first, named in the admin's language, with the offset now", () => {
    const { kazakhstan, other } = zoneOptions(timeZoneCatalogs.kk, 'Asia/Almaty', NOW, ['Europe/Moscow', 'Asia/Almaty', 'America/New_York']);
    expect(kazakhstan.map((o) => o.zone)).toEqual(['Asia/Almaty', 'Asia/Qostanay', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral', 'Asia/Qyzylorda']);
    expect(kazakhstan[1]?.label).toBe('Қостанай облысы — Asia/Qostanay (UTC+05:00)');
    expect(other.map((o) => o.label)).toEqual(['America/New_York (UTC-05:00)', 'Europe/Moscow (UTC+03:00)']);
  });

  it('keeps the zone in force in the list even when the browser does not list it', () => {
    expect(zoneOptions(timeZoneCatalogs.ru, 'Etc/GMT-5', NOW, []).other.map((o) => o.zone)).toEqual(['Etc/GMT-5']);
  });

  it('writes offsets west and east with their half hours', () => {
    expect([offsetLabel(-210), offsetLabel(345), offsetLabel(0)]).toEqual(['-03:30', '+05:45', '+00:00']);
  });
});
