// Enrollment codes and bearer tokens. The database keeps only SHA-256 hashes of both: a stolen copy of it
// neither enrolls a kiosk nor speaks as one.
import type { Database, Statement } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Crockford-style base32 without I, L, O, U: a code an admin reads aloud or types without confusing 1/I or 0/O. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUPS = 3;
const CODE_GROUP_LENGTH = 4;

/**
 * A kiosk whose enrollment reply was lost may send the same code with the same public key again for this long and
 * get its device back with a fresh token; after that (or with another key) the used code is simply invalid.
 */
export const ENROLLMENT_RETRY_WINDOW_MS = 10 * 60 * 1000;

/** Upper case, no separators: "abcd-efgh-jkmn" and "ABCDEFGHJKMN" are the same code. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export interface Device {
  id: string;
  kindergartenId: string;
  name: string;
}

export type EnrollOutcome =
  | { ok: true; deviceId: string; kindergartenId: string; token: string }
  | { ok: false; reason: 'code-invalid' | 'device-id-taken' };

export interface EnrollAsk {
  code: string;
  publicKey: string;
  deviceName: string;
  /** The kiosk's own id, which its hash chain already names. */
  deviceId: string;
}

export class Auth {
  private readonly insertCodeStmt: Statement<[string, string, string]>;
  private readonly codeStmt: Statement<[string], { kindergarten_id: string; used_at: string | null; device_id: string | null }>;
  private readonly useCodeStmt: Statement<[string, string, string]>;
  private readonly insertDeviceStmt: Statement<[string, string, string, string, string, string]>;
  private readonly deviceKeyStmt: Statement<[string], { public_key: string }>;
  private readonly rotateTokenStmt: Statement<[string, string]>;
  private readonly byTokenStmt: Statement<[string], { id: string; kindergarten_id: string; name: string }>;
  private readonly kindergartenStmt: Statement<[], { id: string }>;

  constructor(private readonly db: Database) {
    this.insertCodeStmt = db.prepare('INSERT INTO enrollment_codes (code_hash, kindergarten_id, issued_at) VALUES (?, ?, ?)');
    this.codeStmt = db.prepare('SELECT kindergarten_id, used_at, device_id FROM enrollment_codes WHERE code_hash = ?');
    this.useCodeStmt = db.prepare('UPDATE enrollment_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL');
    this.insertDeviceStmt = db.prepare(
      'INSERT INTO devices (id, kindergarten_id, name, public_key, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deviceKeyStmt = db.prepare('SELECT public_key FROM devices WHERE id = ?');
    this.rotateTokenStmt = db.prepare('UPDATE devices SET token_hash = ? WHERE id = ?');
    this.byTokenStmt = db.prepare('SELECT id, kindergarten_id, name FROM devices WHERE token_hash = ?');
    this.kindergartenStmt = db.prepare('SELECT id FROM kindergarten LIMIT 1');
  }

  /** A new single-use code for the server's kindergarten, formatted XXXX-XXXX-XXXX (60 random bits). */
  issueEnrollmentCode(now: Date): string {
    const kindergarten = this.kindergartenStmt.get();
    if (!kindergarten) throw new Error('the city database has no kindergarten');
    const bytes = randomBytes(CODE_GROUPS * CODE_GROUP_LENGTH);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length] ?? '0').join('');
    const groups = Array.from({ length: CODE_GROUPS }, (_, i) => chars.slice(i * CODE_GROUP_LENGTH, (i + 1) * CODE_GROUP_LENGTH));
    const code = groups.join('-');
    this.insertCodeStmt.run(sha256Hex(normalizeEnrollmentCode(code)), kindergarten.id, now.toISOString());
    return code;
  }

  /**
   * Spends the code and registers the device under the id it brings, in one transaction; the token exists only in
   * the reply. A device already registered under that id with the same key (a kiosk enrolled again with a new code,
   * after losing its token) gets a new token; with another key the id is refused as taken.
   */
  enroll(ask: EnrollAsk, now: Date): EnrollOutcome {
    const codeHash = sha256Hex(normalizeEnrollmentCode(ask.code));
    return this.db.transaction((): EnrollOutcome => {
      const row = this.codeStmt.get(codeHash);
      if (!row) return { ok: false, reason: 'code-invalid' };
      const token = randomBytes(32).toString('base64url');
      const known = this.deviceKeyStmt.get(ask.deviceId);
      if (known && known.public_key !== ask.publicKey) return { ok: false, reason: 'device-id-taken' };
      if (row.used_at === null) {
        this.useCodeStmt.run(now.toISOString(), ask.deviceId, codeHash);
        if (known) this.rotateTokenStmt.run(sha256Hex(token), ask.deviceId);
        else this.insertDeviceStmt.run(ask.deviceId, row.kindergarten_id, ask.deviceName, ask.publicKey, sha256Hex(token), now.toISOString());
        return { ok: true, deviceId: ask.deviceId, kindergartenId: row.kindergarten_id, token };
      }
      // A retry after a lost reply: the same code, the same device and key, soon after. The old token was never received.
      const withinWindow = now.getTime() - Date.parse(row.used_at) <= ENROLLMENT_RETRY_WINDOW_MS;
      if (!withinWindow || row.device_id !== ask.deviceId || !known) return { ok: false, reason: 'code-invalid' };
      this.rotateTokenStmt.run(sha256Hex(token), ask.deviceId);
      return { ok: true, deviceId: ask.deviceId, kindergartenId: row.kindergarten_id, token };
    })();
  }

  /** The device a bearer token belongs to, or null. */
  authenticate(authorization: string | undefined): Device | null {
    const match = /^Bearer ([A-Za-z0-9_\-.~+/]{16,256}=*)$/.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const row = this.byTokenStmt.get(sha256Hex(match[1]));
    return row ? { id: row.id, kindergartenId: row.kindergarten_id, name: row.name } : null;
  }
}
