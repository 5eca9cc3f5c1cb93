// A file from the browser to the core in pieces, in order (a kiosk API request carries at most 64 KiB): announced with
// its name and size, then each piece base64. The roster import and the USB stick's read both send theirs this way; the
// caller names its own begin and piece requests, so this stays free of either contract.
import type { Result } from '../../../shared/api/result.js';

export interface PieceSender {
  begin: (fileName: string, bytes: number) => Promise<Result<{ uploadId: string; chunkBytes: number }>>;
  piece: (uploadId: string, offset: number, data: string) => Promise<Result<unknown>>;
}

/** Sends `bytes` as `fileName`; answers the upload id, or the first refusal. `progress` gets whole percents. */
export async function sendInPieces(sender: PieceSender, fileName: string, bytes: Uint8Array, progress: (percent: number) => void = () => undefined): Promise<Result<string>> {
  const begun = await sender.begin(fileName, bytes.length);
  if (!begun.ok) return begun;
  const { uploadId, chunkBytes } = begun.value;
  // The core's piece size, never less than one byte: the loop always ends.
  const step = Math.max(1, chunkBytes);
  for (let offset = 0; offset < bytes.length; offset += step) {
    const sent = await sender.piece(uploadId, offset, base64(bytes.subarray(offset, offset + step)));
    if (!sent.ok) return sent;
    progress(Math.min(100, Math.round(((offset + step) / bytes.length) * 100)));
  }
  return { ok: true, value: uploadId };
}

/** Base64 of bytes, built 32 KiB at a time (a spread of a whole file would overflow the call stack). */
export function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
