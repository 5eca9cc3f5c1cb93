import { describe, expect, it } from 'vitest';
import { catalogs } from '../catalogs.js';
import { machineRoleCatalogs, machineRoleTexts } from './machine-role-catalogs.js';

/** Every text of a catalog, in order, however deep. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(texts);
}

describe('the door-or-office texts', () => {
  it('are whole in kk and ru, translated (no English left), and picked by the language i18next names', () => {
    for (const language of ['kk', 'ru'] as const) {
      const shown = texts(machineRoleCatalogs[language]);
      expect(shown).toHaveLength(texts(machineRoleCatalogs.en).length);
      expect(shown.every((text) => text.trim() !== ''), language).toBe(true);
      // Only the names that stay as they are (PIN, QR) may be Latin.
      expect(shown.filter((text) => /[A-Za-z]{3,}/.test(text.replace(/PIN|QR/g, ''))), language).toEqual([]);
    }
    expect(machineRoleCatalogs.kk.roles.office).toBe('Кеңседе');
    expect(machineRoleTexts('kk-KZ')).toBe(machineRoleCatalogs.kk);
    expect(machineRoleTexts('de')).toBe(machineRoleCatalogs.ru);
  });

  it("give the office's refusal its words in every screen's error list", () => {
    for (const language of ['kk', 'ru', 'en'] as const) expect(catalogs[language].errors.NOT_A_DOOR).toBe(machineRoleCatalogs[language].notADoor);
  });
});
