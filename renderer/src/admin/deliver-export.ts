// Hands an export the core wrote to the person at the kiosk, and says where it went. In the web host the browser
// downloads it from the host's /exports/ route, which wants the page's session cookie (fetch, then a blob link). In Electron the OS save dialog puts a copy where the head chooses (a USB
// stick); cancelled, the file stays in the data folder's exports/. The message names the file and the folder in
// words (export-words.ts), never a raw path.
import type { TFunction } from 'i18next';
import { consoleTexts } from '../../../shared/i18n/admin/console-catalogs.js';
import { exportWords } from './export-words.js';
import type { AdminCall } from './use-admin-call.js';

export interface ExportMessage {
  text: string;
  failed: boolean;
}

export async function deliverExport(call: AdminCall, file: { fileName: string; path: string }, t: TFunction, language: string): Promise<ExportMessage> {
  const x = consoleTexts(language);
  if (window.kiosk) {
    const saved = await call('adminSaveExport', { fileName: file.fileName });
    if (!saved.ok) return { text: t(`errors.${saved.error.code}`), failed: true };
    const { savedTo } = saved.value;
    return { text: exportWords(x, savedTo === null ? { kind: 'kept', fileName: file.fileName } : { kind: 'saved', savedTo }), failed: false };
  }
  const downloaded = await download(file.fileName);
  return { text: exportWords(x, { kind: downloaded ? 'downloaded' : 'download-failed', fileName: file.fileName }), failed: !downloaded };
}

async function download(fileName: string): Promise<boolean> {
  try {
    const response = await fetch(`/exports/${encodeURIComponent(fileName)}`, { cache: 'no-store' });
    if (!response.ok) return false;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own copy by now; the blob is only needed for the click.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
