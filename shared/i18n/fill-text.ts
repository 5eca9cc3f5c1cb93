// Puts values into a catalog text's {{name}} places, as i18next does for the main catalogs: the sub-catalogs and the
// pages the core renders itself use this. A Kazakh text may name the case its value takes after a number, as in
// "{{time, ablative}} бері" (shared/text/kazakh-endings.ts), the same way its i18next formatters are named.
import { withKazakhCase, type KazakhCase } from '../text/kazakh-endings.js';

const PLACE = /\{\{(\w+)(?:,\s*(dative|locative|ablative))?\}\}/g;

/** "{{when}}, {{kind}}" with the values put in; a place with no value stays as it is, so a missing one shows. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACE, (place, name: string, grammaticalCase: KazakhCase | undefined) => {
    if (!(name in values)) return place;
    const value = String(values[name]);
    return grammaticalCase === undefined ? value : withKazakhCase(value, grammaticalCase);
  });
}
