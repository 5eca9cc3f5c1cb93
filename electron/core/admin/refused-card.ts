// What the Refused page says about a refused card: its number as printed on the card (the stored canonical number
// drops the leading zeros) and whose it is, when the kiosk knows: a companion's card (withdrawn, or their right to a
// child taken away) or a staff member's card.
import type { Database, Statement } from 'better-sqlite3';
import type { CardHolder } from '../../../shared/admin/admin-contract.js';
import { formatCardNumber } from '../../../shared/credentials/card-number-display.js';
import type { DisplayFormat } from '../../../shared/credentials/reader-format.js';

interface HolderRow {
  first_name: string;
  last_name: string;
  withdrawn: 0 | 1;
}

export class RefusedCards {
  private readonly companion: Statement<[string, string], HolderRow>;
  private readonly staff: Statement<[string], HolderRow>;

  constructor(
    db: Database,
    /** How staff asked to see card numbers (the keyboard reader's display setting). */
    private readonly display: () => DisplayFormat,
  ) {
    // A card taken back by a roster update keeps its number behind a "retired:<id>:" prefix (roster-apply.ts): still
    // the same card. A live credential wins over a withdrawn one of the same number.
    this.companion = db.prepare(
      `SELECT c.first_name, c.last_name, (cr.revoked_at IS NOT NULL OR cr.value LIKE 'retired:%') AS withdrawn
         FROM credentials cr JOIN companions c ON c.id = cr.companion_id
        WHERE cr.kind = 'rfid' AND (cr.value = ? OR cr.value LIKE 'retired:%:' || ?)
        ORDER BY withdrawn LIMIT 1`,
    );
    this.staff = db.prepare(
      `SELECT s.first_name, s.last_name, (sc.revoked_at IS NOT NULL) AS withdrawn
         FROM staff_cards sc JOIN staff s ON s.id = sc.staff_id WHERE sc.value = ? ORDER BY withdrawn LIMIT 1`,
    );
  }

  /** The number as printed: EM-Marine cards carry 10 digits; a Mifare UID shows as the reader's display setting says. */
  printed(canonical: string): string {
    const display = this.display();
    return formatCardNumber(canonical, display === 'canonical' || display === 'em-printed' ? 'em-decimal' : display);
  }

  holder(canonical: string): CardHolder | null {
    // LIKE's wildcards in a presented text must match only themselves: such a text is no card anyway.
    if (/[%_]/.test(canonical)) return null;
    const companion = this.companion.get(canonical, canonical);
    if (companion) return { kind: 'companion', firstName: companion.first_name, lastName: companion.last_name, withdrawn: companion.withdrawn === 1 };
    const staff = this.staff.get(canonical);
    if (staff) return { kind: 'staff', firstName: staff.first_name, lastName: staff.last_name, withdrawn: staff.withdrawn === 1 };
    return null;
  }
}
