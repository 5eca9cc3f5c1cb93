// The card readers' settings: the USB readers the core opens in HID data mode, how each lays out its reports and
// writes card numbers, and the one format of the keyboard-mode readers the UI reads. Shared: the admin edits them.
import { z } from 'zod';
import { DisplayFormatSchema, ReaderFormatSchema } from '../credentials/reader-format.js';

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

const UsbId = z.number().int().min(0).max(0xffff);

export const HidReaderConfigSchema = z.lazy(() => z.object({
  /** USB ids as numbers (lsusb prints them in hex: "ffff:0035" is 0xffff, 0x0035). */
  vendorId: UsbId,
  productId: UsbId,
  /** What staff call it, shown when it is disconnected: "Entrance reader". */
  name: z.string().min(1).max(200),
  report: ReportProtocolSchema.default('keyboard'),
  /** The report ID the reader puts first in its card reports, or null when it does not number them. */
  reportId: z.number().int().min(1).max(255).nullable().default(null),
  format: ReaderFormatSchema.default('auto'),
  displayFormat: DisplayFormatSchema.default('canonical'),
}));
export type HidReaderConfig = z.output<typeof HidReaderConfigSchema>;

export const HidReadersSchema = z
  .array(HidReaderConfigSchema)
  .max(8)
  .refine((readers) => new Set(readers.map(readerId)).size === readers.length, 'each reader (vendorId:productId) once');

/** "hid:ffff:0035": stable across restarts, and what lsusb shows. */
export function readerId(reader: Pick<HidReaderConfig, 'vendorId' | 'productId'>): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `hid:${hex(reader.vendorId)}:${hex(reader.productId)}`;
}

/** The `keyboardReader` setting: keyboard-wedge readers, read by the UI, all share one format. */
export const KeyboardReaderConfigSchema = z.lazy(() => z.object({
  format: ReaderFormatSchema.default('auto'),
  displayFormat: DisplayFormatSchema.default('canonical'),
}));
export type KeyboardReaderConfig = z.output<typeof KeyboardReaderConfigSchema>;
