// Signs QR credentials: the kiosk's own printed cards, and (with the demo city key) demo codes for tests and scripts.
import type { KeyObject } from 'node:crypto';
import { encodePayload, type QrPayload } from '../../../shared/credentials/qr-payload.js';
import { PHONE_CODE_LIFETIME_SECONDS } from '../../../shared/credentials/qr-policy.js';
import { encodeQrText, signedBytesOf } from '../../../shared/credentials/qr-text.js';
import { signEd25519 } from './ed25519.js';

export interface QrSigner {
  keyId: string;
  privateKey: KeyObject;
}

/** Whose credential a code stands for. */
export interface QrHolder {
  kindergartenId: string;
  companionId: string;
  credentialId: string;
  credentialVersion: number;
}

/** Any claims, as given: tests use it for codes no honest issuer makes (too long-lived, from the future). */
export function issueQr(claims: Omit<QrPayload, 'keyId'>, signer: QrSigner): string {
  const payloadBytes = encodePayload({ ...claims, keyId: signer.keyId });
  return encodeQrText(payloadBytes, signEd25519(signer.privateKey, signedBytesOf(payloadBytes)));
}

/** A printed card: no expiry unless given one (a season pass, say). */
export function printedCardQr(holder: QrHolder, signer: QrSigner, now: Date, validForSeconds: number | null = null): string {
  return issueQr({ ...holder, variant: 'card', issuedAt: unixSeconds(now), lifetimeSeconds: validForSeconds }, signer);
}

/** The phone app's code, valid for a minute from `now`. */
export function phoneQr(holder: QrHolder, signer: QrSigner, now: Date): string {
  return issueQr({ ...holder, variant: 'phone', issuedAt: unixSeconds(now), lifetimeSeconds: PHONE_CODE_LIFETIME_SECONDS }, signer);
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
