// "Save as…" for an export in the Electron shell: the shell shows its save dialog and copies the file where the head
// chose (a USB stick, Documents); the web host has no such dialog (its browser downloads the file instead).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import { ExportFileNameSchema } from '../../../../shared/admin/admin-contract.js';
import { exportsDirOf } from './exports-dir.js';

/** Shows the shell's save dialog for `sourcePath`, suggesting `suggestedName`; copies it and answers where, or null when cancelled. */
export type SaveFileAs = (sourcePath: string, suggestedName: string) => Promise<string | null>;

export async function saveExportAs(dataDir: string, fileName: string, saveFileAs: SaveFileAs | null): Promise<Result<{ savedTo: string | null }>> {
  if (saveFileAs === null) return fail('SAVE_UNAVAILABLE');
  // Only a name an export can have, so the dialog never offers a file from anywhere else.
  if (!ExportFileNameSchema.safeParse(fileName).success) return fail('INVALID_REQUEST', 'not an export file name');
  const source = join(exportsDirOf(dataDir), fileName);
  if (!existsSync(source)) return fail('INVALID_REQUEST', `no export ${fileName}`);
  try {
    return ok({ savedTo: await saveFileAs(source, fileName) });
  } catch (error) {
    return fail('SAVE_FAILED', error instanceof Error ? error.message : String(error));
  }
}
