// A stick out of the database (docs/peers.md §8 "Writing"): what this machine holds that the addressees are not known
// to hold — for each origin, everything after the lowest seq any addressee is known to have, from the `have` in its
// newest stick read here (none read: nothing known, so everything) — each origin's run cut at its last signed row, so
// the reader can prove it; sealed for every current member but this one and written by bundle-write.ts. The stick is
// kept in peer_bundles and audited `bundle-written` with its ranges, in one transaction once the file is whole.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { HaveVectorSchema, type HaveVector, type PeerRecord, type SignedHead } from '../../../../shared/peers/peer-record.js';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { archivedHeadOf } from '../../ledger/archive/peer-archived.js';
import { heldHave, heldHeadOf, heldRecordsAfter } from '../../ledger/peer-log.js';
import { bundleRanges } from './bundle-ranges.js';
import { BundleWriteError, writeBundle, type BundleContent, type BundleRecipientKey } from './bundle-write.js';

/** Rows read from the log at once while gathering a run. */
const READ_PAGE = 1000;

export interface BundleFromDbInput {
  db: Database;
  groupId: string;
  /** This machine: its device id, name (the file's) and the device key that signs the stick. */
  deviceId: string;
  machineName: string;
  signingKey: KeyObject;
  /** This machine's HLC now (its peer log's clock). */
  hlc: string;
  /** When, in the kindergarten's zone: the file's name, the header's createdAt, the audit row. */
  at: LocalTime;
  folder: string;
  /** The admin who wrote it. */
  staffId: string;
  /** Addressees by device id; all current members but this one when absent. */
  for?: readonly string[];
}

export interface BundleWritten {
  path: string;
  bundleId: string;
  records: number;
  ranges: Record<string, [number, number]>;
  recipients: string[];
}

interface MemberRow {
  device_id: string;
  dh_pub: Buffer;
}

/** The `have` the addressee last told this machine, from the newest stick of its own read here; null: none known. */
export function knownHaveOf(db: Database, deviceId: string): HaveVector | null {
  const row = db
    .prepare<[string], { ranges: string }>("SELECT ranges FROM peer_bundles WHERE direction = 'read' AND sender_device_id = ? ORDER BY at_ms DESC LIMIT 1")
    .get(deviceId);
  if (row === undefined) return null;
  try {
    const parsed = HaveVectorSchema.safeParse((JSON.parse(row.ranges) as { have?: unknown }).have);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** An origin's rows from `fromSeq` to `toSeq`, cut back to the last one carrying its origin's signature. */
function signedRun(db: Database, origin: string, fromSeq: number, toSeq: number): { records: PeerRecord[]; head: SignedHead } | null {
  const records: PeerRecord[] = [];
  // Bounded: each page moves the cursor on, a short page or the end of the range stops it.
  for (let after = fromSeq - 1; after < toSeq; ) {
    const page = heldRecordsAfter(db, origin, after, Math.min(READ_PAGE, toSeq - after));
    records.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < Math.min(READ_PAGE, toSeq - after)) break;
    after = last.seq;
  }
  for (let i = records.length - 1; i >= 0; i -= 1) {
    const record = records[i];
    const head = record === undefined ? null : heldHeadOf(db, origin, record.seq);
    if (head !== null) return { records: records.slice(0, i + 1), head };
  }
  return null;
}

/** The records and heads a stick for these addressees carries. */
export function bundleContentFor(db: Database, addressees: readonly string[]): { content: BundleContent; ranges: Record<string, [number, number]> } {
  const wanted = bundleRanges(heldHave(db), addressees.map((id) => knownHaveOf(db, id)));
  const records: PeerRecord[] = [];
  const heads: SignedHead[] = [];
  const archived: SignedHead[] = [];
  const ranges: Record<string, [number, number]> = {};
  for (const [origin, [fromSeq, toSeq]] of Object.entries(wanted)) {
    const run = signedRun(db, origin, fromSeq, toSeq);
    if (run === null || run.records.length === 0) continue;
    records.push(...run.records);
    heads.push(run.head);
    ranges[origin] = [fromSeq, run.head.seq];
    // Link-only rows (their events archived here, or taken so) are proven up to the origin's archived head only.
    const linkOnly = run.records.some((r) => r.kind === 'attendance' && r.event === undefined);
    const archivedHead = linkOnly ? archivedHeadOf(db, origin) : null;
    if (archivedHead !== null) archived.push(archivedHead);
  }
  return { content: { records, heads, archived }, ranges };
}

export function writeBundleFromDb(input: BundleFromDbInput): BundleWritten {
  const { db } = input;
  const members = db.prepare<[], MemberRow>('SELECT device_id, dh_pub FROM peer_members WHERE revoked_at IS NULL ORDER BY device_id').all();
  const others = members.filter((m) => m.device_id !== input.deviceId && (input.for === undefined || input.for.includes(m.device_id)));
  // A removed machine is simply not a recipient (§3): nobody else can open what is written for the rest.
  if (others.length === 0) throw new BundleWriteError('BUNDLE_NO_RECIPIENT', 'no current member to write a stick for');
  const recipients: BundleRecipientKey[] = others.map((m) => ({ deviceId: m.device_id, dhPub: new Uint8Array(m.dh_pub) }));
  const { content, ranges } = bundleContentFor(db, recipients.map((r) => r.deviceId));
  const written = writeBundle(input.folder, input.machineName, {
    groupId: input.groupId,
    from: input.deviceId,
    signingKey: input.signingKey,
    createdAt: input.at.iso,
    hlc: input.hlc,
    have: heldHave(db),
    recipients,
    content,
  });
  const fileName = written.path.slice(input.folder.length).replace(/^[\\/]+/, '');
  db.transaction(() => {
    db.prepare("INSERT INTO peer_bundles (bundle_id, direction, sender_device_id, file_name, ranges, records, staff_id, at_ms) VALUES (?, 'written', ?, ?, ?, ?, ?, ?)").run(
      written.header.bundleId,
      input.deviceId,
      fileName,
      JSON.stringify({ covers: written.header.covers, have: written.header.have }),
      content.records.length,
      input.staffId,
      input.at.ms,
    );
    new AdminAudit(db).record('bundle-written', input.staffId, input.at, { bundleId: written.header.bundleId, file: fileName, records: content.records.length, ranges, recipients: recipients.map((r) => r.deviceId) });
  }).immediate();
  return { path: written.path, bundleId: written.header.bundleId, records: content.records.length, ranges, recipients: recipients.map((r) => r.deviceId) };
}
