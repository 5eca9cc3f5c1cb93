// The roster a kindergarten keeps in its own spreadsheet (electron/core/roster/spreadsheet/) holds what the city's
// roster never sent: a child's date of birth and gender, a companion's phone. They get columns of their own (empty
// for every row so far, never required), and importing a spreadsheet, or downloading the roster as one, is an audited
// act of the admin.
import type { Migration } from '../migration.js';

export const rosterSpreadsheet: Migration = {
  version: 19,
  name: 'roster-spreadsheet',
  up(db) {
    db.exec(`
      ALTER TABLE children ADD COLUMN birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
      ALTER TABLE children ADD COLUMN gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male'));
      ALTER TABLE companions ADD COLUMN phone TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 32);
      INSERT INTO admin_audit_actions (name) VALUES ('roster-imported'), ('roster-exported');
    `);
  },
};
