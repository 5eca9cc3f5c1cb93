// The choose screen rendered with the real catalogs: an asked child gets its own Yes/No buttons in the screen's
// language; alone on the screen there is no Confirm to press, beside other children there is one.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ChildAtDoor } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { i18nFor } from '../i18n/testing/i18n-for.js';
import type { ChooseScan } from '../state/flow-screen.js';
import { ChooseScreen } from './ChooseScreen.js';

const alisa: ChildAtDoor = { id: 'ch0003', firstName: 'Алиса', groupName: 'Жұлдыз', action: 'departure', presentSince: '08:43', allowed: true };
const aiaru: ChildAtDoor = { id: 'ch0002', firstName: 'Айару', groupName: 'Жұлдыз', action: 'arrival', presentSince: null, allowed: true };

function html(language: Language, children: ChildAtDoor[]): string {
  const scan: ChooseScan = {
    kind: 'choose',
    offerId: '7b1f1c2e-0000-4000-8000-000000000001',
    companionFirstName: 'Елена',
    children,
    questions: [{ kind: 'leaving-soon-after-arrival', childId: alisa.id, arrivedAt: '08:43' }],
    autoConfirmMs: 5_000,
  };
  const screen = createElement(ChooseScreen, { scan, onConfirm: () => undefined, onCancel: () => undefined });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(language) }, screen));
}

const buttonText = (page: string, testId: string) => new RegExp(`data-testid="${testId}"[^>]*>(?:<svg.*?</svg>)?<span>([^<]*)</span>`).exec(page)?.[1];

describe('the leaving question on the choose screen', () => {
  it.each([
    ['kk', 'Иә, кетеді', 'Жоқ', 'Алиса кетеді ме?'],
    ['ru', 'Да, уходит', 'Нет', 'Алиса уходит?'],
    ['en', 'Yes, leaving', 'No', 'Is Алиса leaving?'],
  ] as const)('in %s asks with two answers and no Confirm when the child is alone', (language, yes, no, question) => {
    const page = html(language, [alisa]);
    expect(buttonText(page, 'leaving-yes')).toBe(yes);
    expect(buttonText(page, 'leaving-no')).toBe(no);
    expect(page).toContain(question);
    expect(page).not.toContain('data-testid="confirm-button"');
    // Not answered yet: neither answer is shown as chosen.
    expect(page).toContain('data-answer="none"');
    expect(page).not.toContain('aria-pressed="true"');
  });

  it('beside a child chosen by a tap, the answers go with the one Confirm', () => {
    const page = html('kk', [alisa, aiaru]);
    expect(page).toContain('data-testid="confirm-button"');
    expect(page).toContain('data-testid="leaving-yes"');
    expect(page).toContain('Баланы белгілемеу үшін атын басыңыз; сұраққа жауап беріп');
  });
});
