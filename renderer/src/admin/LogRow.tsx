// One entry of the log: when, who, how, who brought or collected them, who recorded an override and why, and the
// correction that withdrew it, shown beside the entry it withdrew. Names are buttons that filter the log to them.
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../shared/admin/admin-contract.js';
import { paperDayTexts } from '../../../shared/i18n/staff/paper-day-catalogs.js';
import { formatDayTime } from '../../../shared/text/date-format.js';
import { dayText } from './dates.js';

interface Props {
  entry: LogEntry;
  onChild?: (child: { id: string; name: string }) => void;
  onCompanion?: (companion: { id: string; name: string }) => void;
}

export function LogRow({ entry, onChild, onCompanion }: Props) {
  const { t, i18n } = useTranslation();
  const paperDay = paperDayTexts(i18n.language);
  const childName = `${entry.child.firstName} ${entry.child.lastName}`;
  return (
    <article className="log-entry" data-testid="log-entry" data-entry-id={entry.id} data-method={entry.method} data-withdrawn={entry.correction !== null}>
      <div className="log-when">
        <span className="log-time">{entry.at}</span>
        <span className="log-day">{dayText(entry.localDate)}</span>
      </div>
      <div className="log-what">
        <div className="log-line">
          {onChild ? (
            <button type="button" className="log-name" data-testid="log-child" title={t('admin.log.onlyChild')} onClick={() => onChild({ id: entry.child.id, name: childName })}>
              {childName}
            </button>
          ) : (
            <strong>{childName}</strong>
          )}
          <span className="log-group">{entry.groupName}</span>
          <span className={`log-kind kind-${entry.kind}`}>{t(`admin.log.${entry.kind}`)}</span>
          <span className={`log-method method-${entry.method}`}>{t(`admin.log.methods.${entry.method}`)}</span>
          {entry.companion &&
            (onCompanion ? (
              <button type="button" className="log-name log-companion" data-testid="log-companion" title={t('admin.log.onlyCompanion')} onClick={() => entry.companion && onCompanion(entry.companion)}>
                {entry.companion.name}
              </button>
            ) : (
              <span className="log-companion">{entry.companion.name}</span>
            ))}
          {entry.companionNameSaid && <span className="log-said">{t('admin.log.said', { name: entry.companionNameSaid })}</span>}
        </div>
        {(entry.staff || entry.override) && (
          <div className="log-line log-override" data-testid="log-override">
            {entry.override && <span className="log-reason">{t(`staff.override.reasons.${entry.override.reason}`)}</span>}
            {entry.enteredLater && (
              <span className="log-reason" data-testid="log-entered-later">
                {paperDay.reason} · {paperDay.enteredLater(formatDayTime(entry.enteredLater.enteredAt))}
              </span>
            )}
            {entry.override?.note && <span className="log-note">«{entry.override.note}»</span>}
            {entry.staff && <span>{t('admin.log.by', { name: entry.staff.name })}</span>}
          </div>
        )}
        {entry.correction && (
          <div className="log-correction" data-testid="log-correction">
            {t('admin.log.withdrawn', { name: entry.correction.staffName, at: formatDayTime(entry.correction.occurredAt), reason: entry.correction.reason })}
          </div>
        )}
      </div>
      <span className={`log-sync sync-${entry.syncState}`} data-testid="log-sync">
        {t(`admin.log.syncStates.${entry.syncState}`)}
      </span>
    </article>
  );
}
