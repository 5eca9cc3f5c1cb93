// The cannot-record screen rendered with the real catalogs: each problem tells staff what the kiosk waits for.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { CannotRecordScreen } from './CannotRecordScreen.js';
import { i18nFor } from '../i18n/testing/i18n-for.js';

type Problem = Extract<KioskStatus, { state: 'cannot-record' }>['problem'];

function staffHint(language: Language, problem: Problem): string {
  const i18n = i18nFor(language);
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(CannotRecordScreen, { status: { state: 'cannot-record', problem, since: '08:15', detail: '', door: null } })),
  );
  const hint = /<p class="staff-hint">([^<]*)<\/p>/.exec(html)?.[1];
  if (hint === undefined) throw new Error(`no staff hint in ${html}`);
  return hint;
}

/** "Once there is space", as each language says it. */
const SPACE = { kk: 'Орын босағанда', ru: 'когда появится место', en: 'once there is space' } as const;
const CITY = { kk: 'қаладан', ru: 'из города', en: 'from the city' } as const;

describe('the cannot-record screen', () => {
  for (const language of ['kk', 'ru', 'en'] as const) {
    it(`after a restore (AWAITING_CITY) says in ${language} that records are coming back from the city, not that it waits for space`, () => {
      const hint = staffHint(language, 'AWAITING_CITY');
      expect(hint).toContain(CITY[language]);
      expect(hint).not.toContain(SPACE[language]);
    });

    it(`on a full disk still says in ${language} that it records again once there is space`, () => {
      expect(staffHint(language, 'DISK_FULL')).toContain(SPACE[language]);
    });
  }
});
