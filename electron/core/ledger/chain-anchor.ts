// The chain's expected end, kept in a small file beside the database so that a database that loses its newest
// events (a torn or cut -wal, a file cut short, rows deleted by hand) cannot take the evidence with it.
//
// Two fixed 512-byte slots, written in turn: each write goes to the slot the last one did not use, so a write torn by
// a power cut leaves the other slot (one write behind, still a true lower bound) readable. Each slot carries its own
// checksum; the valid slot with the higher counter wins.
//
// The door pays one 512-byte pwrite per tap (microseconds). The fdatasync that makes it durable runs right after on
// libuv's thread pool, not on the door's thread: done in line it doubled the fsyncs a tap waits for (the database's
// own commit is the other) and cost a loaded disk about 7 ms at p95 (bench/door-tap.ts). Writes that come while a
// flush is under way are covered by one more flush after it. So the anchor is on disk a few milliseconds after the
// tap's answer; a power cut inside that window leaves it one tap behind, a lower bound that reads as "nothing lost",
// never as a false loss.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fdatasync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AnchorHead {
  deviceId: string;
  /** The device sequence of the newest event this device acknowledged. */
  seq: number;
  /** That event's hash. */
  hash: string;
}

export type AnchorReading =
  | { kind: 'absent' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'found'; head: AnchorHead };

const SLOT_BYTES = 512;
const MAGIC = 'esik-anchor-v1';

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function encodeSlot(counter: number, head: AnchorHead): Buffer {
  const body = `${MAGIC} ${counter} ${head.deviceId} ${head.seq} ${head.hash}`;
  const line = `${body} ${checksum(body)}\n`;
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length > SLOT_BYTES) throw new Error(`anchor record too long (${bytes.length} bytes)`);
  const slot = Buffer.alloc(SLOT_BYTES, 0x20);
  bytes.copy(slot);
  return slot;
}

function decodeSlot(slot: Buffer): { counter: number; head: AnchorHead } | null {
  const line = slot.toString('utf8').split('\n')[0] ?? '';
  const parts = line.split(' ');
  if (parts.length !== 6 || parts[0] !== MAGIC) return null;
  const [, counterText, deviceId, seqText, hash, check] = parts as [string, string, string, string, string, string];
  if (checksum(parts.slice(0, 5).join(' ')) !== check) return null;
  const counter = Number(counterText);
  const seq = Number(seqText);
  if (!Number.isSafeInteger(counter) || !Number.isSafeInteger(seq) || seq < 0 || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return { counter, head: { deviceId, seq, hash } };
}

export class ChainAnchor {
  private fd: number | null = null;
  private counter = 0;
  private flushing = false;
  private flushAgain = false;
  private closeAfterFlush = false;

  /** `flushFailed` hears of a background fdatasync that failed (the write itself had succeeded). */
  constructor(
    readonly path: string,
    private readonly flushFailed: (error: Error) => void = () => undefined,
  ) {}

  read(): AnchorReading {
    if (!existsSync(this.path)) return { kind: 'absent' };
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
    const slots = [bytes.subarray(0, SLOT_BYTES), bytes.subarray(SLOT_BYTES, 2 * SLOT_BYTES)]
      .map((slot) => (slot.length === SLOT_BYTES ? decodeSlot(slot) : null))
      .filter((slot) => slot !== null);
    const newest = slots.sort((a, b) => b.counter - a.counter)[0];
    if (!newest) return { kind: 'unreadable', detail: `no valid record in ${bytes.length} bytes` };
    this.counter = Math.max(this.counter, newest.counter);
    return { kind: 'found', head: newest.head };
  }

  /** Records the new end and starts its flush to disk; throws when the file cannot be written. */
  write(head: AnchorHead): void {
    const counter = this.counter + 1;
    const slot = encodeSlot(counter, head);
    try {
      const fd = this.fd ?? this.openFile();
      writeSync(fd, slot, 0, SLOT_BYTES, (counter % 2) * SLOT_BYTES);
      this.counter = counter;
      this.flush(fd);
    } catch (error) {
      // The next write opens the file afresh (it may have been removed or the disk remounted).
      this.close();
      throw error;
    }
  }

  /** Closes the file once the flush under way (if any) is done; the last write still reaches the disk. */
  close(): void {
    if (this.fd === null) return;
    if (this.flushing) {
      this.closeAfterFlush = true;
      return;
    }
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // Already unusable: nothing more to release.
    }
  }

  private flush(fd: number): void {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    fdatasync(fd, (error) => {
      this.flushing = false;
      if (error) this.flushFailed(error);
      if (this.flushAgain && this.fd === fd) {
        this.flushAgain = false;
        this.flush(fd);
        return;
      }
      this.flushAgain = false;
      if (this.closeAfterFlush) {
        this.closeAfterFlush = false;
        this.close();
      }
    });
  }

  private openFile(): number {
    const created = !existsSync(this.path);
    const fd = openSync(this.path, created ? 'w+' : 'r+', 0o600);
    this.fd = fd;
    if (created) {
      // Both slots exist from the start, so later writes never change the file's size (fdatasync stays cheap), and
      // the folder's entry for the new file is itself flushed.
      writeSync(fd, Buffer.alloc(2 * SLOT_BYTES, 0x20), 0, 2 * SLOT_BYTES, 0);
      fsyncSync(fd);
      syncFolder(dirname(this.path));
    }
    return fd;
  }
}

function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the entry itself.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
