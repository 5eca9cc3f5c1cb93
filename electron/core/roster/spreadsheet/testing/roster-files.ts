// Roster workbooks for the tests, written by exceljs as an admin's spreadsheet program would, and sent to the core
// the way the console sends them: announced, in pieces, then previewed.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { RosterPreview } from '../../../../../shared/admin/roster-import-contract.js';
import type { adminKit } from '../../../admin/testing/admin-kit.js';
import { value } from '../../../admin/testing/admin-kit.js';

type Kit = ReturnType<typeof adminKit>;

/** The workbook the core writes (filled with the roster), as exceljs reads it for a test to edit. */
export async function downloadedWorkbook(kit: Kit, sessionId: string, language: 'kk' | 'ru' = 'ru'): Promise<ExcelJS.Workbook> {
  const file = value(await kit.call('adminRosterSpreadsheet', { sessionId, language, filled: true }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file.path) as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a file as the console does and answers its upload id. */
export function upload(kit: Kit, sessionId: string, bytes: Uint8Array, fileName = 'roster.xlsx'): string {
  const begun = value(kit.call('adminRosterImportBegin', { sessionId, fileName, bytes: bytes.length }));
  for (let offset = 0; offset < bytes.length; offset += begun.chunkBytes) {
    const data = Buffer.from(bytes.subarray(offset, offset + begun.chunkBytes)).toString('base64');
    value(kit.call('adminRosterImportChunk', { sessionId, uploadId: begun.uploadId, offset, data }));
  }
  return begun.uploadId;
}

export async function preview(kit: Kit, sessionId: string, uploadId: string, skipProblemRows = false): Promise<RosterPreview> {
  return value(await kit.call('adminRosterImportPreview', { sessionId, uploadId, skipProblemRows }));
}

export async function previewed(kit: Kit, sessionId: string, uploadId: string, skipProblemRows = false): Promise<Extract<RosterPreview, { outcome: 'preview' }>> {
  const p = await preview(kit, sessionId, uploadId, skipProblemRows);
  if (p.outcome !== 'preview') throw new Error(`refused: ${p.refusal}`);
  return p;
}

/** A sheet of the workbook by its Russian name. */
export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}
