// The receipt rendered with the real catalogs and the kiosk's own i18next formatters: the farewell fits the tap, and
// Kazakh times carry the ending they are read with.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ReceiptEntry } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { DoneScreen } from './DoneScreen.js';
import { i18nFor } from '../i18n/testing/i18n-for.js';

function receiptHtml(language: Language, entries: ReceiptEntry[]): string {
  const i18n = i18nFor(language);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(DoneScreen, { outcome: 'recorded', receipt: { companionFirstName: 'Елена', entries }, onTimeout: () => undefined })),
  );
}

const goodbye = (html: string) => /<p class="goodbye">([^<]*)<\/p>/.exec(html)?.[1];
const arrival: ReceiptEntry = { childId: 'ch0003', firstName: 'Алиса', groupName: 'Жұлдыз', kind: 'arrival', at: '08:43' };
const departure: ReceiptEntry = { childId: 'ch0001', firstName: 'Әлихан', groupName: 'Балапан', kind: 'departure', at: '18:05' };

describe('the receipt', () => {
  it.each([
    ['kk', 'Күніңіз сәтті өтсін!', 'Сау болыңыз!'],
    ['ru', 'Хорошего дня!', 'До свидания!'],
    ['en', 'Have a good day!', 'Goodbye!'],
  ] as const)('in %s wishes a good day at an arrival and says goodbye when a child is taken home', (language, day, farewell) => {
    expect(goodbye(receiptHtml(language, [arrival]))).toBe(day);
    expect(goodbye(receiptHtml(language, [departure]))).toBe(farewell);
    expect(goodbye(receiptHtml(language, [arrival, departure]))).toBe(farewell);
  });

  it('writes Kazakh times with their locative ending: "08:43-те келді", "18:05-те кетті"', () => {
    const html = receiptHtml('kk', [arrival, departure]);
    expect(html).toContain('08:43-те келді');
    expect(html).toContain('18:05-те кетті');
  });
});
