// Picks the decoder for a reader's report layout (its `report` setting).
import { z } from 'zod';
import { createKeyboardDecoder } from './keyboard-report-decoder.js';
import { createLengthPrefixedDecoder } from './length-prefixed-decoder.js';
import type { ReportDecoder } from './decoded-event.js';

/** How a reader lays out its input reports; docs/rfid-readers.md has the byte layouts. */
export const ReportProtocolSchema = z.enum([
  /** Boot-protocol keyboard reports: the reader "types" the number and Enter. */
  'keyboard',
  /** Vendor data mode: [length][ASCII text of the number] in one report. */
  'length-ascii',
  /** Vendor data mode: [length][UID bytes] in one report. */
  'length-uid',
]);
export type ReportProtocol = z.infer<typeof ReportProtocolSchema>;

/**
 * `reportId`: the ID byte the device puts first in the reports that carry cards, or null when it does not
 * number its reports. Reports with another ID (a consumer-keys report, say) are ignored.
 */
export function createReportDecoder(protocol: ReportProtocol, reportId: number | null): ReportDecoder {
  switch (protocol) {
    case 'keyboard':
      return createKeyboardDecoder(reportId);
    case 'length-ascii':
      return createLengthPrefixedDecoder('ascii', reportId);
    case 'length-uid':
      return createLengthPrefixedDecoder('uid', reportId);
  }
}
