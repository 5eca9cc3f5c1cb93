// The words for each outcome of reading a USB stick (see bundle-en.ts), and the one function that fills them from an
// outcome: computers by their names, moments in the kindergarten's zone as dd.MM.yyyy and HH:mm.
import type { Language } from '../../domain/attendance.js';
import { hhmmOf, toLocalTime, type LocalZone } from '../../domain/local-time.js';
import type { BundleOutcome } from '../../peers/bundle-outcome.js';
import { formatDay } from '../../text/date-format.js';
import { bundleEn, type BundleTexts, type ShownMoment } from './bundle-en.js';
import { bundleKk } from './bundle-kk.js';
import { bundleRu } from './bundle-ru.js';

export const bundleCatalogs: Record<Language, BundleTexts> = { kk: bundleKk, ru: bundleRu, en: bundleEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function bundleTexts(language: string): BundleTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? bundleCatalogs[base] : bundleCatalogs.ru;
}

export interface BundleWording {
  /** A member's name ("Door 2") from its `member` record; null for one not known here yet. */
  nameOf(deviceId: string): string | null;
  /** The kindergarten's zone, and now: a moment of today is shown by its time alone. */
  zone: LocalZone;
  nowMs: number;
}

/** A computer nobody here has named yet still gets a handle a person can compare: the end of its id. */
function nameFor(wording: BundleWording, deviceId: string): string {
  return wording.nameOf(deviceId) ?? `…${deviceId.slice(-4)}`;
}

function momentOfMs(ms: number, wording: BundleWording): ShownMoment {
  const local = toLocalTime(new Date(ms), wording.zone);
  const today = toLocalTime(new Date(wording.nowMs), wording.zone).localDate;
  return { day: local.localDate === today ? null : formatDay(local.localDate), time: local.hhmm };
}

/** A moment written with its own offset (when a stick was written or read): always with its day. */
function momentOfIso(iso: string): ShownMoment {
  return { day: formatDay(iso), time: hhmmOf(iso) };
}

export function bundleOutcomeText(outcome: BundleOutcome, texts: BundleTexts, wording: BundleWording): string {
  switch (outcome.code) {
    case 'BUNDLE_READ':
      return texts.read(
        outcome.origins.map((o) => ({ name: nameFor(wording, o.deviceId), count: o.count, upTo: momentOfMs(o.newestMs, wording) })),
        outcome.roster,
      );
    case 'BUNDLE_ALREADY_READ':
      return texts.alreadyRead(momentOfIso(outcome.readAt));
    case 'BUNDLE_NOTHING_NEW':
      return texts.nothingNew(nameFor(wording, outcome.from), momentOfIso(outcome.writtenAt));
    case 'BUNDLE_GAP':
      return texts.gap(
        nameFor(wording, outcome.from),
        outcome.gaps.map((g) => ({ name: nameFor(wording, g.deviceId), fromSeq: g.fromSeq, toSeq: g.toSeq })),
      );
    case 'BUNDLE_FORK':
      return texts.fork(nameFor(wording, outcome.deviceId), outcome.seq);
    case 'BUNDLE_ORIGIN_REVOKED':
      return texts.originRevoked(nameFor(wording, outcome.deviceId));
    case 'BUNDLE_OTHER_KINDERGARTEN':
      return texts.otherKindergarten;
    case 'BUNDLE_NOT_FOR_US':
      return texts.notForUs(nameFor(wording, outcome.from ?? ''));
    case 'BUNDLE_SENDER_UNKNOWN':
      return texts.senderUnknown;
    case 'BUNDLE_SENDER_REVOKED':
      return texts.senderRevoked(nameFor(wording, outcome.from ?? ''));
    case 'BUNDLE_TAMPERED':
      return texts.tampered;
    case 'BUNDLE_TOO_LARGE':
      return texts.tooLarge;
    case 'BUNDLE_NOT_ESIK':
      return texts.notEsik;
    case 'BUNDLE_VERSION':
      return texts.version;
  }
}
