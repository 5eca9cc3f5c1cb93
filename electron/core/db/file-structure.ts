// A cheap look at the database file before SQLite opens it: a header that is not SQLite's, a file cut short of its
// last page, or a -wal whose header is not SQLite's. Reads 100 + 32 bytes and two sizes, whatever the file's size;
// what it cannot see (a smashed page in the middle) the full check in the background finds.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGICS = new Set([0x377f0682, 0x377f0683]);

/** Why the file is not a whole SQLite database, or null when nothing is wrong at this depth. */
export function fileStructureProblem(path: string): string | null {
  if (!existsSync(path)) return null;
  const size = statSync(path).size;
  // SQLite writes a new database's header with its first transaction: an empty file is one never written.
  if (size === 0) return null;
  const header = readStart(path, 100);
  if (header.length < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return 'the file does not start with an SQLite header';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `the header names an impossible page size (${rawPageSize})`;
  if (size % pageSize !== 0) return `the file ends ${size % pageSize} bytes into a page (cut short or grown by hand)`;
  // The header's page count is valid only when its version-valid-for number matches the change counter. A checkpoint
  // cut off (power lost, the process killed) may have written page 1 before the pages that grow the file: the -wal
  // still holds them and SQLite copies them again on open, so a short file beside a -wal is not damage at this depth.
  const pages = header.readUInt32BE(28);
  const walHoldsPages = walBytes(`${path}-wal`) > 32;
  if (!walHoldsPages && header.readUInt32BE(24) === header.readUInt32BE(92) && size < pages * pageSize) {
    return `the file holds ${size / pageSize} of the ${pages} pages its header names`;
  }
  return walProblem(`${path}-wal`);
}

function walBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function walProblem(path: string): string | null {
  if (!existsSync(path) || statSync(path).size === 0) return null;
  const header = readStart(path, 32);
  // SQLite ignores a -wal whose header it does not recognise, and with it every commit the file held.
  if (header.length < 32 || !WAL_MAGICS.has(header.readUInt32BE(0))) return 'the -wal file does not start with an SQLite WAL header';
  return null;
}

function readStart(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
