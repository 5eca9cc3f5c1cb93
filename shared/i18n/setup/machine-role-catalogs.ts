// The door-or-office texts in each language (see machine-role-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { machineRoleEn, type MachineRoleTexts } from './machine-role-en.js';
import { machineRoleKk } from './machine-role-kk.js';
import { machineRoleRu } from './machine-role-ru.js';

export const machineRoleCatalogs: Record<Language, MachineRoleTexts> = { kk: machineRoleKk, ru: machineRoleRu, en: machineRoleEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function machineRoleTexts(language: string): MachineRoleTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? machineRoleCatalogs[base] : machineRoleCatalogs.ru;
}

/**
 * The office's refusal in the error list every screen translates (errors.NOT_A_DOOR), from this sub-catalog: the main
 * catalogs only spread it in, so its words live here with the rest.
 */
export const notADoorErrors: Record<Language, { NOT_A_DOOR: string }> = {
  kk: { NOT_A_DOOR: machineRoleKk.notADoor },
  ru: { NOT_A_DOOR: machineRoleRu.notADoor },
  en: { NOT_A_DOOR: machineRoleEn.notADoor },
};
