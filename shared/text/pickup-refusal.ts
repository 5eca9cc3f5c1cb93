// The staff's sentence for a companion refused at pick-up, in each language: "Гүлнар Ерасыл мен Інжуді алып кете
// алмайды", "Гүлнар не может забрать: Ерасыл и Інжу", "Гүлнар may not collect Ерасыл and Інжу".
//
// Kazakh joins the last two names with мен, бен or пен by the last sound of the name before it, and only the last
// name takes the accusative ending (the list is one object). Russian keeps every name as written, after a colon: the
// roster does not say whether a child is a boy or a girl, and a Kazakh name ending in a consonant declines for a boy
// (Ерасыла) and not for a girl (Айгерім), so a declined name would be wrong for half of them.
import type { Language } from '../domain/attendance.js';
import { withKazakhCase } from './kazakh-endings.js';

const VOICELESS = new Set('кқпстфхцчшщбвгд');
const VOICED_OR_NASAL = new Set('мнңзж');

/** The Kazakh "and" between two names: мен after a vowel and р, л, й, у; бен after м, н, ң, з, ж; пен after a voiceless sound. */
export function kazakhAnd(previousName: string): 'мен' | 'бен' | 'пен' {
  const last = [...previousName.toLowerCase()].findLast((c) => /[а-яёәғқңөұүһі]/.test(c)) ?? '';
  if (VOICELESS.has(last)) return 'пен';
  return VOICED_OR_NASAL.has(last) ? 'бен' : 'мен';
}

/** "A", "A мен B", "A, B бен C": the names as one list, the last in the accusative. */
export function kazakhObjectList(names: readonly string[]): string {
  if (names.length === 0) return '';
  const last = withKazakhCase(names[names.length - 1] ?? '', 'accusative');
  if (names.length === 1) return last;
  const before = names.slice(0, -1);
  const previous = before[before.length - 1] ?? '';
  return `${before.join(', ')} ${kazakhAnd(previous)} ${last}`;
}

/** "A", "A и B", "A, B и C" (ru), "A and B", "A, B and C" (en). */
function listWith(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] ?? ''}`;
}

export function pickupRefusalText(language: Language, companion: string, children: readonly string[]): string {
  switch (language) {
    case 'kk':
      return `${companion} ${kazakhObjectList(children)} алып кете алмайды`;
    case 'ru':
      return `${companion} не может забрать: ${listWith(children, 'и')}`;
    case 'en':
      return `${companion} may not collect ${listWith(children, 'and')}`;
  }
}
