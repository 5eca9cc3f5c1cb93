// The console's stick acts as the peer worker answers them (docs/peers.md §5 "Threads", §8): written and read on the
// worker's own connection, which holds this machine's peer log and device key and the appliers, so neither a whole
// backlog's JSON and crypto nor its import ever runs on the door's thread. The group, this machine's name and HLC are
// read here; the admin and the moment come with the ask.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import type { StickRead } from '../../../../shared/peers/stick-contract.js';
import type { PeerAppliers } from '../../ledger/peer-applier.js';
import type { PeerLog } from '../../ledger/peer-log.js';
import type { StickFile, StickMoment } from '../peer-control.js';
import { readGroup } from '../peer-group.js';
import { retryWaiting, type Applied } from '../record-import.js';
import { writeBundleFromDb } from './bundle-from-db.js';
import { readBundleIntoDb } from './bundle-into-db.js';
import { BundleWriteError } from './bundle-write.js';

export interface BundleAskContext {
  db: Database;
  log: PeerLog;
  deviceId: string;
  signKey: KeyObject;
  /** The static X25519 key that opens sticks for this machine; null: this worker was started without it. */
  dhKey: KeyObject | null;
  appliers: PeerAppliers;
  /** What a stick's records touched (the core refreshes them), and whether member records came (the link follows). */
  applied: (applied: Applied) => void;
}

function momentOf(at: StickMoment) {
  return toLocalTime(new Date(at.ms), at.offsetMinutes);
}

/** This machine's name among its peers (its own member row), for the file's name. */
function ownName(db: Database, deviceId: string): string | null {
  return db.prepare<[string], string>('SELECT name FROM peer_members WHERE device_id = ?').pluck().get(deviceId) ?? null;
}

export function answerBundleWrite(ctx: BundleAskContext, args: { folder: string; for: string[] | null; at: StickMoment; by: { staffId: string } }): Result<StickFile> {
  const group = readGroup(ctx.db);
  const name = ownName(ctx.db, ctx.deviceId);
  if (group === null || name === null) return fail('INVALID_REQUEST', 'this computer belongs to no kindergarten group yet: pair it first');
  try {
    const written = writeBundleFromDb({
      db: ctx.db,
      groupId: group.groupId,
      deviceId: ctx.deviceId,
      machineName: name,
      signingKey: ctx.signKey,
      hlc: ctx.log.hlc.now(),
      at: momentOf(args.at),
      folder: args.folder,
      staffId: args.by.staffId,
      ...(args.for === null ? {} : { for: args.for }),
    });
    return ok({ path: written.path, bundleId: written.bundleId, records: written.records, recipients: written.recipients });
  } catch (error) {
    if (error instanceof BundleWriteError) return fail('INVALID_REQUEST', error.message);
    // The folder's file system refused (full, read-only, pulled out): said as a save that failed.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fail('SAVE_FAILED', error instanceof Error ? error.message : code);
    throw error;
  }
}

export function answerBundleRead(ctx: BundleAskContext, args: { path: string; at: StickMoment; by: { staffId: string } }): Result<StickRead> {
  const group = readGroup(ctx.db);
  if (group === null) return fail('INVALID_REQUEST', 'this computer belongs to no kindergarten group yet: pair it first');
  if (ctx.dhKey === null) return fail('PEER_LINK_OFF', "this computer's stick key could not be read at start");
  const taken = readBundleIntoDb({
    db: ctx.db,
    groupId: group.groupId,
    deviceId: ctx.deviceId,
    dhPrivateKey: ctx.dhKey,
    appliers: ctx.appliers,
    path: args.path,
    at: momentOf(args.at),
    staffId: args.by.staffId,
  });
  if (taken.applied !== null) {
    // What waited for these records (a tap for a child the stick's roster edit brings) is applied now, as after a page.
    const retried = taken.applied.applied > 0 ? retryWaiting(ctx.db, ctx.appliers) : null;
    const kinds = [...new Set([...taken.applied.kinds, ...(retried?.kinds ?? [])])];
    ctx.applied({
      ...taken.applied,
      kinds,
      children: [...new Set([...taken.applied.children, ...(retried?.children ?? [])])],
      staff: [...new Set([...taken.applied.staff, ...(retried?.staff ?? [])])],
    });
  }
  return ok({ outcome: taken.outcome, taken: taken.applied === null ? null : { applied: taken.applied.applied, waiting: taken.applied.waiting } });
}
