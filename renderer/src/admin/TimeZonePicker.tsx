// The kindergarten's time zone, chosen from a list: Kazakhstan's zones first with their names in the screen's language,
// then every other zone. Used by the console's clock page and the first-run setup; the core checks the zone again.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneTexts } from '../../../shared/i18n/admin/time-zone-catalogs.js';
import { zoneOptions } from './time-zone-options.js';

interface Props {
  value: string;
  onChange: (zone: string) => void;
}

export function TimeZonePicker({ value, onChange }: Props) {
  const { i18n } = useTranslation();
  const texts = timeZoneTexts(i18n.language);
  // The offsets shown are those of the moment the picker opened: enough to tell UTC+5 from UTC+6.
  const [openedMs] = useState(() => Date.now());
  const { kazakhstan, other } = useMemo(() => {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return zoneOptions(texts, value, openedMs, known);
  }, [texts, value, openedMs]);
  return (
    <label className="admin-field">
      {texts.picker}
      <select data-testid="time-zone-picker" value={value} onChange={(e) => onChange(e.target.value)}>
        <optgroup label={texts.kazakhstan}>
          {kazakhstan.map((o) => (
            <option key={o.zone} value={o.zone}>
              {o.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={texts.otherZones}>
          {other.map((o) => (
            <option key={o.zone} value={o.zone}>
              {o.label}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
