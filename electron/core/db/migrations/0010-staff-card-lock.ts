// A wrong-PIN count and lock of their own for sign-ins with a staff card. Until now one lock per account covered every
// way in, so a stranger picking an admin's name from the sign-in list and guessing could keep every admin locked
// out, doubling the lock each time. Guesses on the card's channel need the card in hand; a stranger's guesses by name
// no longer lock its holder out of it. Existing locks stay where they were: on the name's channel.
import type { Migration } from '../migration.js';

export const staffCardLock: Migration = {
  version: 10,
  name: 'staff-card-lock',
  up: (db) => {
    db.exec(`
      ALTER TABLE staff_pins ADD COLUMN card_failed_count INTEGER NOT NULL DEFAULT 0 CHECK (card_failed_count >= 0);
      ALTER TABLE staff_pins ADD COLUMN card_lock_count INTEGER NOT NULL DEFAULT 0 CHECK (card_lock_count >= 0);
      ALTER TABLE staff_pins ADD COLUMN card_locked_until_ms INTEGER;
    `);
  },
};
