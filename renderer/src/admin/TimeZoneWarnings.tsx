// The clock warnings every admin screen shows above its page: the OS clock away from the city's by more than two
// minutes, and the OS zone's offset not the kindergarten's. Asked again every minute while the console is open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockCheck } from '../../../shared/admin/time-zone-contract.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import { timeZoneTexts } from '../../../shared/i18n/admin/time-zone-catalogs.js';
import { offsetLabel } from './time-zone-options.js';
import type { AdminCall } from './use-admin-call.js';

const RECHECK_MS = 60_000;

export function TimeZoneWarnings({ call, version = 0 }: { call: AdminCall; version?: number }) {
  const { i18n } = useTranslation();
  const texts = timeZoneTexts(i18n.language);
  const [check, setCheck] = useState<ClockCheck | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void call('adminClock', {}).then((result) => live && result.ok && setCheck(result.value));
    load();
    const timer = setInterval(load, RECHECK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [call, version]);
  if (!check || check.warnings.length === 0) return null;
  return (
    <div className="admin-clock-warnings" role="alert" data-testid="clock-warnings">
      {check.warnings.map((warning) => (
        <p key={warning} data-testid={`clock-warning-${warning}`}>
          {fillText(texts.warnings[warning], {
            minutes: Math.round(Math.abs(check.cityClockOffsetMs ?? 0) / 60_000),
            os: offsetLabel(check.osOffsetMinutes),
            zone: offsetLabel(check.zoneOffsetMinutes),
          })}
        </p>
      ))}
    </div>
  );
}
