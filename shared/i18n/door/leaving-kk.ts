// Kazakh answers to the leaving question (see leaving-en.ts).
import type { LeavingTexts } from './leaving-en.js';

export const leavingKk: LeavingTexts = {
  yes: 'Иә, кетеді',
  no: 'Жоқ',
  onlyAskedHint: '«Иә, кетеді» немесе «Жоқ» батырмасын басыңыз',
  mixedHint: 'Баланы белгілемеу үшін атын басыңыз; сұраққа жауап беріп, «Растау» батырмасын басыңыз',
};
