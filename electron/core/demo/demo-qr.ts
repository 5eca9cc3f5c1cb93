// Demo QR codes, signed with the committed demo city key: for the demo:qr script, unit tests, e2e tests and benches.
// `mintDemoQr` needs nothing but the clock (the README families are always in the demo roster);
// `demoQrCodes` reads a demo kiosk's database, so its valid codes match whatever that kiosk holds.
import BetterSqlite3 from 'better-sqlite3';
import { decodeBase32, encodeBase32 } from '../../../shared/credentials/base32.js';
import { QR_PREFIX } from '../../../shared/credentials/qr-text.js';
import { issueQr, phoneQr, printedCardQr, unixSeconds, type QrHolder } from '../credentials/qr-issuer.js';
import { DEMO_CITY_KEY_ID, demoCitySigner } from './demo-city-key.js';
import { demoQrCredentials, demoRoster } from './demo-roster.js';

export type DemoQrKind =
  /** Елена's printed card: records Алиса at once. */
  | 'valid'
  /** Нұрлан's phone code, valid for a minute: offers Ерасыл and Інжу. */
  | 'phone'
  /** Гүлнар's phone code: she may bring the children, not collect them. */
  | 'nanny-phone'
  /** Елена's card with one bit of its signature flipped. */
  | 'forged'
  /** Нұрлан's phone code from five minutes ago: a screenshot. */
  | 'expired'
  /** A phone code issued five minutes in the future: a phone whose clock is wrong. */
  | 'not-yet-valid'
  /** A phone code an issuer made valid for ten minutes, which the kiosk refuses. */
  | 'too-long-lived'
  /** Асқар's withdrawn card. */
  | 'revoked'
  /** A card for another kindergarten, signed by the same city. */
  | 'foreign';

export const DEMO_KINDERGARTEN_ID = 'kg-demo';
export const FOREIGN_KINDERGARTEN_ID = 'kg-elsewhere';
const FIVE_MINUTES_MS = 5 * 60_000;

let holders: ReadonlyMap<string, QrHolder> | undefined;

/** The README families' QR holders, from the deterministic demo roster. */
function holder(credentialId: string): QrHolder {
  holders ??= new Map(
    demoRoster()
      .credentials.filter((c) => c.kind === 'qr')
      .map((c) => [c.value, { kindergartenId: DEMO_KINDERGARTEN_ID, companionId: c.companionId, credentialId: c.value, credentialVersion: c.version }]),
  );
  const found = holders.get(credentialId);
  if (!found) throw new Error(`demo roster has no QR credential ${credentialId}`);
  return found;
}

export function mintDemoQr(kind: DemoQrKind, now: Date = new Date()): string {
  const city = demoCitySigner();
  const elena = holder(demoQrCredentials.motherCard);
  const nurlan = holder(demoQrCredentials.fatherPhone);
  switch (kind) {
    case 'valid':
      return printedCardQr(elena, city, now);
    case 'phone':
      return phoneQr(nurlan, city, now);
    case 'nanny-phone':
      return phoneQr(holder(demoQrCredentials.nannyPhone), city, now);
    case 'forged':
      return flipQrBit(printedCardQr(elena, city, now), -1);
    case 'expired':
      return phoneQr(nurlan, city, new Date(now.getTime() - FIVE_MINUTES_MS));
    case 'not-yet-valid':
      return phoneQr(nurlan, city, new Date(now.getTime() + FIVE_MINUTES_MS));
    case 'too-long-lived':
      return issueQr({ ...nurlan, variant: 'phone', issuedAt: unixSeconds(now), lifetimeSeconds: 600 }, city);
    case 'revoked':
      return printedCardQr(holder(demoQrCredentials.revoked), city, now);
    case 'foreign':
      return printedCardQr({ ...elena, kindergartenId: FOREIGN_KINDERGARTEN_ID }, city, now);
  }
}

/**
 * The same code with one bit of its bytes (payload ‖ signature) flipped; negative counts from the end, so -1 is
 * the last bit of the signature. Re-encoded as a well-formed text, for forgery tests.
 */
