// Names in the order a Kazakh reader expects: Ә after А, Ө after О, І after Ы… SQLite sorts by code point, which puts
// every Kazakh letter after Я ("Әбдірахманова" last in a табель). The kk collation orders Russian names correctly too.
// Made on the first sort, not at import: loading ICU's collation data costs the kiosk's start 10–40 ms.
let collator: Intl.Collator | undefined;

/** Sorts a copy by the given keys in turn (last name, then first name…), in Kazakh alphabetical order. */
export function inKazakhOrder<T>(rows: readonly T[], ...keys: ((row: T) => string)[]): T[] {
  collator ??= new Intl.Collator('kk', { sensitivity: 'base', numeric: true });
  const { compare } = collator;
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compare(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  });
}
