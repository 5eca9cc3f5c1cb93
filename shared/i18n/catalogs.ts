import type { Language } from '../domain/attendance.js';
import { en, type Catalog } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';

export type { Catalog };
export const catalogs: Record<Language, Catalog> = { kk, ru, en };
