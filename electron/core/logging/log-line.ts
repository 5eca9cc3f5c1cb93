// The core, the hosts and the workers log through `(line: string) => void` with a "[component] " prefix; this turns
// such a line into the fields of a structured one. The level is read from the words the code already uses for
// trouble, so a support person can filter on it without every call site changing.
export type LineLevel = 'info' | 'warn' | 'error';

export interface ParsedLine {
  component: string | null;
  level: LineLevel;
  msg: string;
}

const PREFIX = /^\[([a-z][\w-]{0,31})\] ?/;
// Alarms the code writes in capitals (DATABASE DAMAGED, EVENTS MISSING, CHAIN HEAD MISMATCH, BROKEN), and failures.
const ERROR_WORDS = /\b(?:DAMAGED|MISSING|MISMATCH|BROKEN|failed|failure|could not run)\b/;
const WARN_WORDS = /\b(?:cannot|refused|refuses|rejected|dropped|lost|WARNING|unavailable|not available|stopped|BEHIND)\b/;

export function parseLogLine(text: string): ParsedLine {
  const match = PREFIX.exec(text);
  const component = match?.[1] ?? null;
  const msg = match ? text.slice(match[0].length) : text;
  const level: LineLevel = ERROR_WORDS.test(msg) ? 'error' : WARN_WORDS.test(msg) ? 'warn' : 'info';
  return { component, level, msg };
}
