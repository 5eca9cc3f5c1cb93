// Search folding for children's and companions' names: Kazakh and Russian spellings typed on whatever keyboard is
// at hand find the same person. "алихан" finds "Әлихан", "инжу" finds "Інжу", "семен" finds "Семён".

/**
 * Kazakh letters (and ё) to the Russian letter a person without a Kazakh layout types instead. Upper case is handled
 * by lower-casing first. The Kazakh і (U+0456) and a Latin i typed on an English layout both fold to и.
 */
const FOLDS: Readonly<Record<string, string>> = {
  ә: 'а',
  і: 'и',
  i: 'и',
  ң: 'н',
  ғ: 'г',
  ү: 'у',
  ұ: 'у',
  қ: 'к',
  ө: 'о',
  һ: 'х',
  ё: 'е',
};

/** Lower-cased, composed (NFC), Kazakh letters and ё folded, runs of spaces and dashes made one space. */
export function foldName(text: string): string {
  const lowered = text.normalize('NFC').toLowerCase();
  let folded = '';
  for (const ch of lowered) folded += FOLDS[ch] ?? ch;
  return folded.replace(/[\s\-‐–—]+/gu, ' ').trim();
}

/** Whether every word of the query occurs in the folded name (in any order): "әлихан жұма" finds "Жұмабаев Әлихан". */
export function nameMatches(query: string, ...nameParts: readonly string[]): boolean {
  const words = foldName(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return true;
  const haystack = foldName(nameParts.join(' '));
  return words.every((w) => haystack.includes(w));
}