export function flipQrBit(text: string, bit: number): string {
  const bytes = decodeBase32(text.slice(QR_PREFIX.length));
  if (!text.startsWith(QR_PREFIX) || !bytes) throw new Error('not an ESK1 code');
  const index = bit < 0 ? bytes.length * 8 + bit : bit;
  if (index < 0 || index >= bytes.length * 8) throw new RangeError(`bit ${bit} is outside ${bytes.length} bytes`);
  bytes[index >> 3] = (bytes[index >> 3] ?? 0) ^ (0x80 >> (index & 7));
  return QR_PREFIX + encodeBase32(bytes);
}

export interface DemoQr {
  text: string;
  companionFirstName: string;
  childFirstNames: string[];
}

export interface DemoQrCodes {
  /** Printed cards (no expiry), each of a companion with exactly one child whom they may bring and collect. */
  valid: DemoQr[];
  /** Phone codes, valid for a minute from `now`. */
  phone: DemoQr[];
  /** Well-formed, but the signature does not verify. */
  forged: string;
  /** Signed, but its minute ended long ago. */
  expired: string;
  /** Signed and in date, but the roster withdrew the credential. */
  revoked: string;
  /** Signed by the city for another kindergarten. */
  foreign: string;
}

interface QrRow {
  value: string;
  version: number;
  revoked_at: string | null;
  companion_id: string;
  companion_first_name: string;
}

interface ChildRow {
  first_name: string;
  may_bring: 0 | 1;
  may_collect: 0 | 1;
  blocked: 0 | 1;
}

/** Codes for the demo kindergarten in a kiosk's database (it may be open in a running kiosk). */
export function demoQrCodes(databasePath: string, now: Date = new Date()): DemoQrCodes {
  const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
  try {
    const kindergarten = db.prepare<[], { id: string }>('SELECT id FROM kindergarten WHERE demo = 1').get();
    const trusted = db.prepare<[string], { id: string }>("SELECT id FROM trusted_keys WHERE id = ? AND owner = 'city'").get(DEMO_CITY_KEY_ID);
    if (!kindergarten || !trusted) throw new Error(`${databasePath} is not a demo kiosk's database (no demo kindergarten or demo city key)`);
    const rows = db
      .prepare<[], QrRow>(
        `SELECT cr.value, cr.version, cr.revoked_at, cp.id AS companion_id, cp.first_name AS companion_first_name
           FROM credentials cr JOIN companions cp ON cp.id = cr.companion_id
          WHERE cr.kind = 'qr' ORDER BY cr.value`,
      )
      .all();
    const childrenOf = db.prepare<[string], ChildRow>(
      `SELECT c.first_name, l.may_bring, l.may_collect, l.blocked
         FROM companion_children l JOIN children c ON c.id = l.child_id AND c.active = 1
        WHERE l.companion_id = ? ORDER BY c.first_name`,
    );
    const city = demoCitySigner();
    const holderOf = (row: QrRow): QrHolder => ({ kindergartenId: kindergarten.id, companionId: row.companion_id, credentialId: row.value, credentialVersion: row.version });
    const pass = (row: QrRow, text: string): DemoQr => ({
      text,
      companionFirstName: row.companion_first_name,
      childFirstNames: childrenOf.all(row.companion_id).map((c) => c.first_name),
    });
    const live = rows.filter((r) => r.revoked_at === null);
    const singleChild = live.filter((r) => {
      const children = childrenOf.all(r.companion_id);
      return children.length === 1 && children.every((c) => c.may_bring === 1 && c.may_collect === 1 && c.blocked === 0);
    });
    const first = singleChild[0];
    const withdrawn = rows.find((r) => r.revoked_at !== null);
    if (!first || !withdrawn) throw new Error(`${databasePath} holds no single-child or no revoked QR credential`);
    return {
      valid: singleChild.map((r) => pass(r, printedCardQr(holderOf(r), city, now))),
      phone: live.map((r) => pass(r, phoneQr(holderOf(r), city, now))),
      forged: flipQrBit(printedCardQr(holderOf(first), city, now), -1),
      expired: phoneQr(holderOf(first), city, new Date(now.getTime() - FIVE_MINUTES_MS)),
      revoked: printedCardQr(holderOf(withdrawn), city, now),
      foreign: printedCardQr({ ...holderOf(first), kindergartenId: FOREIGN_KINDERGARTEN_ID }, city, now),
    };
  } finally {
    db.close();
  }
}
