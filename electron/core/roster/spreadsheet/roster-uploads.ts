// Files on their way in, piece by piece (a request carries at most 64 KiB): announced with their size, which is
// checked before a byte arrives, filled in order, and forgotten after ten minutes or when newer ones push them out.
import { randomUUID } from 'node:crypto';
import { ROSTER_CHUNK_BYTES, ROSTER_FILE_MAX_BYTES } from '../../../../shared/admin/roster-import-contract.js';
import { fail, ok, type Result } from '../../../../shared/api/result.js';

const KEEP_MS = 10 * 60_000;
const MAX_UPLOADS = 3;

export interface Upload {
  id: string;
  fileName: string;
  staffId: string;
  bytes: Uint8Array;
  received: number;
  startedMs: number;
}

export class RosterUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly nowMs: () => number) {}

  begin(staffId: string, fileName: string, size: number): Result<{ uploadId: string; chunkBytes: number }> {
    if (size > ROSTER_FILE_MAX_BYTES) return fail('ROSTER_FILE_TOO_LARGE', `${size} bytes`);
    this.forgetOld();
    while (this.uploads.size >= MAX_UPLOADS) {
      const oldest = this.uploads.keys().next().value;
      if (oldest === undefined) break;
      this.uploads.delete(oldest);
    }
    const id = randomUUID();
    this.uploads.set(id, { id, fileName, staffId, bytes: new Uint8Array(size), received: 0, startedMs: this.nowMs() });
    return ok({ uploadId: id, chunkBytes: ROSTER_CHUNK_BYTES });
  }

  /** The next piece, at the offset where the last one ended; base64 already checked by the contract. */
  chunk(staffId: string, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return fail('ROSTER_UPLOAD_UNKNOWN');
    const piece = Buffer.from(data, 'base64');
    if (offset !== upload.received || upload.received + piece.length > upload.bytes.length || piece.length > ROSTER_CHUNK_BYTES) {
      return fail('ROSTER_UPLOAD_INCOMPLETE', `piece at ${offset} (${piece.length} bytes), ${upload.received} of ${upload.bytes.length} received`);
    }
    upload.bytes.set(piece, offset);
    upload.received += piece.length;
    return ok({ received: upload.received });
  }

  /** A whole file, or why not. Only the staff member who sent it may use it. */
  whole(staffId: string, uploadId: string): Result<Upload> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return fail('ROSTER_UPLOAD_UNKNOWN');
    if (upload.received !== upload.bytes.length) return fail('ROSTER_UPLOAD_INCOMPLETE', `${upload.received} of ${upload.bytes.length} bytes`);
    return ok(upload);
  }

  forget(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private find(staffId: string, uploadId: string): Upload | undefined {
    this.forgetOld();
    const upload = this.uploads.get(uploadId);
    return upload?.staffId === staffId ? upload : undefined;
  }

  private forgetOld(): void {
    const now = this.nowMs();
    for (const [id, upload] of this.uploads) if (now - upload.startedMs > KEEP_MS) this.uploads.delete(id);
  }
}
