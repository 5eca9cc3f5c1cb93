// The Kazakh catalogs write "{{time, ablative}} бері": i18next hands the value to the formatter of that name, which
// adds the ending the number takes when read aloud (shared/text/kazakh-endings.ts). Only Kazakh texts name them.
import type { i18n } from 'i18next';
import { withKazakhCase, type KazakhCase } from '../../../shared/text/kazakh-endings.js';

const CASES: readonly KazakhCase[] = ['dative', 'locative', 'ablative'];

export function addKazakhCaseFormatters(instance: i18n): void {
  for (const grammaticalCase of CASES) {
    instance.services.formatter?.add(grammaticalCase, (value: unknown) => withKazakhCase(String(value), grammaticalCase));
  }
}
