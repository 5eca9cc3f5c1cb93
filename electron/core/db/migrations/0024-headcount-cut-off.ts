// The nurse's headcount says which cut-off it stood for (issue 16 §6): a kiosk switched on at 09:47 counts then and
// shows "counted at 09:47" against the 09:00 it stood for, even after the setting changes. Rows kept before this have
// none (NULL: the setting of the day is shown). The groups JSON gains the nurse's detail without a schema change.
import type { Migration } from '../migration.js';

export const headcountCutOff: Migration = {
  version: 24,
  name: 'headcount-cut-off',
  up(db) {
    db.exec(`ALTER TABLE headcounts ADD COLUMN cut_off TEXT CHECK (cut_off IS NULL OR cut_off GLOB '[0-2][0-9]:[0-5][0-9]')`);
  },
};
