// A file on its way in from the console, piece by piece (a request carries at most 64 KiB): announced with its size,
// which is checked before a byte arrives, filled in order by the staff member who announced it, and forgotten after ten
// minutes, when newer ones push it out, or once used. One book for every such file (the roster import's workbook, a
// stick to read); where the bytes wait, in memory or on disk, is the caller's hold (upload-holds.ts).
import { randomUUID } from 'node:crypto';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/api/result.js';

const KEEP_MS = 10 * 60_000;

/** Where one upload's bytes wait until they are used. */
export interface UploadHold {
  /** The next piece, at its offset (the store has checked the order and the size). */
  put(piece: Uint8Array, offset: number): void;
  /** Lets go of what it holds; called once, when the upload is forgotten. */
  drop(): void;
}

export interface UploadRules<H extends UploadHold> {
  /** The largest file taken: a larger one is refused when announced. */
  maxBytes: number;
  /** The largest piece a request carries (the contract's figure). */
  chunkBytes: number;
  /** How many files wait at once; a new one pushes out the oldest. */
  most: number;
  /** The codes the caller's contract answers with: the roster import has its own, the stick says INVALID_REQUEST. */
  codes: { tooLarge: ErrorCode; unknown: ErrorCode; incomplete: ErrorCode };
  /** A new, empty hold for a file announced (it may throw: nothing is kept then). */
  hold: (uploadId: string, fileName: string, size: number) => H;
}

export interface Upload<H extends UploadHold> {
  id: string;
  /** As the console sent it (the browser's bare name). */
  fileName: string;
  staffId: string;
  size: number;
  received: number;
  startedMs: number;
  hold: H;
}

export class UploadStore<H extends UploadHold> {
  private readonly uploads = new Map<string, Upload<H>>();

  constructor(
    private readonly rules: UploadRules<H>,
    private readonly nowMs: () => number,
  ) {}

  begin(staffId: string, fileName: string, size: number): Result<{ uploadId: string; chunkBytes: number }> {
    const { maxBytes, chunkBytes, most, codes } = this.rules;
    if (size > maxBytes) return fail(codes.tooLarge, `a file of ${size} bytes is over the ${maxBytes} taken`);
    this.forgetOld();
    // Bounded: each turn forgets one.
    while (this.uploads.size >= most) {
      const oldest = this.uploads.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    const id = randomUUID();
    const hold = this.rules.hold(id, fileName, size);
    this.uploads.set(id, { id, fileName, staffId, size, received: 0, startedMs: this.nowMs(), hold });
    return ok({ uploadId: id, chunkBytes });
  }

  /** The next piece, at the offset where the last one ended; base64 already checked by the contract. */
  chunk(staffId: string, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return unknown(this.rules.codes.unknown);
    const piece = Buffer.from(data, 'base64');
    if (offset !== upload.received || upload.received + piece.length > upload.size || piece.length > this.rules.chunkBytes) {
      return fail(this.rules.codes.incomplete, `piece at ${offset} (${piece.length} bytes), ${upload.received} of ${upload.size} received`);
    }
    upload.hold.put(piece, offset);
    upload.received += piece.length;
    return ok({ received: upload.received });
  }

  /** The whole file, or why not. Only the staff member who sent it may use it. */
  whole(staffId: string, uploadId: string): Result<Upload<H>> {
    const upload = this.find(staffId, uploadId);
    if (!upload) return unknown(this.rules.codes.unknown);
    if (upload.received !== upload.size) return fail(this.rules.codes.incomplete, `${upload.received} of ${upload.size} bytes received`);
    return ok(upload);
  }

  forget(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    upload?.hold.drop();
  }

  /** Every file still kept (the core closing). */
  forgetAll(): void {
    for (const id of [...this.uploads.keys()]) this.forget(id);
  }

  private find(staffId: string, uploadId: string): Upload<H> | undefined {
    this.forgetOld();
    const upload = this.uploads.get(uploadId);
    return upload?.staffId === staffId ? upload : undefined;
  }

  private forgetOld(): void {
    const now = this.nowMs();
    for (const [id, upload] of this.uploads) if (now - upload.startedMs > KEEP_MS) this.forget(id);
  }
}

function unknown<T>(code: ErrorCode): Result<T> {
  return fail(code, 'no such upload (ten minutes passed, newer ones pushed it out, or another staff member sent it)');
}
