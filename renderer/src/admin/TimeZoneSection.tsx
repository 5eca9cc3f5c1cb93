// The kindergarten's clock on the console's settings page: the zone (the picker; saving is the admin's audited act),
// the kindergarten's time now, the computer's zone, and the computer's clock against the city's.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockCheck } from '../../../shared/admin/time-zone-contract.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import { timeZoneTexts } from '../../../shared/i18n/admin/time-zone-catalogs.js';
import { dayText } from './dates.js';
import { offsetLabel } from './time-zone-options.js';
import { TimeZonePicker } from './TimeZonePicker.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

interface Props {
  call: AdminCall;
  /** The zone was saved: the console's warnings look again. */
  onSaved?: () => void;
}

export function TimeZoneSection({ call, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const texts = timeZoneTexts(i18n.language);
  const loaded = useLoadedOnce(useCallback(() => call('adminClock', {}), [call]));
  const [saved, setSaved] = useState<ClockCheck | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const check = saved ?? loaded;
  if (!check) return null;
  const zone = chosen ?? check.zone;

  const save = async () => {
    const result = await call('adminSetTimeZone', { zone });
    if (!result.ok) return setMessage({ text: t(`errors.${result.error.code}`), failed: true });
    setSaved(result.value);
    setChosen(null);
    setMessage({ text: fillText(texts.page.saved, { zone: result.value.zone }), failed: false });
    onSaved?.();
  };
  const local = check.localNow;
  const city =
    check.cityClockOffsetMs === null
      ? texts.page.cityUnknown
      : fillText(texts.page.city, {
          drift: check.warnings.includes('os-clock-off')
            ? fillText(texts.page.cityDrift, { minutes: Math.round(Math.abs(check.cityClockOffsetMs) / 60_000) })
            : texts.page.cityInStep,
        });

  return (
    <section className="staff-form settings-form" data-testid="time-zone-section">
      <h2>{texts.page.title}</h2>
      <p className="staff-hint">{texts.page.hint}</p>
      <p data-testid="time-zone-now">{fillText(texts.page.now, { time: `${dayText(local.slice(0, 10))} ${local.slice(11, 16)}`, offset: offsetLabel(check.zoneOffsetMinutes) })}</p>
      <p className="staff-hint">{fillText(texts.page.os, { zone: check.osZone, offset: offsetLabel(check.osOffsetMinutes) })}</p>
      <p className="staff-hint">{city}</p>
      <TimeZonePicker
        value={zone}
        onChange={(next) => {
          setMessage(null);
          setChosen(next);
        }}
      />
      <button type="button" className="staff-primary" data-testid="time-zone-save" disabled={zone === check.zone} onClick={() => void save()}>
        {texts.page.save}
      </button>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="time-zone-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
