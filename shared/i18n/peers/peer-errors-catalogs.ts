// The peers' refusals in each language, spread into the main catalogs' `errors` (see peer-errors-en.ts).
import type { Language } from '../../domain/attendance.js';
import { peerErrorsEn, type PeerErrorTexts } from './peer-errors-en.js';
import { peerErrorsKk } from './peer-errors-kk.js';
import { peerErrorsRu } from './peer-errors-ru.js';

export const peerErrors: Record<Language, PeerErrorTexts> = { kk: peerErrorsKk, ru: peerErrorsRu, en: peerErrorsEn };
