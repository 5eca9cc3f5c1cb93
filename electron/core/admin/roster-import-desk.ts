// The admin's roster spreadsheet over one database: the workbook to download (the template, or the roster as it
// stands), and an import — the file received in pieces, guarded and read once, a preview of what it changes and every
// problem, then the apply. The apply is ONE transaction that reads the file against the roster again, refuses if that
// is no longer what was previewed, and takes the same paths as the admin's hand edits: the roster editor for groups,
// children, companions and their rights (each change attributed, audited, in roster_changes, queued for the city; a
// child left out leaves with their days kept) and the console's card enrolment for cards. Any refusal on the way undoes
// the whole file. Refused where the city keeps the roster (ROSTER_MANAGED_BY_CITY), as hand edits are.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  ROSTER_CHUNK_BYTES,
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
import { memoryHold, type MemoryHold } from '../files/upload-holds.js';
import { UploadStore } from '../files/upload-store.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { SyncStateStore } from '../ledger/sync-state.js';
import { RosterEditor } from '../roster/edit/roster-editor.js';
import { allCredentials, liveStaffCards, readSheetRoster } from '../roster/spreadsheet/current-roster.js';
import { guardSpreadsheet } from '../roster/spreadsheet/file-guard.js';
import { importPlan, type CardStep } from '../roster/spreadsheet/import-plan.js';
import { parseRoster, parseSkippingProblems, type ParsedRoster } from '../roster/spreadsheet/parse-roster.js';
import { readRosterWorkbook, type RosterSheets } from '../roster/spreadsheet/read-workbook.js';
import type { SheetLanguage } from '../roster/spreadsheet/sheet-layout.js';
import { rosterDiff, totalChanges, type SheetRoster } from '../roster/spreadsheet/sheet-roster.js';
import type { SheetProblem } from '../roster/spreadsheet/sheet-problems.js';
import { rosterWorkbook } from '../roster/spreadsheet/write-workbook.js';
import { CardDirectory } from './card-directory.js';
import { CardEnrolment } from './card-enrolment.js';

export interface RosterImportDeskOptions {
  db: Database;
  dataDir: string;
  /** This kiosk's device id: the roster and card changes it queues for the city name it. */
  deviceId: string;
  nowMs: () => number;
  log: (line: string) => void;
}

type Refused = Extract<RosterPreview, { outcome: 'refused' }>;
type FileReading = { ok: true; sheets: RosterSheets; sha256: string } | { ok: false; refused: Refused };

interface Reckoning extends ParsedRoster {
  /** The roster as it stood when the file was read against it. */
  current: SheetRoster;
  counts: RosterCounts;
  /** The problems of the rows left out (skipping), or those standing. */
  shown: SheetProblem[];
  skippedRows: number;
}

export class RosterImportDesk {
  private readonly uploads: UploadStore<MemoryHold>;
  private readonly audit: AdminAudit;
  private readonly editor: RosterEditor;
  private readonly cards: CardEnrolment;
  /** Each whole file read once: the preview and the apply use the same reading. */
  private readonly readings = new Map<string, Promise<FileReading>>();

  constructor(private readonly options: RosterImportDeskOptions) {
    const { db, deviceId } = options;
    // A workbook is read whole at once, and is a few MiB at most: it waits in memory.
    this.uploads = new UploadStore(
      {
        maxBytes: ROSTER_FILE_MAX_BYTES,
        chunkBytes: ROSTER_CHUNK_BYTES,
        most: 3,
        codes: { tooLarge: 'ROSTER_FILE_TOO_LARGE', unknown: 'ROSTER_UPLOAD_UNKNOWN', incomplete: 'ROSTER_UPLOAD_INCOMPLETE' },
        hold: (_uploadId, _fileName, size) => memoryHold(size),
      },
      options.nowMs,
    );
    this.audit = new AdminAudit(db);
    const settings = SettingsStore.of(db);
    this.editor = new RosterEditor({ db, deviceId, audit: this.audit, settings, sync: new SyncStateStore(db) });
    // The file's numbers are written as the template prints them: read as canonical, never by a reader's format.
    this.cards = new CardEnrolment({ db, deviceId, audit: this.audit, settings, directory: new CardDirectory(db), cardFormat: () => 'canonical' });
  }

