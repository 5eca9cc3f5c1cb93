// An installer is ours only if it has exactly the size and sha512 the signed channel file names: a download cut short,
// a file changed on the stick or on the way, or another file under the same name is refused before anything runs it.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { UpdateFile } from './update-manifest.js';

export type FileCheck = { ok: true } | { ok: false; code: 'UPDATE_FILE_MISSING' | 'UPDATE_FILE_INCOMPLETE' | 'UPDATE_FILE_MISMATCH'; detail: string };

export async function checkUpdateFile(path: string, expected: UpdateFile): Promise<FileCheck> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, code: 'UPDATE_FILE_MISSING', detail: `${expected.url} is not a file` };
    size = stat.size;
  } catch {
    return { ok: false, code: 'UPDATE_FILE_MISSING', detail: `${expected.url} is not there` };
  }
  if (size < expected.size) return { ok: false, code: 'UPDATE_FILE_INCOMPLETE', detail: `${expected.url}: ${size} of ${expected.size} bytes` };
  if (size > expected.size) return { ok: false, code: 'UPDATE_FILE_MISMATCH', detail: `${expected.url}: ${size} bytes, the feed names ${expected.size}` };
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha512 = hash.digest('base64');
  return sha512 === expected.sha512 ? { ok: true } : { ok: false, code: 'UPDATE_FILE_MISMATCH', detail: `${expected.url}: its sha512 is not the one the feed names` };
}
