// A stick's file on its way in from the console, piece by piece (a request carries at most 64 KiB), as the roster
// import's workbook comes: announced with its size, which is checked before a byte arrives, filled in order. Kept on
// disk, not in memory (a stick may be large), each in a folder of its own under the stick's own name (the audit row
// names the file read), and forgotten after ten minutes, when newer ones push it out, or once read.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { STICK_CHUNK_BYTES, STICK_FILE_MAX_BYTES } from '../../../shared/peers/stick-contract.js';

const KEEP_MS = 10 * 60_000;
const MAX_UPLOADS = 2;

interface Upload {
  staffId: string;
  dir: string;
  path: string;
  size: number;
  received: number;
  startedMs: number;
}

/** The file's own name, kept readable but with nothing a file system refuses (the browser sends the bare name). */
export function uploadFileName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\p{Cc}]+/gu, '-')
    .slice(0, 200);
  return name === '' || name === '.' || name === '..' ? 'stick.esikpeer' : name;
}

export class StickUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly root: string,
    private readonly nowMs: () => number,
  ) {}

  begin(staffId: string, fileName: string, size: number): Result<{ uploadId: string; chunkBytes: number }> {
    if (size > STICK_FILE_MAX_BYTES) return fail('INVALID_REQUEST', `a stick of ${size} bytes is over the ${STICK_FILE_MAX_BYTES} read`);
    this.forgetOld();
    // Bounded: each turn forgets one.
    while (this.uploads.size >= MAX_UPLOADS) {
      const oldest = this.uploads.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    const id = randomUUID();
    const dir = join(this.root, id);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, uploadFileName(fileName));
    writeFileSync(path, new Uint8Array(0));
    this.uploads.set(id, { staffId, dir, path, size, received: 0, startedMs: this.nowMs() });
    return ok({ uploadId: id, chunkBytes: STICK_CHUNK_BYTES });
  }

  /** The next piece, at the offset where the last one ended; base64 already checked by the contract. */
  chunk(staffId: string, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return fail('INVALID_REQUEST', 'no such stick upload (ten minutes passed, or another admin sent it)');
    const piece = Buffer.from(data, 'base64');
    if (offset !== upload.received || upload.received + piece.length > upload.size || piece.length > STICK_CHUNK_BYTES) {
      return fail('INVALID_REQUEST', `piece at ${offset} (${piece.length} bytes), ${upload.received} of ${upload.size} received`);
    }
    appendFileSync(upload.path, piece);
    upload.received += piece.length;
    return ok({ received: upload.received });
  }

  /** The whole file's path, or why not. Only the admin who sent it may read it. */
  whole(staffId: string, uploadId: string): Result<string> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return fail('INVALID_REQUEST', 'no such stick upload (ten minutes passed, or another admin sent it)');
    if (upload.received !== upload.size) return fail('INVALID_REQUEST', `${upload.received} of ${upload.size} bytes received`);
    return ok(upload.path);
  }

  forget(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (upload !== undefined) rmSync(upload.dir, { recursive: true, force: true });
  }

  /** Every file still kept (the core closing). */
  forgetAll(): void {
    for (const id of [...this.uploads.keys()]) this.forget(id);
  }

  private find(staffId: string, uploadId: string): Upload | undefined {
    this.forgetOld();
    const upload = this.uploads.get(uploadId);
    return upload?.staffId === staffId ? upload : undefined;
  }

  private forgetOld(): void {
    const now = this.nowMs();
    for (const [id, upload] of this.uploads) if (now - upload.startedMs > KEEP_MS) this.forget(id);
  }
}
