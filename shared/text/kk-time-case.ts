// Kazakh case endings after a clock time written in digits ("09:47-де", "09:00-ге дейін"). The ending follows the
// last number word said aloud, the minutes': 47 қырық жеті → -де; minutes with a leading zero are read digit by digit,
// 00 "нөл нөл" → -ге (as in the usual "09:00-ден 18:00-ге дейін"), 05 "нөл бес" → -те. Vowel harmony picks а/е by that
// word's vowels; a voiceless final consonant (ш, т, с, қ) turns д/ғ into т/қ.

interface NumberWord {
  /** Back vowels (а, о, ы, ұ): -да/-ға; front (ә, е, і, ө, ү): -де/-ге. */
  back: boolean;
  /** Ends in a voiceless consonant: -та/-те, -қа/-ке. */
  voiceless: boolean;
}

const front = (voiceless = false): NumberWord => ({ back: false, voiceless });
const back = (voiceless = false): NumberWord => ({ back: true, voiceless });

/** 1 бір … 9 тоғыз. */
const UNITS: readonly NumberWord[] = [front(), front(), front(), front(true), front(true), front(true), back(), front(), front(), back()];
/** 10 он, 20 жиырма, 30 отыз, 40 қырық, 50 елу. */
const TENS: readonly NumberWord[] = [front(), back(), back(), back(), back(true), front()];
/** 0 нөл. */
const ZERO = front();

function lastWord(n: number): NumberWord {
  if (n === 0) return ZERO;
  const units = n % 10;
  return units !== 0 ? (UNITS[units] ?? ZERO) : (TENS[Math.floor(n / 10) % 10] ?? ZERO);
}

function spokenLast(hhmm: string): NumberWord {
  return lastWord(Number(hhmm.slice(-2)));
}

/** "09:47-де", "10:40-та", "09:00-де": at that time. */
export function kkAtTime(hhmm: string): string {
  const w = spokenLast(hhmm);
  return `${hhmm}-${w.voiceless ? 'т' : 'д'}${w.back ? 'а' : 'е'}`;
}

/** "09:00-ге", "08:45-ке": to that time (before дейін, "until"). */
export function kkToTime(hhmm: string): string {
  const w = spokenLast(hhmm);
  return `${hhmm}-${w.voiceless ? (w.back ? 'қ' : 'к') : w.back ? 'ғ' : 'г'}${w.back ? 'а' : 'е'}`;
}
