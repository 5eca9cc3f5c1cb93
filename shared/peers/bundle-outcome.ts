// What reading a USB bundle came to (docs/peers.md §8): one code per outcome, with the numbers and ids its sentence
// needs. Shared, so the console words each outcome (shared/i18n/peers/bundle-*) from the same list the core decides.

/** Refusals before the records are looked at: the file, its signature, its addressees, its sealed payload. */
export const BUNDLE_REFUSAL_CODES = [
  'BUNDLE_NOT_ESIK',
  'BUNDLE_VERSION',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_TAMPERED',
  'BUNDLE_OTHER_KINDERGARTEN',
  'BUNDLE_SENDER_UNKNOWN',
  'BUNDLE_SENDER_REVOKED',
  'BUNDLE_NOT_FOR_US',
] as const;
export type BundleRefusalCode = (typeof BUNDLE_REFUSAL_CODES)[number];

/** Decisions on an opened bundle's records against what this machine holds. */
export const BUNDLE_DECISION_CODES = ['BUNDLE_READ', 'BUNDLE_ALREADY_READ', 'BUNDLE_NOTHING_NEW', 'BUNDLE_GAP', 'BUNDLE_FORK', 'BUNDLE_ORIGIN_REVOKED'] as const;
export type BundleDecisionCode = (typeof BUNDLE_DECISION_CODES)[number];

export const BUNDLE_OUTCOME_CODES = [...BUNDLE_DECISION_CODES, ...BUNDLE_REFUSAL_CODES] as const;
export type BundleOutcomeCode = BundleRefusalCode | BundleDecisionCode;

export interface BundleRefusal {
  code: BundleRefusalCode;
  /** For the log and the audit row, never shown as it is: what exactly failed. */
  detail: string;
  /** The sender the header names, once there is a header to name one (not proven unless the signature was checked). */
  from?: string;
}

/** New records of one origin a bundle brings: seqs `fromSeq`…`toSeq`, the newest written at `newestMs` (its HLC). */
export interface BundleOriginNews {
  deviceId: string;
  count: number;
  fromSeq: number;
  toSeq: number;
  newestMs: number;
}

export interface BundleSeqGap {
  deviceId: string;
  /** The first and last seq missing here before the bundle's records of this origin can follow. */
  fromSeq: number;
  toSeq: number;
}

export type BundleDecision =
  | { code: 'BUNDLE_READ'; bundleId: string; from: string; writtenAt: string; origins: BundleOriginNews[]; total: number; roster: boolean }
  | { code: 'BUNDLE_ALREADY_READ'; bundleId: string; from: string; writtenAt: string; readAt: string }
  | { code: 'BUNDLE_NOTHING_NEW'; bundleId: string; from: string; writtenAt: string }
  | { code: 'BUNDLE_GAP'; bundleId: string; from: string; writtenAt: string; gaps: BundleSeqGap[] }
  | { code: 'BUNDLE_FORK'; bundleId: string; from: string; writtenAt: string; deviceId: string; seq: number }
  /** A removed computer's records past the cut its removal set (relayed by another): the stick is refused whole. */
  | { code: 'BUNDLE_ORIGIN_REVOKED'; bundleId: string; from: string; writtenAt: string; deviceId: string; seq: number };

export type BundleOutcome = BundleDecision | BundleRefusal;
