// What the "This computer" page does with the core's answer to "Start afresh" and to leaving the kiosk.
import { describe, expect, it } from 'vitest';
import { kioskShellCatalogs } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import { afterStartAfresh, pinRefusalText } from './this-computer-outcomes.js';

const when = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const errorText = (code: string) => `error ${code}`;

describe('after Start afresh', () => {
  it('hands the screen to the first-run setup once the demo went aside', () => {
    expect(afterStartAfresh({ ok: true, value: { outcome: 'started', setAside: 'set-aside/demo-20261203T171500000Z' } }, kioskShellCatalogs.en, errorText, when)).toEqual({ kind: 'to-setup' });
  });

  it('stays on the page with the refusal in the admin’s language on a wrong or locked PIN', () => {
    expect(afterStartAfresh({ ok: true, value: { outcome: 'wrong-pin', attemptsLeft: 3 } }, kioskShellCatalogs.kk, errorText, when)).toEqual({
      kind: 'refused',
      note: { text: 'PIN қате. Қалған әрекет: 3.', failed: true },
    });
    expect(afterStartAfresh({ ok: true, value: { outcome: 'locked', until: '2026-12-03T12:45:00.000Z' } }, kioskShellCatalogs.ru, errorText, when)).toEqual({
      kind: 'refused',
      note: { text: 'Слишком много неверных PIN: заблокировано до 12:45.', failed: true },
    });
  });

  it('says the core’s coded refusal (not the demo, the session gone) and goes nowhere', () => {
    expect(afterStartAfresh({ ok: false, error: { code: 'AFRESH_NOT_DEMO' } }, kioskShellCatalogs.en, errorText, when)).toEqual({
      kind: 'refused',
      note: { text: 'error AFRESH_NOT_DEMO', failed: true },
    });
  });
});

describe('a PIN refused when leaving the kiosk', () => {
  it('counts the tries left and names the end of a lock', () => {
    expect(pinRefusalText({ outcome: 'wrong-pin', attemptsLeft: 4 }, kioskShellCatalogs.en, when)).toBe('Wrong PIN. Attempts left: 4.');
    expect(pinRefusalText({ outcome: 'locked', until: '2026-12-03T07:05:00.000Z' }, kioskShellCatalogs.kk, when)).toBe('Қате PIN тым көп: 07:05-ке дейін бұғатталды.');
  });
});
