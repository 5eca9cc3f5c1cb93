// The one loop of the staff's city facts in the backfill (backfill.ts, day-backfill.ts): each row under its own id, as
// BackfillWriter.cityFact takes it — the outbox's text while kept, else the city's record rebuilt from the row.
import type { BackfillWriter } from '../ledger/backfill-writer.js';

type FactKind = Parameters<BackfillWriter['cityFact']>[0];

/**
 * Each row, in the order given, as a `kind` record under the row's id: the city's type, id and this machine's device
 * id, then the row's own fields (`fields`, in the order the city's record lists them).
 */
export function backfillCityFacts<R extends { id: string }>(out: BackfillWriter, kind: FactKind, rows: readonly R[], fields: (row: R) => Record<string, unknown>): void {
  for (const row of rows) out.cityFact(kind, row.id, () => ({ type: kind, id: row.id, deviceId: out.deviceId, ...fields(row) }));
}
