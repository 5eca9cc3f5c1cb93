// The USB readers the core opens in HID data mode, as rows staff fill from lsusb: vendor and product id in hex, a
// name, the report layout and the number format. Ids stay text while typed; the panel parses them on save.
import { useTranslation } from 'react-i18next';
import { ReaderFormatSchema } from '../../../shared/credentials/reader-format.js';
import { ReportProtocolSchema, type HidReaderConfig } from '../../../shared/readers/reader-config.js';
import { formatUsbId, parseUsbId } from '../../../shared/admin/door-settings.js';
import { ChoiceField } from './ChoiceField.js';

export interface ReaderRow {
  key: number;
  vendorId: string;
  productId: string;
  name: string;
  report: HidReaderConfig['report'];
  format: HidReaderConfig['format'];
  /** Kept as it was: not edited here. */
  reportId: number | null;
  displayFormat: HidReaderConfig['displayFormat'];
}

let nextKey = 1;

export function rowFromReader(reader: HidReaderConfig): ReaderRow {
  return { key: nextKey++, ...reader, vendorId: formatUsbId(reader.vendorId), productId: formatUsbId(reader.productId) };
}

export function emptyRow(): ReaderRow {
  return { key: nextKey++, vendorId: '', productId: '', name: '', report: 'keyboard', format: 'auto', reportId: null, displayFormat: 'canonical' };
}

/** The readers the rows describe, or the first problem (a catalog key under admin.door). */
export function readersFromRows(rows: readonly ReaderRow[]): { readers: HidReaderConfig[] } | { problem: 'badUsbId' | 'nameMissing' | 'duplicate' } {
  const readers: HidReaderConfig[] = [];
  for (const row of rows) {
    const vendorId = parseUsbId(row.vendorId);
    const productId = parseUsbId(row.productId);
    if (vendorId === null || productId === null) return { problem: 'badUsbId' };
    if (row.name.trim() === '') return { problem: 'nameMissing' };
    if (readers.some((r) => r.vendorId === vendorId && r.productId === productId)) return { problem: 'duplicate' };
    readers.push({ vendorId, productId, name: row.name.trim(), report: row.report, reportId: row.reportId, format: row.format, displayFormat: row.displayFormat });
  }
  return { readers };
}

export function HidReadersEditor({ rows, onChange }: { rows: readonly ReaderRow[]; onChange: (rows: ReaderRow[]) => void }) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<ReaderRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="hid-readers" data-testid="hid-readers">
      <legend>{t('admin.door.hidTitle')}</legend>
      <p className="staff-hint">{rows.length === 0 ? t('admin.door.hidNone') : t('admin.door.hidHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="hid-reader-row" data-testid={`hid-reader-${index}`}>
          <label className="admin-field">
            {t('admin.door.vendorId')}
            <input value={row.vendorId} placeholder="ffff" maxLength={6} data-testid="hid-vendor" onChange={(e) => update(row.key, { vendorId: e.target.value })} />
          </label>
          <label className="admin-field">
            {t('admin.door.productId')}
            <input value={row.productId} placeholder="0035" maxLength={6} data-testid="hid-product" onChange={(e) => update(row.key, { productId: e.target.value })} />
          </label>
          <label className="admin-field">
            {t('admin.door.readerName')}
            <input value={row.name} maxLength={200} data-testid="hid-name" onChange={(e) => update(row.key, { name: e.target.value })} />
          </label>
          <ChoiceField
            label={t('admin.door.report')}
            value={row.report}
            options={ReportProtocolSchema.options}
            text={(report) => t(`admin.door.reports.${report}`)}
            onChange={(report) => update(row.key, { report })}
          />
          <ChoiceField
            label={t('admin.door.format')}
            value={row.format}
            options={ReaderFormatSchema.options}
            text={(format) => t(`admin.readerFormats.${format}`)}
            onChange={(format) => update(row.key, { format })}
          />
          <button type="button" className="staff-secondary" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            {t('admin.door.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="staff-secondary" data-testid="hid-add" onClick={() => onChange([...rows, emptyRow()])}>
        {t('admin.door.add')}
      </button>
    </fieldset>
  );
}
