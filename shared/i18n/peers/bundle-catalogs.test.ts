import { describe, expect, it } from 'vitest';
import { BUNDLE_OUTCOME_CODES, type BundleOutcome, type BundleOutcomeCode } from '../../peers/bundle-outcome.js';
import { bundleCatalogs, bundleOutcomeText, bundleTexts, type BundleWording } from './bundle-catalogs.js';

const DOOR2 = '0193a1f0-0000-7000-8000-000000000d02';
const DOOR1 = '0193a1f0-0000-7000-8000-000000000d01';
const names: Record<string, string> = { [DOOR2]: 'Есік 2', [DOOR1]: 'Есік 1' };
// 04.12.2026 14:30 in Almaty (UTC+5), fixed: nothing here reads the wall clock.
const wording: BundleWording = { nameOf: (id) => names[id] ?? null, zone: 'Asia/Almaty', nowMs: Date.UTC(2026, 11, 4, 9, 30) };
const about = { bundleId: '0193a1f0-0000-7000-8000-00000000b001', from: DOOR2, writtenAt: '2026-12-03T17:45:00.000+05:00' };

/** One outcome of each code, with the numbers and names its sentence needs. */
function sample(code: BundleOutcomeCode): BundleOutcome {
  switch (code) {
    case 'BUNDLE_READ':
      return {
        code,
        ...about,
        total: 415,
        roster: false,
        origins: [
          { deviceId: DOOR2, count: 412, fromSeq: 1201, toSeq: 1612, newestMs: Date.UTC(2026, 11, 4, 9, 2) },
          { deviceId: DOOR1, count: 3, fromSeq: 7, toSeq: 9, newestMs: Date.UTC(2026, 11, 3, 6, 15) },
        ],
      };
    case 'BUNDLE_ALREADY_READ':
      return { code, ...about, readAt: '2026-12-04T14:05:00.000+05:00' };
    case 'BUNDLE_NOTHING_NEW':
      return { code, ...about };
    case 'BUNDLE_GAP':
      return { code, ...about, gaps: [{ deviceId: DOOR2, fromSeq: 1201, toSeq: 1350 }] };
    case 'BUNDLE_FORK':
    case 'BUNDLE_ORIGIN_REVOKED':
      return { code, ...about, deviceId: DOOR1, seq: 77 };
    default:
      return { code, detail: 'for the log', from: DOOR2 };
  }
}

describe('the words for reading a USB stick', () => {
  it('has a sentence for every outcome code in all three languages, each its own', () => {
    for (const code of BUNDLE_OUTCOME_CODES) {
      const texts = (['kk', 'ru', 'en'] as const).map((language) => bundleOutcomeText(sample(code), bundleCatalogs[language], wording));
      for (const text of texts) {
        expect(text.length, code).toBeGreaterThan(20);
        expect(text, code).not.toMatch(/undefined|null|NaN|\{\{|BUNDLE_|…0d0/);
      }
      expect(new Set(texts).size, code).toBe(3);
      // Kazakh and Russian are written in Cyrillic, whatever names they carry.
      expect(texts[0], code).toMatch(/[әғқңөұүһі]/);
      expect(texts[1], code).toMatch(/[а-яё]{4}/);
    }
  });

  it('says how many from which computer up to when, today by the time and another day with its date', () => {
    const read = sample('BUNDLE_READ');
    expect(bundleOutcomeText(read, bundleCatalogs.en, wording)).toBe(
      'Taken in: 412 new records from “Есік 2”, the newest made at 14:02; 3 new records from “Есік 1”, the newest made on 03.12.2026 at 11:15.',
    );
    expect(bundleOutcomeText(read, bundleCatalogs.ru, wording)).toBe(
      'Принято: с компьютера «Есік 2» — 412 новых записей, последняя сделана в 14:02; с компьютера «Есік 1» — 3 новые записи, последняя сделана 03.12.2026 в 11:15.',
    );
    expect(bundleOutcomeText(read, bundleCatalogs.kk, wording)).toBe(
      'Қабылданды: «Есік 2» компьютерінен 412 жаңа жазба, соңғысы 14:02-де жасалған; «Есік 1» компьютерінен 3 жаңа жазба, соңғысы 03.12.2026 11:15-те жасалған.',
    );
  });

  it('puts the Russian count in its form and the roster in its sentence', () => {
    const one = { ...sample('BUNDLE_READ'), origins: [{ deviceId: DOOR2, count: 21, fromSeq: 1, toSeq: 21, newestMs: wording.nowMs }], roster: true } as BundleOutcome;
    expect(bundleOutcomeText(one, bundleCatalogs.ru, wording)).toContain('21 новая запись');
    expect(bundleOutcomeText(one, bundleCatalogs.ru, wording)).toContain('Принят также список детей');
    expect(bundleOutcomeText(one, bundleCatalogs.en, wording)).toContain('21 new records');
    const onlyRoster = { ...sample('BUNDLE_READ'), origins: [], total: 0, roster: true } as BundleOutcome;
    expect(bundleOutcomeText(onlyRoster, bundleCatalogs.kk, wording)).toBe('Қала жүйесінен келген балалар тізімі қабылданды. Флешкада жаңа жазба болған жоқ.');
  });

  it('names the missing records, the read-before moment, the computer to write at, and one not known here', () => {
    expect(bundleOutcomeText(sample('BUNDLE_GAP'), bundleCatalogs.ru, wording)).toContain('не хватает записей 1201–1350 компьютера «Есік 2»');
    expect(bundleOutcomeText(sample('BUNDLE_ALREADY_READ'), bundleCatalogs.kk, wording)).toBe('Бұл флешка осы компьютерде 04.12.2026 14:05-те оқылған. Ештеңе өзгерген жоқ.');
    expect(bundleOutcomeText(sample('BUNDLE_NOT_FOR_US'), bundleCatalogs.en, wording)).toContain('write a new one at “Есік 2”');
    const stranger: BundleOutcome = { code: 'BUNDLE_FORK', ...about, deviceId: '0193a1f0-0000-7000-8000-00000000ab12', seq: 5 };
    expect(bundleOutcomeText(stranger, bundleCatalogs.en, wording)).toContain('Record no. 5 of “…ab12”');
    expect(bundleTexts('kk-KZ')).toBe(bundleCatalogs.kk);
    expect(bundleTexts('de')).toBe(bundleCatalogs.ru);
  });
});
