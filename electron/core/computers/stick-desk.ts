// The USB stick and the relay on the console's *Computers* page (docs/peers.md §5, §8). Where each write happens
// decides who answers: a stick is written and read by the peer worker, on its own connection, through PeerControl
// (the worker holds the log, the device key, the stick key and the appliers, and a whole backlog's JSON, crypto and
// import must not run on the door's thread; a stick read is one transaction there, so a refusal changes nothing). The
// file sent from the console is kept on disk here until read (files/upload-store.ts). A relay enrollment is the core's
// own: it needs the secret store (the door's token goes into `relay-tokens`) and the city link, which live on this
// thread; its HTTP wait is asynchronous and its queueing a few short transactions, then the push worker restarts
// with the door among its relays (sync/city-desk.ts enrollRelay).
import { mkdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { STICK_CHUNK_BYTES, STICK_FILE_MAX_BYTES, type StickRead, type StickWritten } from '../../../shared/peers/stick-contract.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import { diskHold, type DiskHold } from '../files/upload-holds.js';
import { UploadStore } from '../files/upload-store.js';
import type { PeerControl } from '../peers/peer-control.js';

export interface RelayEnrollRequest {
  doorId: string;
  serverUrl: string;
  code: string;
}

export interface StickDeskOptions {
  control: () => PeerControl | null;
  /** Where a stick is written: the data folder's exports/ (the web host serves it; Electron saves a copy where asked). */
  exportsDir: string;
  /** Where sticks sent from the console wait to be read (emptied at each start: nothing there outlives a read). */
  uploadsDir: string;
  /** The city link's relay enrollment (the core's CityDesk); null: this core has none. */
  enrollRelay: ((request: RelayEnrollRequest) => Promise<Result<{ doorId: string; queued: number }>>) | null;
  nowMs: () => number;
  log: (line: string) => void;
}

type Done<T> = Promise<Result<T>>;

export class StickDesk {
  private readonly uploads: UploadStore<DiskHold>;

  constructor(private readonly o: StickDeskOptions) {
    // A stick sent before a crash or a restart is no one's any more.
    rmSync(o.uploadsDir, { recursive: true, force: true });
    this.uploads = new UploadStore(
      {
        maxBytes: STICK_FILE_MAX_BYTES,
        chunkBytes: STICK_CHUNK_BYTES,
        most: 2,
        codes: { tooLarge: 'INVALID_REQUEST', unknown: 'INVALID_REQUEST', incomplete: 'INVALID_REQUEST' },
        hold: (uploadId, fileName) => diskHold(o.uploadsDir, uploadId, fileName, 'stick.esikpeer'),
      },
      o.nowMs,
    );
  }

  /** *Write a stick* for one computer, or every other current member: into exports/, for the console to hand over. */
  async write(member: StaffMember, at: LocalTime, deviceId: string | undefined): Done<StickWritten> {
    const control = this.o.control();
    if (!control) return linkOff();
    try {
      mkdirSync(this.o.exportsDir, { recursive: true });
    } catch (error) {
      return fail('SAVE_FAILED', error instanceof Error ? error.message : String(error));
    }
    const written = await control.bundleWrite({ folder: this.o.exportsDir, for: deviceId === undefined ? null : [deviceId], at: { ms: at.ms, offsetMinutes: at.offsetMinutes } }, { staffId: member.id });
    if (!written.ok) {
      this.o.log(`[peers] ${member.id} could not write a stick: ${written.error.code}${written.error.detail ? ` (${written.error.detail})` : ''}`);
      return written;
    }
    const { path, records, recipients } = written.value;
    this.o.log(`[peers] ${member.id} wrote a stick of ${records} records for ${recipients.join(', ')}: ${basename(path)}`);
    return ok({ fileName: basename(path), path, records, recipients });
  }

  beginRead(member: StaffMember, fileName: string, bytes: number): Result<{ uploadId: string; chunkBytes: number }> {
    return this.uploads.begin(member.id, fileName, bytes);
  }

  chunk(member: StaffMember, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    return this.uploads.chunk(member.id, uploadId, offset, data);
  }

  /** *Read a stick*: the file sent whole, then checked and taken in (or refused) by the peer worker; forgotten after. */
  async read(member: StaffMember, at: LocalTime, uploadId: string): Done<StickRead> {
    const upload = this.uploads.whole(member.id, uploadId);
    if (!upload.ok) return upload;
    const control = this.o.control();
    if (!control) return linkOff();
    try {
      const read = await control.bundleRead({ path: upload.value.hold.path, at: { ms: at.ms, offsetMinutes: at.offsetMinutes } }, { staffId: member.id });
      if (read.ok) this.o.log(`[peers] ${member.id} read a stick: ${read.value.outcome.code}${read.value.taken ? ` (${read.value.taken.applied} applied, ${read.value.taken.waiting} waiting)` : ''}`);
      return read;
    } finally {
      this.uploads.forget(uploadId);
    }
  }

  /** The office enrolls a door it carries for (docs/peers.md §5): the door's records then go to the city from here. */
  async enrollRelay(member: StaffMember, request: RelayEnrollRequest): Done<{ doorId: string; queued: number }> {
    if (this.o.enrollRelay === null) return fail('PEER_LINK_OFF', 'this computer has no city link to enroll a door with');
    const enrolled = await this.o.enrollRelay(request);
    this.o.log(
      enrolled.ok
        ? `[relay] ${member.id} enrolled ${request.doorId} with ${request.serverUrl}: ${enrolled.value.queued} of its records queued`
        : `[relay] enrolling ${request.doorId} refused: ${enrolled.error.code}${enrolled.error.detail ? ` (${enrolled.error.detail})` : ''}`,
    );
    return enrolled.ok ? ok({ doorId: enrolled.value.doorId, queued: enrolled.value.queued }) : enrolled;
  }

  close(): void {
    this.uploads.forgetAll();
  }
}

function linkOff<T>(): Done<T> {
  return Promise.resolve(fail('PEER_LINK_OFF', 'the peer link does not run on this computer'));
}
