// Names Excel accepts for a workbook's sheets: at most 31 characters, none of []:*?/\, not starting or ending with
// an apostrophe, and no two alike ignoring case. Two groups may share a name, or differ only past the 31st letter.
const MAX = 31;

function clean(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').slice(0, MAX).replace(/^'+|'+$/g, '').trim();
}

/** A valid, unique sheet name for each text, in order; a repeated or empty one gets " (2)", " (3)"… within the limit. */
export function uniqueSheetNames(texts: readonly string[], fallback = 'Tabel'): string[] {
  const taken = new Set<string>();
  return texts.map((text) => {
    const base = clean(text) || fallback;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
