// Picks the decoder for a reader's report layout (its `report` setting).
import { createKeyboardDecoder } from './keyboard-report-decoder.js';
import { createLengthPrefixedDecoder } from './length-prefixed-decoder.js';
import type { ReportDecoder } from './decoded-event.js';
import type { ReportProtocol } from '../../../shared/readers/reader-config.js';


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
