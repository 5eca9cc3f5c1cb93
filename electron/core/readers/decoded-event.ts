// What a report decoder hands the reader service: whole cards, or a note that a card was lost.

export type DropReason = 'short-report' | 'unknown-key' | 'too-long' | 'gap' | 'unplugged' | 'truncated-frame' | 'bad-frame';

export type DecodedEvent =
  | { kind: 'card'; text: string }
  /** Part of a card was read and then lost; it is never passed on, since a half number may be another card's. */
  | { kind: 'dropped'; reason: DropReason; partial: string };

export interface ReportDecoder {
  /** One input report as node-hid delivers it (report ID first when the device numbers its reports). */
  push(report: Uint8Array, atMs: number): DecodedEvent[];
  /** The device went away: anything half read is dropped. */
  reset(): DecodedEvent[];
}

/** The report without its ID byte, or null when it is a report of another ID. */
export function reportBody(report: Uint8Array, reportId: number | null): Uint8Array | null {
  if (reportId === null) return report;
  return report[0] === reportId ? report.subarray(1) : null;
}
