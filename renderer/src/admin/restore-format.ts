// How a copy is named to a person, in the console's restore dialog and on the damaged-records screen: its time on the
// kiosk's clock and what it holds.
import type { TFunction } from 'i18next';
import type { RestorableCopy } from '../../../shared/admin/restore-contract.js';
import { whenText } from './diagnostics-format.js';

export function copyWhen(copy: RestorableCopy): string {
  return whenText(copy.takenMs);
}

export function copyCounts(copy: RestorableCopy, t: TFunction): string {
  return copy.counts ? t('restore.counts', { events: copy.counts.events, children: copy.counts.children }) : t('restore.countsUnknown');
}
