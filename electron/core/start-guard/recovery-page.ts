// The recovery screen's HTML (texts in shared/i18n/recovery-page.ts): written by the core's start guard so both
// shells show the same page, the web host over HTTP and Electron in its window. No script and no inline style, so the
// strictest content policy holds.
import { fillText } from '../../../shared/i18n/fill-text.js';
import { recoveryPageText } from '../../../shared/i18n/recovery-page.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';

export interface RecoveryFacts {
  failedStarts: number;
  sinceMs: number;
  lastError: string | null;
  logsDir: string;
  /** Where "try again" posts to; null: no button (the shell offers its own). */
  retryAction: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function recoveryPageHtml(facts: RecoveryFacts): string {
  const since = toLocalTime(new Date(facts.sinceMs)).hhmm;
  const sections = (['kk', 'ru', 'en'] as const).map((language) => {
    const t = recoveryPageText[language];
    const error = facts.lastError === null ? t.lastErrorUnknown : facts.lastError;
    const retry =
      facts.retryAction === null
        ? ''
        : `<form method="post" action="${escapeHtml(facts.retryAction)}"><button type="submit" data-testid="recovery-try-again">${escapeHtml(t.tryAgain)}</button></form>`;
    return [
      `<section lang="${language}" data-testid="recovery-${language}">`,
      `<h1>${escapeHtml(t.title)}</h1>`,
      `<p>${escapeHtml(fillText(t.what, { count: String(facts.failedStarts), since }))}</p>`,
      `<p>${escapeHtml(t.lastError)} <code data-testid="recovery-last-error">${escapeHtml(error)}</code></p>`,
      retry,
      `<p>${escapeHtml(fillText(t.logs, { logs: facts.logsDir }))}</p>`,
      `<p>${escapeHtml(t.restore)}</p>`,
      '</section>',
    ].join('\n');
  });
  return `<!doctype html>\n<html lang="kk">\n<meta charset="utf-8">\n<title>Esik</title>\n<main data-testid="recovery-screen">\n${sections.join('\n<hr>\n')}\n</main>\n`;
}

/** The page shown once "try again" was pressed. */
export function tryingAgainHtml(): string {
  const sections = (['kk', 'ru', 'en'] as const).map((language) => `<p lang="${language}">${escapeHtml(recoveryPageText[language].tryingAgain)}</p>`);
  return `<!doctype html>\n<html lang="kk">\n<meta charset="utf-8">\n<title>Esik</title>\n<main data-testid="recovery-trying-again">\n${sections.join('\n')}\n</main>\n`;
}
