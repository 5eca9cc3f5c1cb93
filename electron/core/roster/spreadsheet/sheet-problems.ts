// The problems an import finds, each where the admin can find it: the sheet (as its tab is named), the row, the column
// (letter and header as written). The screen words them in the admin's language from the kind alone.
import type { RosterProblem, RosterProblemKind } from '../../../../shared/admin/roster-import-contract.js';

export type ProblemKind = RosterProblemKind;
export type SheetProblem = RosterProblem;

export function rowKey(sheet: RosterProblem['sheet'], row: number): string {
  return `${sheet}:${row}`;
}
