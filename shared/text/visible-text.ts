// Makes text someone presented at the door safe to keep and show: characters that are invisible or that steer the
// display (NUL, ESC and other control codes, right-to-left overrides and isolates, zero-width marks, line and
// paragraph separators, lone surrogates) become a visible \u{…} escape, so an admin sees that they were there and
// they cannot reorder, hide or cut what is around them.

/** Control (Cc), format (Cf: bidi controls, zero-width, BOM), line and paragraph separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/** At most `max` code points (a cut never splits a surrogate pair), then made visible. */
export function boundedVisibleText(text: string, max: number): string {
  const points = Array.from(text);
  return visibleText(points.length > max ? points.slice(0, max).join('') : text);
}
