// "Save as…" for the admin's exports: the OS save dialog over the kiosk window, starting in Documents (a USB stick is
// one click away there), then a copy of the export where the head chose. The original stays in the exports folder.
import { BrowserWindow, app, dialog, type SaveDialogOptions } from 'electron';
import { copyFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SaveFileAs } from '../core/admin/export/save-export.js';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.xlsx': { name: 'Excel', extensions: ['xlsx'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
};

export const electronSaveFileAs: SaveFileAs = async (source, suggestedName) => {
  const filter = FILTERS[extname(suggestedName)];
  const options: SaveDialogOptions = { defaultPath: join(app.getPath('documents'), suggestedName), ...(filter ? { filters: [filter] } : {}) };
  // Modal over the kiosk window: in kiosk mode a free-floating dialog could open behind it.
  const window = BrowserWindow.getAllWindows()[0];
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await copyFile(source, choice.filePath);
  return choice.filePath;
};
