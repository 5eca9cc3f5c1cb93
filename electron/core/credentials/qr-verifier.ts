// Decides, offline, whether a QR text is a credential this kindergarten's door accepts now.
// Order matters for the message the companion sees: format → key and signature → kindergarten → time → roster.
// Nothing after the signature check is believed before the signature is.
import type { ErrorCode } from '../../../shared/api/result.js';
import type { QrPayload } from '../../../shared/credentials/qr-payload.js';
import { CLOCK_SKEW_SECONDS, PHONE_CODE_MAX_LIFETIME_SECONDS } from '../../../shared/credentials/qr-policy.js';
import { decodeQrText } from '../../../shared/credentials/qr-text.js';
import { verifyEd25519 } from './ed25519.js';
import type { TrustedKey } from './trusted-keys.js';

/** The roster's row for a QR credential (credentials where kind = 'qr' and value = the credential id). */
export interface RosterQrCredential {
  id: string;
  companion_id: string;
  version: number;
  revoked_at: string | null;
}

export interface QrVerifierContext {
  /** This kiosk's kindergarten; undefined before any roster arrived, when every code is someone else's. */
  kindergartenId: string | undefined;
  findKey(keyId: string): TrustedKey | undefined;
  findCredential(credentialId: string): RosterQrCredential | undefined;
}

export type QrErrorCode = Extract<ErrorCode, `QR_${string}`>;

/** Finer than the error code, for the admins' list of refused attempts. */
export type QrRefusalReason =
  | 'qr-too-large'
  | 'qr-malformed'
  | 'qr-unknown-key'
  | 'qr-bad-signature'
  | 'qr-foreign'
  | 'qr-lifetime-too-long'
  | 'qr-not-yet-valid'
  | 'qr-expired'
  | 'qr-unknown-credential'
  | 'qr-revoked'
  | 'qr-superseded'
  | 'qr-companion-mismatch';

export type QrVerdict =
  | {
      ok: true;
      payload: QrPayload;
      companionId: string;
      /** The roster row's id for the event log, or null for a fresh city phone code the roster does not list yet. */
      credentialId: string | null;
    }
  | { ok: false; code: QrErrorCode; reason: QrRefusalReason; detail: string; payload: QrPayload | null };

type Refusal = Extract<QrVerdict, { ok: false }>;

export function verifyQr(text: string, now: Date, context: QrVerifierContext): QrVerdict {
  const decoded = decodeQrText(text);
  if (!decoded.ok) {
    const reason = decoded.code === 'QR_TOO_LARGE' ? 'qr-too-large' : 'qr-malformed';
    return { ok: false, code: decoded.code, reason, detail: decoded.reason, payload: null };
  }
  const { payload, signedBytes, signature } = decoded.value;
  const refuse = (code: QrErrorCode, reason: QrRefusalReason, detail: string): Refusal => ({ ok: false, code, reason, detail, payload });
  const foreign = payload.kindergartenId !== context.kindergartenId;

  const key = context.findKey(payload.keyId);
  if (!key) {
    // Another kindergarten's kiosk key is naturally unknown here: its code is foreign, not forged.
    return foreign
      ? refuse('QR_FOREIGN', 'qr-foreign', `for ${payload.kindergartenId}, signed by a key unknown here`)
      : refuse('QR_FORGED', 'qr-unknown-key', `key ${payload.keyId} is not trusted`);
  }
  if (!verifyEd25519(key.publicKey, signedBytes, signature)) return refuse('QR_FORGED', 'qr-bad-signature', `signature does not verify with key ${key.id}`);
  if (foreign) return refuse('QR_FOREIGN', 'qr-foreign', `for ${payload.kindergartenId}`);

  const timing = checkTime(payload, now.getTime() / 1000);
  if (timing) return refuse(...timing);

  const row = context.findCredential(payload.credentialId);
  if (!row) {
    // The roster may lag the city by days on a kiosk that is rarely online. A phone code was signed by the city
    // within the last minute and a half, which the city does only for a credential it holds valid now: that is
    // fresher than our roster. A printed card could have been issued and withdrawn since our last roster.
    if (key.owner === 'city' && payload.variant === 'phone') return { ok: true, payload, companionId: payload.companionId, credentialId: null };
    return refuse('QR_REVOKED', 'qr-unknown-credential', `credential ${payload.credentialId} is not in the roster`);
  }
  if (row.revoked_at !== null) return refuse('QR_REVOKED', 'qr-revoked', `credential ${row.id} revoked at ${row.revoked_at}`);
  // A newer version in the roster retires older codes (a lost card re-issued). A newer version in the code means
  // the roster lags a re-issue, and the signature already vouches for it.
  if (row.version > payload.credentialVersion) return refuse('QR_REVOKED', 'qr-superseded', `version ${payload.credentialVersion} superseded by ${row.version}`);
  if (row.companion_id !== payload.companionId) return refuse('QR_REVOKED', 'qr-companion-mismatch', `credential ${row.id} now belongs to another companion`);
  return { ok: true, payload, companionId: payload.companionId, credentialId: row.id };
}

function checkTime(payload: QrPayload, nowSeconds: number): [QrErrorCode, QrRefusalReason, string] | null {
  const lifetime = payload.lifetimeSeconds;
  if (payload.variant === 'phone' && (lifetime === null || lifetime > PHONE_CODE_MAX_LIFETIME_SECONDS)) {
    // A long-lived phone code is a screenshot waiting to be shared; refuse it even if the issuer allowed it.
    return ['QR_EXPIRED', 'qr-lifetime-too-long', `phone code valid for ${lifetime ?? 'ever'} s, at most ${PHONE_CODE_MAX_LIFETIME_SECONDS} s allowed`];
  }
  if (payload.issuedAt > nowSeconds + CLOCK_SKEW_SECONDS) {
    return ['QR_NOT_YET_VALID', 'qr-not-yet-valid', `issued ${Math.round(payload.issuedAt - nowSeconds)} s in the future`];
  }
  if (lifetime !== null && nowSeconds > payload.issuedAt + lifetime + CLOCK_SKEW_SECONDS) {
    return ['QR_EXPIRED', 'qr-expired', `expired ${Math.round(nowSeconds - payload.issuedAt - lifetime)} s ago`];
  }
  return null;
}
