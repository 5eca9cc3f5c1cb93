// Before a spreadsheet reaches exceljs: its size, that it is a zip holding a workbook at all, and how much it unpacks
// to, counted while it is unpacked (never trusting the sizes the zip declares: a zip bomb declares small ones). What
// passes is packed again from exactly the bytes that were counted, so the parser never sees anything unchecked: a
// zip whose central directory points elsewhere than its entries (two readers, two files) cannot slip past.
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';

/** A roster for a few hundred children is tens of kilobytes; four megabytes is a hundred times that. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** What its parts may unpack to together: bounds exceljs' memory (a few times this) and time. */
export const MAX_UNPACKED_BYTES = 24 * 1024 * 1024;
const MAX_ENTRIES = 500;

export type FileRefusal = 'too-large' | 'not-xlsx' | 'damaged' | 'unpacks-too-large';

export type GuardedFile = { ok: true; workbook: Uint8Array } | { ok: false; refusal: FileRefusal; detail: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

class Stop extends Error {
  constructor(
    readonly refusal: FileRefusal,
    message: string,
  ) {
    super(message);
  }
}

export function guardSpreadsheet(bytes: Uint8Array, limits = { file: MAX_FILE_BYTES, unpacked: MAX_UNPACKED_BYTES }): GuardedFile {
  if (bytes.length > limits.file) return { ok: false, refusal: 'too-large', detail: `${bytes.length} bytes, at most ${limits.file}` };
  if (bytes.length < 22 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) return { ok: false, refusal: 'not-xlsx', detail: 'not a zip file' };
  const parts: Zippable = {};
  let unpacked = 0;
  let entries = 0;
  let failure: Stop | null = null;
  try {
    const unzip = new Unzip((file) => {
      entries += 1;
      if (entries > MAX_ENTRIES) throw new Stop('damaged', `more than ${MAX_ENTRIES} parts`);
      if (Object.prototype.hasOwnProperty.call(parts, file.name)) throw new Stop('damaged', `two parts named ${file.name}`);
      const chunks: Uint8Array[] = [];
      parts[file.name] = new Uint8Array(0);
      file.ondata = (error, chunk, final) => {
        if (failure) return;
        if (error) {
          failure = new Stop('damaged', `${file.name}: ${error.message}`);
          return;
        }
        unpacked += chunk.length;
        if (unpacked > limits.unpacked) {
          failure = new Stop('unpacks-too-large', `unpacks to more than ${limits.unpacked} bytes`);
          file.terminate();
          return;
        }
        chunks.push(chunk);
        if (final) parts[file.name] = concat(chunks);
      };
      if (file.name.endsWith('/')) return;
      if (file.compression !== 0 && file.compression !== 8) throw new Stop('damaged', `${file.name}: compression ${file.compression}`);
      file.start();
    });
    unzip.register(UnzipInflate);
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof Stop) return { ok: false, refusal: error.refusal, detail: error.message };
    return { ok: false, refusal: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  const stopped = failure as Stop | null;
  if (stopped) return { ok: false, refusal: stopped.refusal, detail: stopped.message };
  if (!(parts['xl/workbook.xml'] instanceof Uint8Array) || !(parts['[Content_Types].xml'] instanceof Uint8Array)) {
    return { ok: false, refusal: entries === 0 ? 'damaged' : 'not-xlsx', detail: 'no workbook inside the zip' };
  }
  for (const name of Object.keys(parts)) if (name.endsWith('/')) delete parts[name];
  return { ok: true, workbook: zipSync(parts, { level: 0 }) };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