  /** Where the city keeps the roster, it comes from the city alone: no hand edits, no spreadsheet. */
  private managedByCity(): boolean {
    return !this.editor.editable();
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
    const reading = await this.read(uploadId, upload.value.hold.bytes);
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
    const reading = await this.read(uploadId, upload.value.hold.bytes);
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
          const plan = importPlan(r.current, r.roster, allCredentials(db));
          const edited = this.editor.apply(member.id, 'spreadsheet', plan.changes, at);
          if (!edited.ok) throw new Undo(edited);
          if (edited.value.outcome === 'refused') {
            const named = edited.value.problems.slice(0, 20).map((p) => `${p.reason}: ${JSON.stringify(plan.changes[p.index])}`);
            throw new Undo(ok({ outcome: 'refused', reason: 'roster-change', detail: named.join('; ').slice(0, 1000) }));
          }
          for (const step of plan.cards) this.cardStep(member.id, step, at);
          this.writeSpreadsheetColumns(r.roster);
          this.audit.record('roster-imported', member.id, at, {
            fileName: upload.value.fileName,
            bytes: upload.value.size,
            sha256: reading.sha256,
            counts: r.counts,
            skippedRows: r.skippedRows,
            // The roster changes (roster_changes.batch_id, each audited as roster-changed) and the card changes made.
            batchId: edited.value.batchId,
            rosterChanges: edited.value.changed,
            cardChanges: plan.cards.length,
          });
          return ok({ outcome: 'applied', counts: r.counts, skippedRows: r.skippedRows });
        })
        .immediate();
      if (applied.ok && applied.value.outcome === 'applied') {
        this.uploads.forget(uploadId);
        this.readings.delete(uploadId);
        this.options.log(`[roster-import] ${upload.value.fileName} applied by ${member.id}: ${JSON.stringify(applied.value.counts)}`);
      }
      return applied;
    } catch (error) {
      if (error instanceof Undo) {
        this.options.log(`[roster-import] ${upload.value.fileName} refused, nothing applied: ${JSON.stringify(error.result)}`);
        return error.result;
      }
      throw error;
    }
  }

  /** One card step through the console's card enrolment; a refusal undoes the whole file (the preview checks for it). */
  private cardStep(staffId: string, step: CardStep, at: LocalTime): void {
    if (step.step === 'revoke') {
      const revoked = this.cards.revoke(staffId, step.credentialId, step.reason, at);
      if (!revoked.ok) throw new Undo(revoked);
      return;
    }
    if (step.step === 'issue-qr') {
      const issued = this.cards.issueQr(staffId, step.companionId, at);
      if (!issued.ok) throw new Undo(issued);
      return;
    }
    const enrolled = this.cards.enrolNumber(staffId, step.companionId, step.number, at);
    if (!enrolled.ok) throw new Undo(enrolled);
    if (enrolled.value.outcome === 'refused') throw new Undo(ok({ outcome: 'refused', reason: 'card', detail: `card ${step.number}: ${enrolled.value.reason}` }));
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
      return { ...parsed, current, counts: rosterDiff(current, parsed.roster), shown: parsed.problems, skippedRows: 0 };
    }
    const parsed = parseSkippingProblems(sheets, context);
    const skippedRows = new Set(parsed.skipped.map((p) => `${p.sheet}:${p.row}`)).size;
    return { ...parsed, current, counts: rosterDiff(current, parsed.roster), shown: parsed.skipped, skippedRows };
  }

  /** Date of birth, gender and phone: columns only a spreadsheet has (the city never sends them), so no editor's. */
  private writeSpreadsheetColumns(roster: SheetRoster): void {
    const { db } = this.options;
    const child = db.prepare('UPDATE children SET birth_date = ?, gender = ? WHERE id = ? AND (birth_date, gender) IS NOT (?, ?)');
    for (const c of roster.children) child.run(c.birthDate, c.gender, c.id, c.birthDate, c.gender);
    const companion = db.prepare('UPDATE companions SET phone = ? WHERE id = ? AND phone IS NOT ?');
    for (const c of roster.companions) companion.run(c.phone, c.id, c.phone);
  }
}

/** Thrown inside the apply's transaction to undo everything the file had changed so far, with the refusal to answer. */
class Undo extends Error {
  constructor(private readonly refusal: Result<RosterImportApplied>) {
    super('roster import undone');
  }

  get result(): Result<RosterImportApplied> {
    return this.refusal;
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
