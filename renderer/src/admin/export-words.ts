// Where an export went, said in words: the file's name and the folder's, never a path the head has to decipher.
import { fillText } from '../../../shared/i18n/fill-text.js';
import type { ConsoleTexts } from '../../../shared/i18n/admin/console-en.js';

export type ExportOutcome =
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'download-failed'; fileName: string }
  /** The Electron shell copied it where the head chose (savedTo: that file's full path). */
  | { kind: 'saved'; savedTo: string }
  /** The shell's dialog was cancelled: only the kiosk's own copy in its exports folder. */
  | { kind: 'kept'; fileName: string };

/** The last part of a Windows or POSIX path. */
function lastPart(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

/** The folder a file path is in, by its own name ("D:\\Табель\\a.xlsx" → "Табель"); a drive root keeps its letter. */
export function folderNameOf(filePath: string): string {
  const trimmed = filePath.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return trimmed;
  const folder = trimmed.slice(0, cut);
  return folder === '' ? '/' : /^[A-Za-z]:$/.test(folder) ? `${folder}\\` : lastPart(folder);
}

export function exportWords(x: ConsoleTexts, outcome: ExportOutcome): string {
  switch (outcome.kind) {
    case 'downloaded':
      return fillText(x.exportDownloaded, { file: outcome.fileName });
    case 'download-failed':
      return fillText(x.exportDownloadFailed, { file: outcome.fileName });
    case 'saved':
      return fillText(x.exportSavedIn, { file: lastPart(outcome.savedTo), folder: folderNameOf(outcome.savedTo) });
    case 'kept':
      return fillText(x.exportKept, { file: outcome.fileName });
  }
}
