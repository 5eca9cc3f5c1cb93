// Kazakh case endings after a number written in digits: "14:43-тен бері", "09:00-ге дейін", "02.12.2026-дан бастап",
// "14:43-те келді". The ending follows the last word of the number as it is read aloud, not the digit's shape: its
// last vowel (back or front: vowel harmony) and its last sound (a vowel, a voiced or a voiceless consonant, or м/н/ң,
// which take "-нан" in the ablative). So the rule reads the number first.

export type KazakhCase = 'dative' | 'locative' | 'ablative' | 'accusative';

/** How 0–9 are read. */
const UNITS = ['нөл', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'] as const;
/** How 10, 20, … 90 are read. */
const TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'] as const;
/** The orders above the hundreds, smallest first: a round number's last word is the smallest order it still has. */
const THOUSANDS: readonly [size: bigint, word: string][] = [
  [1_000n, 'мың'],
  [1_000_000n, 'миллион'],
  [1_000_000_000n, 'миллиард'],
];

const BACK_VOWELS = new Set('аоұыяё');
const FRONT_VOWELS = new Set('әөүіеэи');
// у and ю go either way; they only decide when the word has no other vowel (none of the numbers above).
// б, в, г, д end only borrowed words (миллиард) and are said voiceless there: миллиардқа, заводтан.
const VOICELESS = new Set('кқпстфхцчшщбвгд');
const NASALS = new Set('мнң');
/** Vowels a word may end in. у, ю and и are said with a glide at the end (Інжу [інжуw], Әли [әлій]) and take the
 * consonant's accusative like й: Інжуді, Әлиді, Айдайды. */
const OPEN_VOWELS = new Set('аәеоөұүыіяэё');

/**
 * The last word of `digits` read aloud. A run of digits that starts with 0 ("00", "05": the minutes of 09:00 and
 * 14:05) is read digit by digit ("нөл нөл", "нөл бес"); any other is read as a number ("43": "қырық үш").
 */
export function lastSpokenWord(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`not digits: ${JSON.stringify(digits)}`);
  if (digits.length > 1 && digits.startsWith('0')) return UNITS[Number(digits.at(-1))] ?? 'нөл';
  const n = BigInt(digits);
  if (n === 0n) return 'нөл';
  const units = Number(n % 10n);
  if (units !== 0) return UNITS[units] ?? '';
  const tens = Number((n / 10n) % 10n);
  if (tens !== 0) return TENS[tens] ?? '';
  if ((n / 100n) % 10n !== 0n) return 'жүз';
  // 2000 "екі мың", 3 000 000 "үш миллион": the smallest group of three that is not zero names the last word.
  for (const [size, word] of THOUSANDS) if ((n / size) % 1000n !== 0n) return word;
  return 'миллиард';
}

/** The ending (without the hyphen) a word takes in `grammaticalCase`. */
export function kazakhEnding(word: string, grammaticalCase: KazakhCase): string {
  const letters = [...word.toLowerCase()];
  const lastVowel = letters.findLast((c) => BACK_VOWELS.has(c) || FRONT_VOWELS.has(c));
  const front = lastVowel !== undefined && FRONT_VOWELS.has(lastVowel);
  const last = letters.at(-1) ?? '';
  const voiceless = VOICELESS.has(last);
  const pick = (back: string, frontForm: string): string => (front ? frontForm : back);
  switch (grammaticalCase) {
    case 'dative':
      return voiceless ? pick('қа', 'ке') : pick('ға', 'ге');
    case 'locative':
      return voiceless ? pick('та', 'те') : pick('да', 'де');
    case 'ablative':
      if (voiceless) return pick('тан', 'тен');
      return NASALS.has(last) ? pick('нан', 'нен') : pick('дан', 'ден');
    case 'accusative':
      if (voiceless) return pick('ты', 'ті');
      return OPEN_VOWELS.has(last) ? pick('ны', 'ні') : pick('ды', 'ді');
  }
}

/**
 * `text` (a time, a date or a number as shown, or a date in words) with the case ending its last word takes.
 * After digits the ending is joined by a hyphen, as Kazakh writes it, and follows the number read aloud:
 * withKazakhCase('14:43', 'ablative') is "14:43-тен". After a word it is joined directly: "2026 жылғы 2
 * желтоқсан" → "… желтоқсаннан". Text ending in neither is returned as it is: there is nothing to inflect.
 */
export function withKazakhCase(text: string, grammaticalCase: KazakhCase): string {
  const digits = /(\d+)\s*$/.exec(text)?.[1];
  if (digits !== undefined) return `${text}-${kazakhEnding(lastSpokenWord(digits), grammaticalCase)}`;
  const word = /([а-яёәғқңөұүһі]+)$/i.exec(text)?.[1];
  return word === undefined ? text : `${text}${kazakhEnding(word, grammaticalCase)}`;
}
