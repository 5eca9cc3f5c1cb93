// The admin's roster spreadsheet over one database: the workbook to download (the template, or the roster as it
// stands), and an import — the file received in pieces, guarded and read once, a preview of what it changes and every
// problem, then the apply: one transaction that reads the file against the roster again, refuses if that is no longer
// what was previewed, replaces the families' part of the roster by the rules the city's snapshot follows
// (roster-apply.ts applyFamilyRoster: a child left out is deactivated, their history kept), writes the columns only a
// spreadsheet has, and audits who imported which file with what counts. Refused where a city manages the roster.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  ROSTER_FILE_MAX_BYTES,
  ROSTER_PREVIEW_MAX_PROBLEMS,
  type RosterCounts,
  type RosterImportApplied,
  type RosterPreview,
} from '../../../shared/admin/roster-import-contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import { exportStamp, writeExport, type ExportedFile } from './export/exports-dir.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { applyFamilyRoster, RosterRejectedError } from '../roster/roster-apply.js';
import { allCredentials, liveStaffCards, readSheetRoster } from '../roster/spreadsheet/current-roster.js';
import { guardSpreadsheet } from '../roster/spreadsheet/file-guard.js';
import { parseRoster, parseSkippingProblems, type ParsedRoster } from '../roster/spreadsheet/parse-roster.js';
import { readRosterWorkbook, type RosterSheets } from '../roster/spreadsheet/read-workbook.js';
import { RosterUploads } from '../roster/spreadsheet/roster-uploads.js';
import type { SheetLanguage } from '../roster/spreadsheet/sheet-layout.js';
import { rosterDiff, totalChanges, type SheetRoster } from '../roster/spreadsheet/sheet-roster.js';
import type { SheetProblem } from '../roster/spreadsheet/sheet-problems.js';
import { rosterWorkbook } from '../roster/spreadsheet/write-workbook.js';

export interface RosterImportDeskOptions {
  db: Database;
  dataDir: string;
  nowMs: () => number;
  log: (line: string) => void;
}

type Refused = Extract<RosterPreview, { outcome: 'refused' }>;
type FileReading = { ok: true; sheets: RosterSheets; sha256: string } | { ok: false; refused: Refused };

interface Reckoning extends ParsedRoster {
  counts: RosterCounts;
  /** The problems of the rows left out (skipping), or those standing. */
  shown: SheetProblem[];
  skippedRows: number;
}

export class RosterImportDesk {
  private readonly uploads: RosterUploads;
  private readonly audit: AdminAudit;
  private readonly sync: SyncStateStore;
  /** Each whole file read once: the preview and the apply use the same reading. */
  private readonly readings = new Map<string, Promise<FileReading>>();

  constructor(private readonly options: RosterImportDeskOptions) {
    this.uploads = new RosterUploads(options.nowMs);
    this.audit = new AdminAudit(options.db);
    this.sync = new SyncStateStore(options.db);
  }

  /** A kiosk enrolled with a city takes its roster from the city alone. */
  private managedByCity(): boolean {
    return this.sync.get(SYNC_KEYS.serverUrl) !== null;
  }

  info(): { allowed: boolean; maxBytes: number } {
    return { allowed: !this.managedByCity(), maxBytes: ROSTER_FILE_MAX_BYTES };
  }

  async spreadsheet(member: StaffMember, language: SheetLanguage, filled: boolean, at: LocalTime): Promise<Result<ExportedFile>> {
    const roster = filled ? readSheetRoster(this.options.db) : null;
    const body = await rosterWorkbook(language, roster);
    const written = writeExport(this.options.dataDir, `${filled ? 'roster' : 'roster-template'}-${language}-${exportStamp(at)}.xlsx`, body);
    if (roster) {
      this.audit.record('roster-exported', member.id, at, { fileName: written.fileName, language, children: roster.children.length, companions: roster.companions.length });
    }
    return ok(written);
  }

  begin(member: StaffMember, fileName: string, bytes: number): Result<{ uploadId: string; chunkBytes: number }> {
    if (this.managedByCity()) return fail('ROSTER_MANAGED_BY_CITY');
    return this.uploads.begin(member.id, fileName, bytes);
  }

  chunk(member: StaffMember, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    return this.uploads.chunk(member.id, uploadId, offset, data);
  }

  async preview(member: StaffMember, uploadId: string, skip: boolean, at: LocalTime): Promise<Result<RosterPreview>> {
    if (this.managedByCity()) return fail('ROSTER_MANAGED_BY_CITY');
    const upload = this.uploads.whole(member.id, uploadId);
    if (!upload.ok) return upload;
    const reading = await this.read(uploadId, upload.value.bytes);
    if (!reading.ok) return ok(reading.refused);
    const r = this.reckon(reading.sheets, skip, at);
    return ok({
      outcome: 'preview',
      fileName: upload.value.fileName.slice(0, 200),
      counts: r.counts,
      problems: r.shown.slice(0, ROSTER_PREVIEW_MAX_PROBLEMS),
      problemCount: r.shown.length,
      skipping: skip,
      skippedRows: r.skippedRows,
      canApply: r.problems.length === 0,
      unchanged: r.problems.length === 0 && totalChanges(r.counts) === 0,
    });
  }

