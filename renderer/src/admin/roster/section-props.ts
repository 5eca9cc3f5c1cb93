// What each section of the Roster page is given: its texts, the roster as loaded, the way to change it, and today.
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import type { RosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-en.js';
import type { RosterEdit } from './use-roster-edit.js';

export interface SectionProps {
  x: RosterEditTexts;
  view: RosterView;
  edit: RosterEdit;
  /** The kindergarten's local day (YYYY-MM-DD): a child joins and leaves on it unless the admin picks another. */
  today: string;
}
