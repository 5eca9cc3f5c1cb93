// The page the host shows instead of the kiosk when a launch link was used already, or a page comes without a
// session: what happened and what to do, in Kazakh, Russian and English.
import type { ServerResponse } from 'node:http';
import { linkRefusedText } from '../../shared/i18n/web-host-page.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const body = (['kk', 'ru', 'en'] as const)
  .map((language) => `<section lang="${language}"><h1>${escapeHtml(linkRefusedText[language].title)}</h1><p>${escapeHtml(linkRefusedText[language].body)}</p></section>`)
  .join('\n');

const page = `<!doctype html>\n<html lang="kk">\n<meta charset="utf-8">\n<title>Esik</title>\n${body}\n`;

export function sendLinkRefusedPage(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(403, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
}