  async apply(member: StaffMember, uploadId: string, skip: boolean, expected: RosterCounts, at: LocalTime): Promise<Result<RosterImportApplied>> {
    if (this.managedByCity()) return fail('ROSTER_MANAGED_BY_CITY');
    const upload = this.uploads.whole(member.id, uploadId);
    if (!upload.ok) return upload;
    const reading = await this.read(uploadId, upload.value.bytes);
    if (!reading.ok) return fail('ROSTER_FILE_REFUSED', reading.refused.refusal);
    const { db } = this.options;
    try {
      const applied = db
        .transaction((): Result<RosterImportApplied> => {
          // Read against the roster as it is inside the transaction: what is applied is what the counts say.
          if (this.managedByCity()) return fail('ROSTER_MANAGED_BY_CITY');
          const r = this.reckon(reading.sheets, skip, at);
          if (r.problems.length > 0) return fail('ROSTER_HAS_PROBLEMS', `${r.problems.length} problems`);
          if (JSON.stringify(r.counts) !== JSON.stringify(expected)) return fail('ROSTER_IMPORT_STALE');
          const result = applyFamilyRoster(db, r.roster, at);
          this.writeSpreadsheetColumns(r.roster);
          this.audit.record('roster-imported', member.id, at, {
            fileName: upload.value.fileName,
            bytes: upload.value.bytes.length,
            sha256: reading.sha256,
            counts: r.counts,
            skippedRows: r.skippedRows,
            rows: { upserted: result.upserted, removed: result.removed, keptForHistory: result.kept },
          });
          for (const note of result.notes) this.options.log(`[roster-import] ${note}`);
          return ok({ counts: r.counts, skippedRows: r.skippedRows });
        })
        .immediate();
      if (applied.ok) {
        this.uploads.forget(uploadId);
        this.readings.delete(uploadId);
        this.options.log(`[roster-import] ${upload.value.fileName} applied by ${member.id}: ${JSON.stringify(applied.value.counts)}`);
      }
      return applied;
    } catch (error) {
      // The preview checks everything the tables would refuse; one that slips through changes nothing and is named.
      if (error instanceof RosterRejectedError) return fail('ROSTER_HAS_PROBLEMS', error.message.slice(0, 500));
      throw error;
    }
  }

  private read(uploadId: string, bytes: Uint8Array): Promise<FileReading> {
    let reading = this.readings.get(uploadId);
    if (!reading) {
      reading = readFile(bytes);
      this.readings.set(uploadId, reading);
      // Only the newest few files are kept, like the uploads.
      if (this.readings.size > 3) {
        const oldest = this.readings.keys().next().value;
        if (oldest !== undefined && oldest !== uploadId) this.readings.delete(oldest);
      }
    }
    return reading;
  }

  private reckon(sheets: RosterSheets, skip: boolean, at: LocalTime): Reckoning {
    const { db } = this.options;
    const current = readSheetRoster(db);
    const context = { current, credentials: allCredentials(db), staffCards: liveStaffCards(db), nowIso: new Date(at.ms).toISOString(), today: at.localDate };
    if (!skip) {
      const parsed = parseRoster(sheets, context);
      return { ...parsed, counts: rosterDiff(current, parsed.roster), shown: parsed.problems, skippedRows: 0 };
    }
    const parsed = parseSkippingProblems(sheets, context);
    const skippedRows = new Set(parsed.skipped.map((p) => `${p.sheet}:${p.row}`)).size;
    return { ...parsed, counts: rosterDiff(current, parsed.roster), shown: parsed.skipped, skippedRows };
  }

  /** Date of birth, gender and phone: the roster's other columns are written by applyFamilyRoster. */
  private writeSpreadsheetColumns(roster: SheetRoster): void {
    const { db } = this.options;
    const child = db.prepare('UPDATE children SET birth_date = ?, gender = ? WHERE id = ? AND (birth_date, gender) IS NOT (?, ?)');
    for (const c of roster.children) child.run(c.birthDate, c.gender, c.id, c.birthDate, c.gender);
    const companion = db.prepare('UPDATE companions SET phone = ? WHERE id = ? AND phone IS NOT ?');
    for (const c of roster.companions) companion.run(c.phone, c.id, c.phone);
  }
}

async function readFile(bytes: Uint8Array): Promise<FileReading> {
  const refused = (refusal: Refused['refusal'], more: Partial<Pick<Refused, 'sheet' | 'column' | 'limit'>> = {}): FileReading => ({
    ok: false,
    refused: { outcome: 'refused', refusal, sheet: more.sheet ?? null, column: more.column ?? null, limit: more.limit ?? null },
  });
  const guarded = guardSpreadsheet(bytes);
  if (!guarded.ok) return refused(guarded.refusal);
  const read = await readRosterWorkbook(guarded.workbook);
  if (!read.ok) {
    if (read.refusal === 'damaged') return refused('damaged');
    if (read.refusal === 'sheet-missing') return refused('sheet-missing', { sheet: read.sheet });
    if (read.refusal === 'column-missing') return refused('column-missing', { sheet: read.sheet, column: read.column });
    return refused('too-many-rows', { sheet: read.sheet, limit: read.limit });
  }
  return { ok: true, sheets: read.sheets, sha256: createHash('sha256').update(bytes).digest('hex') };
}
