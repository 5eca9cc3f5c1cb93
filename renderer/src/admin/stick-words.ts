// What the Computers page's stick panel and refusal list say, as pure choices over the core's answers: the outcome of
// a read in the user's language (bundle-*'s sentence, then how many records were taken in), whether it is said as an
// alert, the written file, a refusal's reason and sender, and which computers the selects offer.
import { bundleOutcomeText, type BundleWording } from '../../../shared/i18n/peers/bundle-catalogs.js';
import type { BundleTexts } from '../../../shared/i18n/peers/bundle-en.js';
import { PEER_REFUSAL_REASONS, type PeerRefusalReason, type StickTexts } from '../../../shared/i18n/peers/stick-en.js';
import type { BundleOutcomeCode } from '../../../shared/peers/bundle-outcome.js';
import type { PeerRefusalView } from '../../../shared/peers/peer-refusal-view.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import type { StickRead, StickWritten } from '../../../shared/peers/stick-contract.js';
import type { Note } from './this-computer-outcomes.js';

/** Outcomes that are no fault: records taken in, or a stick that had nothing left to give. Every other is an alert. */
const CALM: readonly BundleOutcomeCode[] = ['BUNDLE_READ', 'BUNDLE_ALREADY_READ', 'BUNDLE_NOTHING_NEW'];

export function stickReadNote(read: StickRead, x: StickTexts, b: BundleTexts, wording: BundleWording): NonNullable<Note> {
  const outcome = bundleOutcomeText(read.outcome, b, wording);
  const taken = read.taken === null ? '' : ` ${x.taken(read.taken.applied, read.taken.waiting)}`;
  return { text: `${outcome}${taken}`, failed: !CALM.includes(read.outcome.code) };
}

export function stickWrittenNote(written: StickWritten, x: StickTexts): NonNullable<Note> {
  return { text: x.written(written.fileName, written.records, written.recipients.length), failed: false };
}

/** A member's name by its device id, from the status the page holds; null for one not listed. */
export function memberNames(members: readonly PeerMemberView[]): (deviceId: string) => string | null {
  const names = new Map(members.filter((m) => m.name !== '').map((m) => [m.deviceId, m.name]));
  return (deviceId) => names.get(deviceId) ?? null;
}

/** The computers a stick may be written for: every other member not removed. */
export function stickRecipients(members: readonly PeerMemberView[]): PeerMemberView[] {
  return members.filter((m) => !m.self && !m.revoked);
}

/**
 * What the Computers page shows below the list: the stick only with another computer not removed to carry records
 * for; the refusals once there is another computer (a computer alone listens to nobody) or any refusal is on record.
 */
export function belowTheList(members: readonly PeerMemberView[], refusals: readonly PeerRefusalView[]): { stick: boolean; refusals: boolean } {
  const others = members.filter((m) => !m.self);
  return { stick: others.some((m) => !m.revoked), refusals: others.length > 0 || refusals.length > 0 };
}

/** The doors an office may carry to the city; none when this computer is not an office. */
export function relayDoors(members: readonly PeerMemberView[]): PeerMemberView[] {
  const self = members.find((m) => m.self);
  if (self?.role !== 'office') return [];
  return members.filter((m) => !m.self && !m.revoked && m.role === 'door');
}

function isKnownReason(reason: string): reason is PeerRefusalReason {
  return (PEER_REFUSAL_REASONS as readonly string[]).includes(reason);
}

export function refusalReasonText(reason: string, x: StickTexts): string {
  return isKnownReason(reason) ? x.reasons[reason] : x.reasonOther;
}

/** Who was refused: a member's name when the key is one's id, else the key (a device id or an address), and the address seen. */
export function refusalWhoText(row: PeerRefusalView, nameOf: (deviceId: string) => string | null): string {
  const who = nameOf(row.remoteKey) ?? row.remoteKey;
  return row.remote === '' || row.remote === row.remoteKey || row.side === 'page' ? who : `${who} (${row.remote})`;
}
